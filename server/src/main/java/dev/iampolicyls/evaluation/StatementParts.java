package dev.iampolicyls.evaluation;

import dev.iampolicyls.policy.ConditionEntry;
import dev.iampolicyls.policy.Statement;
import java.util.List;
import java.util.Optional;

/**
 * One statement's elements decided one at a time, with the evaluator's own rules: whether its
 * Action, Resource, Principal or one condition test holds for a value. Policy comparison builds its
 * truth tables from these, so that it can never disagree with {@link Evaluator} on what a single
 * element means.
 */
public final class StatementParts {
  private final NamedPolicy policy;
  private final Statement statement;
  private final boolean variablesOn;

  public StatementParts(NamedPolicy policy, Statement statement) {
    this.policy = policy;
    this.statement = statement;
    this.variablesOn = policy.policy().versionValue().filter("2012-10-17"::equals).isPresent();
  }

  public Statement statement() {
    return statement;
  }

  /** Whether policy variables are substituted (Version 2012-10-17). */
  public boolean variablesOn() {
    return variablesOn;
  }

  /** Whether Action or NotAction lets the action through. */
  public boolean actionHolds(String action) {
    return matcher(action, "*", Optional.empty(), RequestContext.EMPTY).actionFailure(statement)
        == null;
  }

  /** Whether Resource or NotResource lets the resource through, variables read from the context. */
  public boolean resourceHolds(String resource, RequestContext context) {
    return matcher("", resource, Optional.empty(), context)
            .resourceFailure(policy, statement, variablesOn)
        == null;
  }

  /**
   * Whether Principal or NotPrincipal lets the principal through (always, for policy roles that
   * ignore them).
   */
  public boolean principalHolds(Optional<RequestPrincipal> principal) {
    if (!policy.role().matchesPrincipal()) {
      return true;
    }
    return matcher("", "*", principal, RequestContext.EMPTY)
            .principalCheck(statement, statement.isDeny())
            .failure()
        == null;
  }

  /** Whether one condition test holds for the context. */
  public boolean conditionHolds(ConditionEntry entry, RequestContext context) {
    return Conditions.firstFailure(List.of(entry), context, variablesOn) == null;
  }

  /** A condition value as the Numeric operators read it, or null. */
  public static java.math.BigDecimal number(String text) {
    return Conditions.number(text);
  }

  /** A condition value as the Date operators read it, or null. */
  public static java.time.Instant instant(String text) {
    return Conditions.instant(text);
  }

  private static StatementMatcher matcher(
      String action, String resource, Optional<RequestPrincipal> principal, RequestContext ctx) {
    return new StatementMatcher(
        new Request(action, resource, principal, Optional.empty(), ctx), false);
  }
}
