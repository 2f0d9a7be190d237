package dev.iampolicyls.grants;

import dev.iampolicyls.catalog.Action;
import dev.iampolicyls.grants.RiskSets.EscalationMethod;
import dev.iampolicyls.policy.ConditionEntry;
import dev.iampolicyls.policy.Statement;
import dev.iampolicyls.syntax.JsonNode;
import dev.iampolicyls.syntax.StringNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The conditions of an Allow statement that narrow the targets an escalation method reaches through
 * it, as naming the resources would. Only tests that must hold count ({@link Pinning#mustHold}: no
 * IfExists, no negation, no ForAllValues, a value that is not only wildcards).
 *
 * <ul>
 *   <li>a resource tag ({@code aws:ResourceTag/...}, {@code iam:ResourceTag/...}): only tagged
 *       roles, users or functions; for a method that passes a role, it narrows the PassRole;
 *   <li>{@code iam:PolicyARN} on the Attach*Policy actions, when no value may be
 *       AdministratorAccess, IAMFullAccess, PowerUserAccess or every policy;
 *   <li>{@code iam:PermissionsBoundary}: the changed user or role stays under that boundary;
 *   <li>{@code aws:CalledVia}: only a service acting for the caller may use the actions, unless it
 *       may be CloudFormation, which carries out any template;
 *   <li>{@code iam:PassedToService}: the role may go only to the services named, which kills the
 *       methods that pass it to another service (EC2 is not Lambda).
 * </ul>
 */
public final class EscalationNarrowing {
  private static final EscalationNarrowing NONE =
      new EscalationNarrowing(false, false, false, false, null);

  /** Managed policies that grant IAM itself: attaching them is escalation whatever else holds. */
  private static final Set<String> POWERFUL_POLICIES =
      Set.of("administratoraccess", "iamfullaccess", "poweruseraccess");

  private static final String PASS_ROLE = "iam:PassRole";

  private final boolean tags;
  private final boolean calledVia;
  private final boolean boundary;
  private final boolean policyArns;

  /** The literal services a role may be passed to, or null when the statement does not say. */
  private final List<String> passedTo;

  private EscalationNarrowing(
      boolean tags,
      boolean calledVia,
      boolean boundary,
      boolean policyArns,
      List<String> passedTo) {
    this.tags = tags;
    this.calledVia = calledVia;
    this.boundary = boundary;
    this.policyArns = policyArns;
    this.passedTo = passedTo;
  }

  public static EscalationNarrowing of(Statement s) {
    if (s.condition().isEmpty()) {
      return NONE;
    }
    boolean tags = false;
    boolean calledVia = false;
    boolean boundary = false;
    boolean policyArns = false;
    List<String> passedTo = null;
    for (ConditionEntry c : s.conditionEntries()) {
      if (!Pinning.mustHold(c)) {
        continue;
      }
      String key = c.key().toLowerCase(Locale.ROOT);
      switch (key) {
        case "aws:calledvia", "aws:calledviafirst", "aws:calledvialast" ->
            calledVia |= notThroughCloudFormation(c);
        case "iam:permissionsboundary" -> boundary = true;
        case "iam:policyarn" -> policyArns |= namesOnlyModestPolicies(c);
        case "iam:passedtoservice" -> {
          List<String> values = literals(c);
          if (values != null) {
            passedTo = passedTo == null ? values : intersection(passedTo, values);
          }
        }
        default -> tags |= Pinning.isResourceTag(key);
      }
    }
    if (!tags && !calledVia && !boundary && !policyArns && passedTo == null) {
      return NONE;
    }
    return new EscalationNarrowing(tags, calledVia, boundary, policyArns, passedTo);
  }

  /** Whether nothing in the statement narrows any method. */
  public boolean none() {
    return this == NONE;
  }

  /** Whether the statement's conditions keep the action from serving the method. */
  public boolean narrows(Action action, EscalationMethod method) {
    if (this == NONE) {
      return false;
    }
    boolean passRole = action.qualifiedName().equalsIgnoreCase(PASS_ROLE);
    if (calledVia) {
      return true;
    }
    // A method that passes a role reaches what the role may do: the tags that count are the role's.
    if (tags && (passRole || !passesARole(method))) {
      return true;
    }
    if (boundary && hasKey(action, "iam:PermissionsBoundary")) {
      return true;
    }
    if (policyArns && hasKey(action, "iam:PolicyARN")) {
      return true;
    }
    return passRole && passedTo != null && !passesToItsServices(method);
  }

  private static boolean passesARole(EscalationMethod method) {
    return method.actionNames().stream().anyMatch(PASS_ROLE::equalsIgnoreCase);
  }

  private static boolean hasKey(Action action, String key) {
    return action.conditionKeys().stream().anyMatch(key::equalsIgnoreCase);
  }

  /**
   * Whether a service the role may be passed to is one the method's other actions belong to: {@code
   * lambda.amazonaws.com} for lambda, {@code ecs-tasks.amazonaws.com} for ecs, {@code
   * tasks.apprunner.amazonaws.com} for apprunner. A value with a wildcard may be any.
   */
  private boolean passesToItsServices(EscalationMethod method) {
    for (String value : passedTo) {
      if (value.indexOf('*') >= 0 || value.indexOf('?') >= 0) {
        return true;
      }
      for (String label : value.toLowerCase(Locale.ROOT).split("\\.")) {
        for (String action : method.actionNames()) {
          String service = action.substring(0, action.indexOf(':')).toLowerCase(Locale.ROOT);
          if (!service.equals("iam")
              && (label.equals(service) || label.startsWith(service + "-"))) {
            return true;
          }
        }
      }
    }
    return false;
  }

  /**
   * Whether no value may be CloudFormation: a stack carries out any template with the caller's
   * rights, so only another service that makes its own calls narrows.
   */
  private static boolean notThroughCloudFormation(ConditionEntry c) {
    List<String> values = literals(c);
    return values != null
        && values.stream()
            .noneMatch(
                v ->
                    v.indexOf('*') >= 0
                        || v.toLowerCase(Locale.ROOT).startsWith("cloudformation."));
  }

  /** Every value a literal ARN of a policy that is not one of the powerful ones, nor a wildcard. */
  private static boolean namesOnlyModestPolicies(ConditionEntry c) {
    List<String> values = literals(c);
    if (values == null) {
      return false;
    }
    for (String v : values) {
      String name = v.substring(v.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
      if (name.isEmpty()
          || name.chars().allMatch(ch -> ch == '*' || ch == '?')
          || v.startsWith("${")
          || POWERFUL_POLICIES.stream().anyMatch(p -> mayBe(name, p))) {
        return false;
      }
    }
    return true;
  }

  /** Whether a name with wildcards may be the policy name: the text before its first wildcard. */
  private static boolean mayBe(String name, String policy) {
    int wild = 0;
    while (wild < name.length() && name.charAt(wild) != '*' && name.charAt(wild) != '?') {
      wild++;
    }
    return wild == name.length() ? name.equals(policy) : policy.startsWith(name.substring(0, wild));
  }

  /** The string values, or null when one is not a plain string. */
  private static List<String> literals(ConditionEntry c) {
    List<String> out = new ArrayList<>();
    for (JsonNode v : c.values()) {
      if (!(v instanceof StringNode s)) {
        return null;
      }
      out.add(s.value());
    }
    return out.isEmpty() ? null : out;
  }

  private static List<String> intersection(List<String> a, List<String> b) {
    List<String> out = new ArrayList<>(a);
    out.retainAll(b);
    return out;
  }
}
