package dev.iampolicyls.evaluation;

import dev.iampolicyls.catalog.WildcardMatcher;
import dev.iampolicyls.policy.PrincipalEntry;
import dev.iampolicyls.policy.Principals;
import dev.iampolicyls.policy.Statement;
import dev.iampolicyls.policy.StringElement;
import dev.iampolicyls.syntax.JsonNode;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** Decides whether one statement applies to a request, and if not, says which element failed. */
final class StatementMatcher {
  private final Request request;
  private final boolean boundaryPresent;

  /**
   * @param boundaryPresent whether the principal has a permissions boundary (a Deny with
   *     NotPrincipal then applies to it whatever NotPrincipal lists, as the guide warns)
   */
  StatementMatcher(Request request, boolean boundaryPresent) {
    this.request = request;
    this.boundaryPresent = boundaryPresent;
  }

  StatementOutcome evaluate(NamedPolicy policy, Statement statement) {
    String effect = statement.effectValue().orElse(null);
    boolean variablesOn = policy.policy().versionValue().filter("2012-10-17"::equals).isPresent();
    PrincipalCheck principal = PrincipalCheck.NOT_ASKED;
    String reason = null;
    if (!"Allow".equals(effect) && !"Deny".equals(effect)) {
      reason = effect == null ? "it has no Effect" : "its Effect is neither Allow nor Deny";
    }
    if (reason == null) {
      reason = actionFailure(statement);
    }
    if (reason == null) {
      reason = resourceFailure(policy, statement, variablesOn);
    }
    if (reason == null && policy.role().matchesPrincipal()) {
      principal = principalCheck(statement, "Deny".equals(effect));
      reason = principal.failure();
    }
    if (reason == null) {
      reason =
          Conditions.firstFailure(statement.conditionEntries(), request.context(), variablesOn);
    }
    return new StatementOutcome(
        policy,
        statement.index(),
        statement.sidValue().orElse(null),
        effect,
        statement.node().offset(),
        reason == null,
        reason,
        principal.via());
  }

  /** How Principal or NotPrincipal named the request's principal, or why it did not. */
  record PrincipalCheck(RequestPrincipal.Match via, String failure) {
    static final PrincipalCheck NOT_ASKED = new PrincipalCheck(RequestPrincipal.Match.NONE, null);

    static PrincipalCheck named(RequestPrincipal.Match via) {
      return new PrincipalCheck(via, null);
    }

    static PrincipalCheck notNamed(String failure) {
      return new PrincipalCheck(RequestPrincipal.Match.NONE, failure);
    }
  }

  String actionFailure(Statement statement) {
    boolean negated = statement.action().isEmpty();
    if (negated && statement.notAction().isEmpty()) {
      return "it has no Action or NotAction";
    }
    String matched = firstMatch(statement.actions(), request.action());
    if (negated) {
      return matched == null
          ? null
          : "the action " + request.action() + " is excluded by NotAction \"" + matched + "\"";
    }
    if (matched != null) {
      return null;
    }
    if (noActionMatches == null) {
      noActionMatches = "the action " + request.action() + " matches no Action";
    }
    return noActionMatches;
  }

  /**
   * The reason of every statement whose Action does not name the request's action, written once per
   * request: most statements of a policy fail there, and policy comparison evaluates many requests.
   */
  private String noActionMatches;

  /** The same for Resource, written once per request. */
  private String noResourceMatches;

  /**
   * Whether Action or NotAction lets the action through, as {@link #actionFailure} decides, trying
   * only {@code candidates}: the statement's values in their order, less some that surely do not
   * match the action.
   */
  static boolean actionHolds(Statement statement, List<StringElement> candidates, String action) {
    boolean negated = statement.action().isEmpty();
    if (negated && statement.notAction().isEmpty()) {
      return false;
    }
    return negated == (firstMatch(candidates, action) == null);
  }

  private static String firstMatch(List<StringElement> values, String action) {
    for (StringElement a : values) {
      if (WildcardMatcher.matches(a.value(), action)) {
        return a.value();
      }
    }
    return null;
  }

  String resourceFailure(NamedPolicy policy, Statement statement, boolean variablesOn) {
    return resourceFailure(policy, statement, variablesOn, true);
  }

  /**
   * Whether Resource or NotResource lets the request's resource through, as {@link
   * #resourceFailure} decides it, without writing why not.
   */
  boolean resourceHolds(NamedPolicy policy, Statement statement, boolean variablesOn) {
    return resourceFailure(policy, statement, variablesOn, false) == null;
  }

  /** What {@link #resourceFailure} gives when the reason is not wanted. */
  private static final String NOT_HELD = "not held";

  private String resourceFailure(
      NamedPolicy policy, Statement statement, boolean variablesOn, boolean explain) {
    boolean negated = statement.resource().isEmpty();
    if (negated && statement.notResource().isEmpty()) {
      if (policy.role().resourceOptional()) {
        return null;
      }
      return explain ? "it has no Resource or NotResource" : NOT_HELD;
    }
    String matched = null;
    for (StringElement r : statement.resources()) {
      Substitution.Result s = Substitution.apply(r.value(), request.context(), variablesOn);
      if (s.pattern() == null) {
        return explain
            ? "the variable "
                + s.unresolved()
                + " in "
                + (negated ? "NotResource" : "Resource")
                + " has no single value in the request"
            : NOT_HELD;
      }
      if (ArnMatching.matches(s.pattern(), request.resource())) {
        matched = r.value();
        break;
      }
    }
    if (negated) {
      if (matched == null) {
        return null;
      }
      return explain
          ? "the resource " + request.resource() + " is excluded by NotResource \"" + matched + "\""
          : NOT_HELD;
    }
    if (matched != null) {
      return null;
    }
    if (!explain) {
      return NOT_HELD;
    }
    if (noResourceMatches == null) {
      noResourceMatches = "the resource " + request.resource() + " matches no Resource";
    }
    return noResourceMatches;
  }

  PrincipalCheck principalCheck(Statement statement, boolean deny) {
    boolean negated = statement.principal().isEmpty();
    if (negated && statement.notPrincipal().isEmpty()) {
      return PrincipalCheck.notNamed("it has no Principal or NotPrincipal");
    }
    JsonNode value = (negated ? statement.notPrincipal() : statement.principal()).get().value();
    List<PrincipalEntry> entries = Principals.entries(value);
    RequestPrincipal principal = request.principal().orElse(null);
    if (principal == null) {
      // Unknown principal: only "everyone" is sure to name it.
      boolean everyone = entries.stream().anyMatch(PrincipalEntry::isEveryone);
      if (!negated && everyone) {
        return PrincipalCheck.named(RequestPrincipal.Match.DIRECT);
      }
      return PrincipalCheck.notNamed(
          (negated ? "NotPrincipal" : "Principal")
              + " names specific principals and no principal was given");
    }
    if (!negated) {
      RequestPrincipal.Match best = RequestPrincipal.Match.NONE;
      for (PrincipalEntry e : entries) {
        RequestPrincipal.Match m = principal.match(e);
        if (m != RequestPrincipal.Match.NONE
            && (best == RequestPrincipal.Match.NONE || m.ordinal() < best.ordinal())) {
          best = m;
        }
      }
      return best != RequestPrincipal.Match.NONE
          ? PrincipalCheck.named(best)
          : PrincipalCheck.notNamed(
              "the principal " + principal.text() + " is not named in Principal");
    }
    if (deny && boundaryPresent && !principal.isService()) {
      // The guide: such a Deny always applies to principals with a boundary.
      return PrincipalCheck.named(RequestPrincipal.Match.DIRECT);
    }
    Set<RequestPrincipal.Match> listed = EnumSet.noneOf(RequestPrincipal.Match.class);
    for (PrincipalEntry e : entries) {
      if (e.isEveryone()) {
        listed.addAll(EnumSet.allOf(RequestPrincipal.Match.class));
      }
      RequestPrincipal.Match m = principal.match(e);
      listed.add(m);
      if (m == RequestPrincipal.Match.ROLE) {
        listed.add(RequestPrincipal.Match.DIRECT); // a session is left out by its role's ARN too
      }
    }
    if (listed.containsAll(principal.identitiesToExclude())) {
      return PrincipalCheck.notNamed(
          "the principal " + principal.text() + " is excluded by NotPrincipal");
    }
    return PrincipalCheck.named(RequestPrincipal.Match.DIRECT);
  }
}
