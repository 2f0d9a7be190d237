package dev.iampolicyls.evaluation;

import dev.iampolicyls.policy.Statement;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * AWS's policy evaluation logic for one request (IAM User Guide, "Policy evaluation logic", its
 * single-account and cross-account pages): an explicit Deny anywhere denies; every RCP and every
 * SCP must allow; then a resource-based policy or the identity-based policies allow, with
 * permissions boundaries and session policies limiting what they grant as the guide's table says.
 * Pure: policies and a request in, a decision with its reasons out.
 */
public final class Evaluator {
  private Evaluator() {}

  /** The services RCPs apply to; requests to other services ignore RCPs. */
  private static final Set<String> RCP_SERVICES = loadRcpServices();

  /**
   * Evaluates the request as within one account ({@code sameAccount}) or across accounts (the
   * principal's account is not the resource's).
   */
  public static Evaluation evaluate(Request request, PolicySet policies, boolean sameAccount) {
    StatementMatcher matcher = new StatementMatcher(request, policies.boundary().isPresent());
    List<StatementOutcome> all = new ArrayList<>();
    List<Reason> denies = new ArrayList<>();
    RequestPrincipal principal = request.principal().orElse(null);
    for (NamedPolicy policy : policies.all()) {
      boolean inForce = inForce(policy.role(), request, principal);
      for (Statement statement : policy.policy().statements()) {
        StatementOutcome outcome = matcher.evaluate(policy, statement);
        if (!inForce && outcome.applies()) {
          outcome = notInForce(outcome, request, principal);
        }
        all.add(outcome);
        if (outcome.applies() && outcome.isDeny()) {
          denies.add(new Reason(policy, outcome, "an explicit Deny applies"));
        }
      }
    }
    if (!denies.isEmpty()) {
      return new Evaluation(Decision.ExplicitDeny, denies, all, sameAccount);
    }
    List<Reason> reasons = new ArrayList<>();
    List<Reason> missing = new ArrayList<>();
    List<List<NamedPolicy>> levels = new ArrayList<>(policies.rcps());
    levels.addAll(policies.scps());
    for (List<NamedPolicy> level : levels) {
      if (level.isEmpty() || !inForce(level.get(0).role(), request, principal)) {
        continue;
      }
      List<Reason> allows = new ArrayList<>();
      for (NamedPolicy gate : level) {
        allows.addAll(allows(all, gate));
      }
      if (allows.isEmpty()) {
        NamedPolicy first = level.get(0);
        String what = first.role().description();
        missing.add(
            new Reason(
                first,
                null,
                level.size() == 1
                    ? "no statement of this " + what + " allows the request"
                    : "no " + what + " of this level (" + sources(level) + ") allows the request"));
      }
      reasons.addAll(allows);
    }
    if (!missing.isEmpty()) {
      return new Evaluation(Decision.ImplicitDeny, missing, all, sameAccount);
    }
    Grants grants = new Grants(all, policies, principal, resourcePolicyFirst(request.action()));
    List<Reason> granted = sameAccount ? grants.sameAccount(missing) : grants.crossAccount(missing);
    if (granted == null) {
      return new Evaluation(Decision.ImplicitDeny, missing, all, sameAccount);
    }
    reasons.addAll(0, granted);
    return new Evaluation(Decision.Allowed, reasons, all, sameAccount);
  }

  /** The allows of each policy type and how they combine; null from a method means no allow. */
  private static final class Grants {
    private final PolicySet policies;
    private final RequestPrincipal principal;
    private final List<Reason> resourceDirect = new ArrayList<>();
    private final List<Reason> resourceToRole = new ArrayList<>();
    private final List<Reason> resourceToAccount = new ArrayList<>();
    private final List<Reason> identity = new ArrayList<>();
    private final List<Reason> boundary;
    private final List<Reason> session;

    /**
     * A KMS key policy or a role's trust policy must allow the principal or its account before IAM
     * policies count (the guide's exceptions to "either side may allow").
     */
    private final boolean resourcePolicyFirst;

    Grants(
        List<StatementOutcome> all,
        PolicySet policies,
        RequestPrincipal principal,
        boolean resourcePolicyFirst) {
      this.policies = policies;
      this.principal = principal;
      this.resourcePolicyFirst = resourcePolicyFirst;
      for (NamedPolicy p : policies.identity()) {
        identity.addAll(allows(all, p));
      }
      policies
          .resource()
          .ifPresent(
              rp -> {
                for (Reason r : allows(all, rp)) {
                  switch (r.statement().principalMatch()) {
                    case ROLE -> resourceToRole.add(r);
                    case ACCOUNT -> resourceToAccount.add(r);
                    default -> resourceDirect.add(r);
                  }
                }
              });
      boundary = policies.boundary().map(b -> allows(all, b)).orElse(null);
      session = policies.session().map(s -> allows(all, s)).orElse(null);
    }

    /**
     * Within one account: a resource policy naming the principal itself allows on its own; naming
     * the principal's role it allows within the boundary and session policy; naming the account it
     * delegates to the identity-based policies, which allow within the boundary and session policy.
     * The root user has every identity-based permission.
     */
    List<Reason> sameAccount(List<Reason> missing) {
      if (!resourceDirect.isEmpty()) {
        return resourceDirect;
      }
      if (!resourceToRole.isEmpty() && limitsAllow()) {
        return withLimits(resourceToRole);
      }
      if (resourcePolicyFirst && resourceToAccount.isEmpty()) {
        missing.add(
            new Reason(
                policies.resource().orElse(null),
                null,
                "a KMS key policy or role trust policy must allow the principal or its account"
                    + " before IAM policies count, and "
                    + (policies.resource().isPresent() ? "this one does not" : "none was given")));
        return null;
      }
      List<Reason> fromIdentity = identityAllows();
      if (fromIdentity != null) {
        List<Reason> both = new ArrayList<>(resourceToAccount);
        both.addAll(fromIdentity);
        return resourcePolicyFirst ? both : fromIdentity;
      }
      explainMissing(missing, false);
      return null;
    }

    /** Across accounts both sides must allow: the resource policy and the principal's account. */
    List<Reason> crossAccount(List<Reason> missing) {
      List<Reason> resource = new ArrayList<>(resourceDirect);
      resource.addAll(resourceToRole);
      resource.addAll(resourceToAccount);
      List<Reason> fromIdentity = identityAllows();
      boolean serviceGrant = principal != null && principal.isService() && !resource.isEmpty();
      if (serviceGrant) {
        return resource;
      }
      if (!resource.isEmpty() && fromIdentity != null) {
        List<Reason> both = new ArrayList<>(resource);
        both.addAll(fromIdentity);
        return both;
      }
      explainMissing(missing, true);
      return null;
    }

    private List<Reason> identityAllows() {
      if (principal != null && principal.isService()) {
        return null; // a service has no identity-based policies
      }
      boolean root = principal != null && principal.kind() == RequestPrincipal.Kind.ROOT;
      if ((root || !identity.isEmpty()) && limitsAllow()) {
        return withLimits(identity);
      }
      return null;
    }

    private boolean limitsAllow() {
      return (boundary == null || !boundary.isEmpty()) && (session == null || !session.isEmpty());
    }

    private List<Reason> withLimits(List<Reason> grants) {
      List<Reason> all = new ArrayList<>(grants);
      if (boundary != null) {
        all.addAll(boundary);
      }
      if (session != null) {
        all.addAll(session);
      }
      return all;
    }

    private void explainMissing(List<Reason> missing, boolean crossAccount) {
      boolean resourceAllows =
          !resourceDirect.isEmpty() || !resourceToRole.isEmpty() || !resourceToAccount.isEmpty();
      NamedPolicy rp = policies.resource().orElse(null);
      boolean service = principal != null && principal.isService();
      String acrossAccounts =
          crossAccount && !service ? " (across accounts the resource's account must allow)" : "";
      if (rp != null && !resourceAllows) {
        missing.add(
            new Reason(
                rp,
                null,
                "no statement of the resource-based policy allows the request" + acrossAccounts));
      } else if (rp == null && crossAccount) {
        missing.add(new Reason(null, null, "no resource-based policy was given" + acrossAccounts));
      } else if (rp != null
          && !crossAccount
          && resourceDirect.isEmpty()
          && resourceToRole.isEmpty()) {
        missing.add(
            new Reason(
                rp,
                null,
                "the resource-based policy allows the principal's account only, which leaves the decision to the identity-based policies"));
      }
      if (service) {
        return; // only a resource-based policy can allow a service
      }
      String principalSide =
          crossAccount ? " (across accounts the principal's account must allow too)" : "";
      boolean root = principal != null && principal.kind() == RequestPrincipal.Kind.ROOT;
      if (identity.isEmpty() && !root) {
        NamedPolicy first = policies.identity().isEmpty() ? null : policies.identity().get(0);
        missing.add(
            new Reason(
                first,
                null,
                (first == null
                        ? "no identity-based policy was given"
                        : "no statement of the identity-based policies allows the request")
                    + principalSide));
      }
      if (boundary != null && boundary.isEmpty()) {
        missing.add(
            new Reason(
                policies.boundary().get(),
                null,
                "the permissions boundary does not allow the request"));
      }
      if (session != null && session.isEmpty()) {
        missing.add(
            new Reason(
                policies.session().get(), null, "the session policy does not allow the request"));
      }
    }
  }

  private static List<Reason> allows(List<StatementOutcome> all, NamedPolicy policy) {
    List<Reason> allows = new ArrayList<>();
    for (StatementOutcome o : all) {
      if (o.policy() == policy && o.applies() && o.isAllow()) {
        allows.add(new Reason(policy, o, "allows the request"));
      }
    }
    return allows;
  }

  /**
   * Whether a policy takes part: SCPs restrict neither service principals nor service-linked roles;
   * RCPs restrict neither service-linked roles nor services they do not support.
   */
  private static boolean inForce(PolicyRole role, Request request, RequestPrincipal principal) {
    if (role == PolicyRole.SCP) {
      return principal == null || !(principal.isService() || principal.isServiceLinkedRole());
    }
    if (role == PolicyRole.RCP) {
      return (principal == null || !principal.isServiceLinkedRole())
          && RCP_SERVICES.contains(service(request.action()));
    }
    return true;
  }

  private static StatementOutcome notInForce(
      StatementOutcome o, Request request, RequestPrincipal principal) {
    String why =
        o.policy().role() == PolicyRole.SCP
            ? "SCPs do not apply to "
                + (principal.isService() ? "service principals" : "service-linked roles")
            : principal != null && principal.isServiceLinkedRole()
                ? "RCPs do not apply to service-linked roles"
                : "RCPs do not apply to the service " + service(request.action());
    return new StatementOutcome(
        o.policy(), o.index(), o.sid(), o.effect(), o.offset(), false, why, o.principalMatch());
  }

  /** KMS actions and role assumption: the resource's own policy decides first. */
  private static boolean resourcePolicyFirst(String action) {
    String lower = action.toLowerCase(Locale.ROOT);
    return lower.startsWith("kms:") || lower.startsWith("sts:assumerole");
  }

  private static String service(String action) {
    int colon = action.indexOf(':');
    return (colon < 0 ? action : action.substring(0, colon)).toLowerCase(Locale.ROOT);
  }

  private static String sources(List<NamedPolicy> level) {
    List<String> names = new ArrayList<>();
    for (NamedPolicy p : level) {
      names.add(p.source());
    }
    return String.join(", ", names);
  }

  private static Set<String> loadRcpServices() {
    // The list the RCP checks use (see its header for its source).
    String resource = "/dev/iampolicyls/checks/rcp-supported-services.txt";
    Set<String> services = new HashSet<>();
    try (InputStream in = Evaluator.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + resource);
      }
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      String line;
      while ((line = r.readLine()) != null) {
        line = line.strip();
        if (!line.isEmpty() && !line.startsWith("#")) {
          services.add(line);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Set.copyOf(services);
  }
}
