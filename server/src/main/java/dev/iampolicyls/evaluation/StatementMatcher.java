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
    RequestPrincipal.Match[] via = {RequestPrincipal.Match.NONE};
    String reason = firstFailure(policy, statement, effect, variablesOn, via);
    return new StatementOutcome(
        policy,
        statement.index(),
        statement.sidValue().orElse(null),
        effect,
        statement.node().offset(),
        reason == null,
        reason,
        via[0]);
  }

  private String firstFailure(
      NamedPolicy policy,
      Statement statement,
      String effect,
      boolean variablesOn,
      RequestPrincipal.Match[] via) {
    if (!"Allow".equals(effect) && !"Deny".equals(effect)) {
      return effect == null ? "it has no Effect" : "its Effect is neither Allow nor Deny";
    }
    String action = actionFailure(statement);
    if (action != null) {
      return action;
    }
    String resource = resourceFailure(policy, statement, variablesOn);
    if (resource != null) {
      return resource;
    }
    if (policy.role().matchesPrincipal()) {
      String principal = principalFailure(statement, "Deny".equals(effect), via);
      if (principal != null) {
        return principal;
      }
    }
    return Conditions.firstFailure(statement.conditionEntries(), request.context(), variablesOn);
  }

  private String actionFailure(Statement statement) {
    boolean negated = statement.action().isEmpty();
    if (negated && statement.notAction().isEmpty()) {
      return "it has no Action or NotAction";
    }
    String matched = null;
    for (StringElement a : statement.actions()) {
      if (WildcardMatcher.matches(a.value(), request.action())) {
        matched = a.value();
        break;
      }
    }
    if (negated) {
      return matched == null
          ? null
          : "the action " + request.action() + " is excluded by NotAction \"" + matched + "\"";
    }
    return matched != null ? null : "the action " + request.action() + " matches no Action";
  }

  private String resourceFailure(NamedPolicy policy, Statement statement, boolean variablesOn) {
    boolean negated = statement.resource().isEmpty();
    if (negated && statement.notResource().isEmpty()) {
      return policy.role().resourceOptional() ? null : "it has no Resource or NotResource";
    }
    String matched = null;
    for (StringElement r : statement.resources()) {
      Substitution.Result s = Substitution.apply(r.value(), request.context(), variablesOn);
      if (s.pattern() == null) {
        return "the variable "
            + s.unresolved()
            + " in "
            + (negated ? "NotResource" : "Resource")
            + " has no single value in the request";
      }
      if (ArnMatching.matches(s.pattern(), request.resource())) {
        matched = r.value();
        break;
      }
    }
    if (negated) {
      return matched == null
          ? null
          : "the resource "
              + request.resource()
              + " is excluded by NotResource \""
              + matched
              + "\"";
    }
    return matched != null ? null : "the resource " + request.resource() + " matches no Resource";
  }

  private String principalFailure(Statement statement, boolean deny, RequestPrincipal.Match[] via) {
    boolean negated = statement.principal().isEmpty();
    if (negated && statement.notPrincipal().isEmpty()) {
      return "it has no Principal or NotPrincipal";
    }
    JsonNode value = (negated ? statement.notPrincipal() : statement.principal()).get().value();
    List<PrincipalEntry> entries = Principals.entries(value);
    RequestPrincipal principal = request.principal().orElse(null);
    if (principal == null) {
      // Unknown principal: only "everyone" is sure to name it.
      boolean everyone = entries.stream().anyMatch(PrincipalEntry::isEveryone);
      if (!negated && everyone) {
        via[0] = RequestPrincipal.Match.DIRECT;
        return null;
      }
      return (negated ? "NotPrincipal" : "Principal")
          + " names specific principals and no principal was given";
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
      via[0] = best;
      return best != RequestPrincipal.Match.NONE
          ? null
          : "the principal " + principal.text() + " is not named in Principal";
    }
    if (deny && boundaryPresent && !principal.isService()) {
      via[0] = RequestPrincipal.Match.DIRECT;
      return null; // the guide: such a Deny always applies to principals with a boundary
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
      return "the principal " + principal.text() + " is excluded by NotPrincipal";
    }
    via[0] = RequestPrincipal.Match.DIRECT;
    return null;
  }
}
