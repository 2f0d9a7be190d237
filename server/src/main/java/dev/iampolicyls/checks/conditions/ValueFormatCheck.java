package dev.iampolicyls.checks.conditions;

import dev.iampolicyls.checks.CheckCode;
import dev.iampolicyls.checks.CheckContext;
import dev.iampolicyls.checks.PolicyCheck;
import dev.iampolicyls.policy.ConditionOperator;
import dev.iampolicyls.policy.ConditionOperator.Category;
import dev.iampolicyls.syntax.JsonNode;
import java.util.Optional;
import java.util.Set;

/**
 * A check of the values of operators of some categories, one finding per bad value. Values with
 * policy variables are left to the variable checks, values of the wrong JSON kind to
 * DATA_TYPE_MISMATCH, and tests whose operator does not suit the key to TYPE_MISMATCH, so one
 * problem gives one finding.
 */
abstract class ValueFormatCheck extends PolicyCheck {
  private final Set<Category> categories;

  ValueFormatCheck(CheckCode code, Set<Category> categories) {
    super(code);
    this.categories = categories;
  }

  @Override
  public final void run(CheckContext context) {
    for (KeyTest t : KeyTest.all(context)) {
      Optional<ConditionOperator> op = t.operator();
      if (op.isEmpty()
          || !categories.contains(op.get().category())
          || ConditionTypes.mismatched(context.catalog(), t)) {
        continue;
      }
      for (JsonNode v : t.values()) {
        String text = ConditionValues.text(v);
        if (text == null
            || ConditionValues.hasVariable(text)
            || DataTypeMismatchCheck.wrongKind(op.get().category(), ConditionValues.kind(v))) {
          continue;
        }
        if (isWrong(text)) {
          context.report(this, v, message(op.get(), t.key(), text));
        }
      }
    }
  }

  abstract boolean isWrong(String text);

  abstract String message(ConditionOperator op, String key, String text);
}
