package dev.iampolicyls.checks.conditions;

import dev.iampolicyls.checks.CheckCode;
import dev.iampolicyls.policy.ConditionOperator;
import dev.iampolicyls.policy.ConditionOperator.Category;
import java.util.Set;

/**
 * A date value shaped like a date that names no real time: month 13, 30 February, hour 25, or epoch
 * seconds past year 9999 (most likely milliseconds).
 */
public final class InvalidDateValueCheck extends ValueFormatCheck {
  public InvalidDateValueCheck() {
    super(CheckCode.INVALID_DATE_VALUE, Set.of(Category.DATE));
  }

  @Override
  boolean isWrong(String text) {
    return ConditionValues.date(text) == ConditionValues.DateShape.IMPOSSIBLE;
  }

  @Override
  String message(ConditionOperator op, String key, String text) {
    return "\""
        + text
        + "\" names no real date and may not resolve as expected: write it as YYYY-MM-DD"
        + " (optionally with a time, e.g. 2025-01-31T12:00:00Z), or as epoch seconds";
  }
}
