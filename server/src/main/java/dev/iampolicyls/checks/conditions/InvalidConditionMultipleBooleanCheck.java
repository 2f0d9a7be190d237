package dev.iampolicyls.checks.conditions;

import dev.iampolicyls.checks.CheckCode;
import dev.iampolicyls.checks.CheckContext;
import dev.iampolicyls.checks.PolicyCheck;
import dev.iampolicyls.policy.ConditionOperator;
import java.util.Optional;

/** Bool with several values for a key that holds one: write the single value that is meant. */
public final class InvalidConditionMultipleBooleanCheck extends PolicyCheck {
  public InvalidConditionMultipleBooleanCheck() {
    super(CheckCode.INVALID_CONDITION_MULTIPLE_BOOLEAN);
  }

  @Override
  public void run(CheckContext context) {
    for (KeyTest t : KeyTest.all(context)) {
      Optional<ConditionOperator> op = t.operator();
      if (op.isEmpty()
          || op.get().base() != ConditionOperator.Base.Bool
          || op.get().qualifier() != ConditionOperator.Qualifier.NONE
          || t.values().size() < 2) {
        continue;
      }
      boolean multiValued =
          ConditionKeys.resolve(context.catalog(), t.key())
              .filter(ConditionKeys::isMultiValued)
              .isPresent();
      if (!multiValued) {
        context.report(
            this,
            t.valueNode(),
            t.key() + " holds one Boolean: give Bool a single value, true or false");
      }
    }
  }
}
