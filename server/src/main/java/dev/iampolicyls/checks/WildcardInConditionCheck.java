package dev.iampolicyls.checks;

import dev.iampolicyls.policy.ConditionEntry;
import dev.iampolicyls.policy.Statement;
import java.util.function.BiFunction;

/**
 * A condition test whose value {@code "*"} decides it whatever the request: a Like test that always
 * matches makes the key redundant, a NotLike test that never matches makes the statement redundant.
 * The two checks differ only in the outcome they look for and what they say.
 */
final class WildcardInConditionCheck extends PolicyCheck {
  private final WildcardConditions.Outcome outcome;
  private final BiFunction<ConditionEntry, Statement, String> message;

  private WildcardInConditionCheck(
      CheckCode code,
      WildcardConditions.Outcome outcome,
      BiFunction<ConditionEntry, Statement, String> message) {
    super(code);
    this.outcome = outcome;
    this.message = message;
  }

  /** A Like test with {@code *} that is always true, such as StringLikeIfExists: remove the key. */
  static WildcardInConditionCheck redundantKey() {
    return new WildcardInConditionCheck(
        CheckCode.REDUNDANT_KEY_DUE_TO_WILDCARD_IN_CONDITION,
        WildcardConditions.Outcome.ALWAYS_TRUE,
        (entry, s) ->
            "The key "
                + entry.key()
                + " under "
                + entry.operatorText()
                + " always matches because of the value \"*\": remove the key to simplify the"
                + " condition, or use a narrower value");
  }

  /**
   * A NotLike test with {@code *} that is never true (ForAnyValue:StringNotLike): the statement it
   * guards never applies.
   */
  static WildcardInConditionCheck redundantStatement() {
    return new WildcardInConditionCheck(
        CheckCode.REDUNDANT_STATEMENT_DUE_TO_WILDCARD_IN_CONDITION,
        WildcardConditions.Outcome.NEVER_TRUE,
        (entry, s) ->
            "The key "
                + entry.key()
                + " under "
                + entry.operatorText()
                + " with the value \"*\" never matches, so "
                + s.label()
                + " never applies: fix the value or remove the statement");
  }

  @Override
  public void run(CheckContext context) {
    for (Statement s : context.policy().statements()) {
      for (ConditionEntry entry : s.conditionEntries()) {
        if (WildcardConditions.of(entry) == outcome) {
          context.report(this, entry.keyProperty().key(), message.apply(entry, s));
        }
      }
    }
  }
}
