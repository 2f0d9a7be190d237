package dev.iampolicyls.checks;

import dev.iampolicyls.policy.ConditionEntry;
import dev.iampolicyls.policy.Statement;

/**
 * A NotLike test with {@code *} that is never true (ForAnyValue:StringNotLike): the statement it
 * guards never applies.
 */
final class RedundantStatementDueToWildcardInConditionCheck extends PolicyCheck {
  RedundantStatementDueToWildcardInConditionCheck() {
    super(CheckCode.REDUNDANT_STATEMENT_DUE_TO_WILDCARD_IN_CONDITION);
  }

  @Override
  public void run(CheckContext context) {
    for (Statement s : context.policy().statements()) {
      for (ConditionEntry entry : s.conditionEntries()) {
        if (WildcardConditions.of(entry) == WildcardConditions.Outcome.NEVER_TRUE) {
          context.report(
              this,
              entry.keyProperty().key(),
              "The key "
                  + entry.key()
                  + " under "
                  + entry.operatorText()
                  + " with the value \"*\" never matches, so "
                  + s.label()
                  + " never applies: fix the value or remove the statement");
        }
      }
    }
  }
}
