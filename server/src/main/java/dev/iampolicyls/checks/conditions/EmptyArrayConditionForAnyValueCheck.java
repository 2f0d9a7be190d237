package dev.iampolicyls.checks.conditions;

import dev.iampolicyls.checks.CheckCode;
import dev.iampolicyls.policy.ConditionOperator;

/** ForAnyValue with no values never matches, so the statement never applies. */
public final class EmptyArrayConditionForAnyValueCheck extends EmptyConditionArrayCheck {
  public EmptyArrayConditionForAnyValueCheck() {
    super(CheckCode.EMPTY_ARRAY_CONDITION_FORANYVALUE, Form.FOR_ANY_VALUE);
  }

  @Override
  String message(ConditionOperator op, String key) {
    return op.text()
        + " with no values never matches, so this statement never applies: add values for "
        + key;
  }
}
