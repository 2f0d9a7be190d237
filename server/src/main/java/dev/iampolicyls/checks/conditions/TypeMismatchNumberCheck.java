package dev.iampolicyls.checks.conditions;

import dev.iampolicyls.checks.CheckCode;
import dev.iampolicyls.policy.ConditionOperator;
import dev.iampolicyls.policy.ConditionOperator.Category;
import java.util.Set;

/** A Numeric operator with a value that is not a number. */
public final class TypeMismatchNumberCheck extends ValueFormatCheck {
  public TypeMismatchNumberCheck() {
    super(CheckCode.TYPE_MISMATCH_NUMBER, Set.of(Category.NUMERIC));
  }

  @Override
  boolean isWrong(String text) {
    return !ConditionValues.isNumber(text);
  }

  @Override
  String message(ConditionOperator op, String key, String text) {
    return op.text() + " compares numbers, and \"" + text + "\" is not one: write e.g. \"3600\"";
  }
}
