package dev.iampolicyls.checks.conditions;

import dev.iampolicyls.checks.CheckCode;
import dev.iampolicyls.policy.ConditionOperator;

/** An IfExists operator with no values: true only when the key is absent. */
public final class EmptyArrayConditionIfExistsCheck extends EmptyConditionArrayCheck {
  public EmptyArrayConditionIfExistsCheck() {
    super(CheckCode.EMPTY_ARRAY_CONDITION_IFEXISTS, Form.IF_EXISTS);
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
