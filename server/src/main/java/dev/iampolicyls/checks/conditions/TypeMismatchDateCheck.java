package dev.iampolicyls.checks.conditions;

import dev.iampolicyls.checks.CheckCode;
import dev.iampolicyls.policy.ConditionOperator;
import dev.iampolicyls.policy.ConditionOperator.Category;
import java.util.Set;

/** A Date operator with a value that is neither an ISO 8601 date nor epoch seconds. */
public final class TypeMismatchDateCheck extends ValueFormatCheck {
  public TypeMismatchDateCheck() {
    super(CheckCode.TYPE_MISMATCH_DATE, Set.of(Category.DATE));
  }

  @Override
  boolean isWrong(String text) {
    return ConditionValues.date(text) == ConditionValues.DateShape.NOT_A_DATE;
  }

  @Override
  String message(ConditionOperator op, String key, String text) {
    return "\""
        + text
        + "\" is not a date: write an ISO 8601 date such as 2025-01-31 or 2025-01-31T12:00:00Z";
  }
}
