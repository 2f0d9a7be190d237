package dev.iampolicyls.checks.conditions;

import dev.iampolicyls.checks.CheckCode;
import dev.iampolicyls.policy.ConditionOperator;
import dev.iampolicyls.policy.ConditionOperator.Category;
import java.util.Set;

/** A Bool or Null operator with a value other than true or false. */
public final class TypeMismatchBooleanCheck extends ValueFormatCheck {
  public TypeMismatchBooleanCheck() {
    super(CheckCode.TYPE_MISMATCH_BOOLEAN, Set.of(Category.BOOL, Category.NULL));
  }

  @Override
  boolean isWrong(String text) {
    return !ConditionValues.isBoolean(text);
  }

  @Override
  String message(ConditionOperator op, String key, String text) {
    return op.text() + " takes true or false, not \"" + text + "\"";
  }
}
