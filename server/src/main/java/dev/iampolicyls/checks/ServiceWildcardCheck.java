package dev.iampolicyls.checks;

import dev.iampolicyls.catalog.AccessLevel;
import dev.iampolicyls.grants.ActionIndex;
import dev.iampolicyls.grants.Grant;
import dev.iampolicyls.grants.GrantAnalysis;
import dev.iampolicyls.policy.ActionName;
import dev.iampolicyls.policy.Arn;
import dev.iampolicyls.policy.PrincipalEntry;
import dev.iampolicyls.policy.Principals;
import dev.iampolicyls.policy.StringElement;
import java.util.BitSet;
import java.util.List;
import java.util.Optional;

/**
 * An Allow with {@code service:*}: every action of the service, also those AWS adds later. Silent
 * when a Deny without condition takes all of them away; a pinning condition is named in the message
 * but does not remove it (it narrows who, not what). Silent too on the statement of AWS's default
 * key policy ({@link #isDefaultKeyPolicyStatement}).
 */
final class ServiceWildcardCheck extends PolicyCheck {
  ServiceWildcardCheck() {
    super(CheckCode.SERVICE_WILDCARD);
  }

  @Override
  public void run(CheckContext ctx) {
    if (!LeastPrivilege.judgesGrants(ctx)) {
      return;
    }
    GrantAnalysis analysis = LeastPrivilege.analysis(ctx);
    ActionIndex index = analysis.index();
    for (Grant g : analysis.allows()) {
      if (g.notAction()) {
        continue;
      }
      boolean defaultKeyPolicy = isDefaultKeyPolicyStatement(ctx, g);
      for (int i = 0; i < g.tokens().size(); i++) {
        StringElement e = g.tokens().get(i);
        if (!isServiceWildcard(e.value())
            || (defaultKeyPolicy && e.value().equalsIgnoreCase("kms:*"))) {
          continue;
        }
        BitSet granted = g.grantedVia(i);
        if (granted.isEmpty()) {
          continue;
        }
        String service = e.value().substring(0, e.value().indexOf(':'));
        BitSet pm = LeastPrivilege.and(granted, index.level(AccessLevel.PERMISSIONS_MANAGEMENT));
        BitSet write = LeastPrivilege.and(granted, index.level(AccessLevel.WRITE));
        ctx.report(
            this,
            e.node(),
            "\""
                + e.value()
                + "\" grants all "
                + granted.cardinality()
                + " actions of "
                + service
                + " ("
                + write.cardinality()
                + " Write, "
                + pm.cardinality()
                + " Permissions management), and any it gets later: "
                + index.describe(granted, 3)
                + ". List only the actions the job needs."
                + LeastPrivilege.notes(g, granted));
      }
    }
  }

  /**
   * The statement AWS writes into every KMS key's default key policy, {@code kms:*} on {@code "*"}
   * for the account root: it hands the key's access over to the account's IAM policies, as AWS
   * recommends. Only in a resource policy, with Resource "*" and account roots as the only
   * principals.
   */
  private static boolean isDefaultKeyPolicyStatement(CheckContext ctx, Grant g) {
    if (!ctx.policyType().isResourceBased()
        || g.starResource().isEmpty()
        || g.statement().notPrincipal().isPresent()) {
      return false;
    }
    List<PrincipalEntry> principals = Principals.of(g.statement());
    return !principals.isEmpty()
        && principals.stream().allMatch(p -> p.isAws() && isAccountRoot(p.value()));
  }

  /** {@code arn:aws:iam::123456789012:root}, or the bare account ID IAM reads as it. */
  private static boolean isAccountRoot(String principal) {
    if (ArnText.isAccountId(principal)) {
      return true;
    }
    Optional<Arn> arn = Arn.parse(principal);
    return arn.isPresent()
        && arn.get().service().equals("iam")
        && arn.get().region().isEmpty()
        && ArnText.isAccountId(arn.get().account())
        && arn.get().resource().equals("root");
  }

  /** {@code s3:*}: a real service prefix and an action part of only '*'. */
  static boolean isServiceWildcard(String value) {
    if (!value.endsWith("*")) {
      return false; // most strings, decided without splitting them
    }
    Optional<ActionName> name = ActionName.parse(value);
    return name.isPresent()
        && !ActionName.containsWildcard(name.get().service())
        && !name.get().action().isEmpty()
        && onlyStars(name.get().action());
  }

  /** A loop, not chars().allMatch: asked for every Action string (see CheckContext#shared). */
  private static boolean onlyStars(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) != '*') {
        return false;
      }
    }
    return true;
  }
}
