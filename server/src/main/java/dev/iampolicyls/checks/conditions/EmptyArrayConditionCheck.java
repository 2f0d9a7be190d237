package dev.iampolicyls.checks.conditions;

import dev.iampolicyls.checks.CheckCode;
import dev.iampolicyls.policy.ConditionOperator;

/** A condition key with no values under a plain operator: the test can never be met. */
public final class EmptyArrayConditionCheck extends EmptyConditionArrayCheck {
  public EmptyArrayConditionCheck() {
    super(CheckCode.EMPTY_ARRAY_CONDITION, Form.PLAIN);
  }

  @Override
  String message(ConditionOperator op, String key) {
    return "There are no values for "
        + key
        + ", so the test means nothing: add values or remove it";
  }
}
