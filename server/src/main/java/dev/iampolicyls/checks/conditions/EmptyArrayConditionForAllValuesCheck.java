package dev.iampolicyls.checks.conditions;

import dev.iampolicyls.checks.CheckCode;
import dev.iampolicyls.policy.ConditionOperator;

/** ForAllValues with no values: true only when the key is absent, which Null says plainly. */
public final class EmptyArrayConditionForAllValuesCheck extends EmptyConditionArrayCheck {
  public EmptyArrayConditionForAllValuesCheck() {
    super(CheckCode.EMPTY_ARRAY_CONDITION_FORALLVALUES, Form.FOR_ALL_VALUES);
  }

  @Override
  String message(ConditionOperator op, String key) {
    return op.text()
        + " with no values matches only when "
        + key
        + " is absent: to test that, write {\"Null\": {\""
        + key
        + "\": \"true\"}}";
  }
}
