package dev.iampolicyls.checks.conditions;

import dev.iampolicyls.checks.CheckCode;
import dev.iampolicyls.policy.ConditionOperator;
import dev.iampolicyls.policy.ConditionOperator.Category;
import java.util.Set;

/** A BinaryEquals value that is not base64. */
public final class TypeMismatchStringCheck extends ValueFormatCheck {
  public TypeMismatchStringCheck() {
    super(CheckCode.TYPE_MISMATCH_STRING, Set.of(Category.BINARY));
  }

  @Override
  boolean isWrong(String text) {
    return !ConditionValues.isBase64(text);
  }

  @Override
  String message(ConditionOperator op, String key, String text) {
    return op.text() + " compares base64-encoded bytes, and \"" + text + "\" is not base64";
  }
}
