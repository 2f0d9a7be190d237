package dev.iampolicyls.checks.conditions;

import dev.iampolicyls.catalog.ConditionKey;
import dev.iampolicyls.checks.CheckCode;
import dev.iampolicyls.checks.CheckContext;
import dev.iampolicyls.checks.PolicyCheck;
import dev.iampolicyls.policy.ConditionOperator;
import java.util.Optional;

/**
 * ForAllValues with a key that holds one value. ForAllValues is also true when the key is absent,
 * so the test lets through requests it was meant to stop.
 */
public final class ForAllValuesWithSingleValuedKeyCheck extends PolicyCheck {
  public ForAllValuesWithSingleValuedKeyCheck() {
    super(CheckCode.FORALLVALUES_WITH_SINGLE_VALUED_KEY);
  }

  @Override
  public void run(CheckContext context) {
    for (KeyTest t : KeyTest.all(context)) {
      Optional<ConditionOperator> op = t.operator();
      if (op.isEmpty()
          || op.get().qualifier() != ConditionOperator.Qualifier.FOR_ALL_VALUES
          || op.get().base() == ConditionOperator.Base.Null) {
        continue;
      }
      Optional<ConditionKey> key = ConditionKeys.resolve(context.catalog(), t.key());
      if (key.isPresent() && !ConditionKeys.isMultiValued(key.get())) {
        context.report(
            this,
            t.keyNode(),
            t.key()
                + " holds a single value, and ForAllValues is also true when the key is absent:"
                + " remove the ForAllValues: qualifier");
      }
    }
  }
}
