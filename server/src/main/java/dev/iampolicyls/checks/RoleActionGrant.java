package dev.iampolicyls.checks;

import dev.iampolicyls.catalog.WildcardMatcher;
import dev.iampolicyls.grants.GrantAnalysis;
import dev.iampolicyls.policy.ConditionEntry;
import dev.iampolicyls.policy.ConditionOperator;
import dev.iampolicyls.policy.PolicyType;
import dev.iampolicyls.policy.Statement;
import dev.iampolicyls.policy.StringElement;
import dev.iampolicyls.syntax.JsonNode;
import dev.iampolicyls.syntax.StringNode;
import java.util.List;
import java.util.Optional;

/**
 * How an Allow statement of an identity policy grants a role action ({@code iam:PassRole}, {@code
 * iam:CreateServiceLinkedRole}) on too many roles: the six shapes Access Analyzer names, from the
 * Action side (the action by name, a wildcard such as {@code iam:*} that matches it, or a NotAction
 * that leaves it in) and the Resource side (NotResource, or a pattern covering every role name).
 *
 * <p>A condition that pins the service ({@code iam:PassedToService}, {@code iam:AWSServiceName})
 * with a plain String operator removes the risk; an IfExists or negated operator does not, nor does
 * a value that starts with a wildcard. A resource such as {@code role/Service*} limits the names
 * and is not a star.
 */
final class RoleActionGrant {
  enum Shape {
    NOT_RESOURCE,
    STAR_IN_ACTION_AND_NOT_RESOURCE,
    NOT_ACTION_AND_NOT_RESOURCE,
    STAR_IN_RESOURCE,
    STAR_IN_ACTION_AND_RESOURCE,
    STAR_IN_RESOURCE_AND_NOT_ACTION
  }

  static final RoleActionGrant PASS_ROLE =
      new RoleActionGrant("iam:PassRole", "iam:PassedToService");
  static final RoleActionGrant CREATE_SLR =
      new RoleActionGrant("iam:CreateServiceLinkedRole", "iam:AWSServiceName");

  private final String action;
  private final String serviceKey;

  private RoleActionGrant(String action, String serviceKey) {
    this.action = action;
    this.serviceKey = serviceKey;
  }

  String action() {
    return action;
  }

  /** Reports each statement that has this shape, on the element that makes it so. */
  void report(PolicyCheck check, CheckContext context, Shape shape, String message) {
    if (context.policyType() != PolicyType.IDENTITY_POLICY) {
      return; // roles are passed and created by identities; other policy types grant neither
    }
    GrantAnalysis analysis = LeastPrivilege.analysis(context);
    for (Statement s : context.policy().statements()) {
      // What the statement grants after Deny, as every least-privilege check reads it: empty for a
      // statement that never applies; without the action when an unconditional Deny covers it.
      // Plain code, no lambdas: twelve checks run this for every statement, and a capturing
      // lambda is allocated by a call into the VM under C1 (the launcher's batch).
      dev.iampolicyls.grants.Grant afterDeny = analysis.grantOf(s).orElse(null);
      if (afterDeny != null && afterDeny.grantsAfterDeny(action)) {
        // Six checks per role action ask about the same statement: look at it once.
        Optional<Grant> grant =
            context.shared(
                new GrantKey(this, s),
                (c, key) -> Optional.ofNullable(key.action().grant(key.statement())));
        JsonNode node = grant.isPresent() ? find(s, grant.get(), shape).orElse(null) : null;
        if (node != null) {
          context.report(check, node, message);
        }
      }
    }
  }

  /** Equality written out, not generated: see GrantAnalysis's key. */
  private record GrantKey(RoleActionGrant action, Statement statement) {
    @Override
    public boolean equals(Object o) {
      return o instanceof GrantKey k && k.action == action && k.statement == statement;
    }

    @Override
    public int hashCode() {
      return 31 * System.identityHashCode(action) + System.identityHashCode(statement);
    }
  }

  /**
   * How a statement reaches the action and the roles.
   *
   * @param named the Action string naming the action, or null
   * @param wild the first wildcard Action string matching it, or null
   * @param star the first Resource (or NotResource) string covering every role, or null
   */
  private record Grant(
      boolean notAction, StringElement named, StringElement wild, StringElement star) {}

  /** How the statement grants the action, or null when it does not or a condition pins it. */
  private Grant grant(Statement s) {
    StringElement named = null;
    StringElement wild = null;
    boolean notAction = s.action().isEmpty() && s.notAction().isPresent();
    if (notAction) {
      if (s.actions().stream().anyMatch(e -> WildcardMatcher.matches(e.value(), action))) {
        return null; // NotAction leaves the action out
      }
    } else {
      for (StringElement e : s.actions()) {
        if (e.value().equalsIgnoreCase(action)) {
          named = named == null ? e : named;
        } else if (WildcardMatcher.hasWildcard(e.value())
            && WildcardMatcher.matches(e.value(), action)) {
          wild = wild == null ? e : wild;
        }
      }
      if (named == null && wild == null) {
        return null;
      }
    }
    if (pinnedToService(s)) {
      return null;
    }
    StringElement star = null;
    for (StringElement r : s.resources()) {
      if (coversEveryRole(r.value())) {
        star = r;
        break;
      }
    }
    return new Grant(notAction, named, wild, star);
  }

  private static Optional<JsonNode> find(Statement s, Grant g, Shape shape) {
    boolean notResource = s.resource().isEmpty() && s.notResource().isPresent();
    if (notResource) {
      if (g.star() != null) {
        return Optional.empty(); // NotResource leaves every role out
      }
      return switch (shape) {
        case NOT_RESOURCE -> node(g.named());
        case STAR_IN_ACTION_AND_NOT_RESOURCE ->
            g.named() == null ? node(g.wild()) : Optional.empty();
        case NOT_ACTION_AND_NOT_RESOURCE ->
            g.notAction() ? s.notAction().map(p -> (JsonNode) p.key()) : Optional.empty();
        default -> Optional.empty();
      };
    }
    if (g.star() == null) {
      return Optional.empty();
    }
    return switch (shape) {
      case STAR_IN_RESOURCE -> g.named() != null ? node(g.star()) : Optional.empty();
      case STAR_IN_ACTION_AND_RESOURCE -> g.named() == null ? node(g.wild()) : Optional.empty();
      case STAR_IN_RESOURCE_AND_NOT_ACTION -> g.notAction() ? node(g.star()) : Optional.empty();
      default -> Optional.empty();
    };
  }

  private static Optional<JsonNode> node(StringElement e) {
    return e == null ? Optional.empty() : Optional.of((StringNode) e.node());
  }

  /** Whether the resource stands for every role name: {@code *}, {@code ...:role/*}, ... */
  static boolean coversEveryRole(String resource) {
    String r = resource;
    if (r.equals("*")) {
      return true;
    }
    if (ArnText.hasVariable(r)) {
      return false;
    }
    List<String> f = ArnText.fields(r);
    if (f.size() != 6 || !f.get(0).equals("arn") || !WildcardMatcher.matches(f.get(2), "iam")) {
      return false;
    }
    // Two unlike role names with a path: only a pattern open over the whole name matches both.
    return WildcardMatcher.matches(f.get(5), "role/a")
        && WildcardMatcher.matches(f.get(5), "role/path/Zz-9");
  }

  private boolean pinnedToService(Statement s) {
    for (ConditionEntry c : s.conditionEntries()) {
      if (!c.key().equalsIgnoreCase(serviceKey)) {
        continue;
      }
      ConditionOperator op = c.operator().orElse(null);
      if (op == null
          || op.ifExists()
          || op.base().category() != ConditionOperator.Category.STRING
          || op.base().negated()
          || op.qualifier() == ConditionOperator.Qualifier.FOR_ALL_VALUES) {
        continue;
      }
      List<JsonNode> values = c.values();
      boolean specific =
          !values.isEmpty()
              && values.stream()
                  .allMatch(
                      v ->
                          v instanceof StringNode str
                              && !str.value().isEmpty()
                              && str.value().charAt(0) != '*'
                              && str.value().charAt(0) != '?');
      if (specific) {
        return true;
      }
    }
    return false;
  }
}
