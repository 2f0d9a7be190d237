package dev.iampolicyls.checks;

import dev.iampolicyls.policy.ConditionEntry;
import dev.iampolicyls.policy.Statement;

/** A Like test with {@code *} that is always true, such as StringLikeIfExists: remove the key. */
final class RedundantKeyDueToWildcardInConditionCheck extends PolicyCheck {
  RedundantKeyDueToWildcardInConditionCheck() {
    super(CheckCode.REDUNDANT_KEY_DUE_TO_WILDCARD_IN_CONDITION);
  }

  @Override
  public void run(CheckContext context) {
    for (Statement s : context.policy().statements()) {
      for (ConditionEntry entry : s.conditionEntries()) {
        if (WildcardConditions.of(entry) == WildcardConditions.Outcome.ALWAYS_TRUE) {
          context.report(
              this,
              entry.keyProperty().key(),
              "The key "
                  + entry.key()
                  + " under "
                  + entry.operatorText()
                  + " always matches because of the value \"*\": remove the key to simplify the"
                  + " condition, or use a narrower value");
        }
      }
    }
  }
}
