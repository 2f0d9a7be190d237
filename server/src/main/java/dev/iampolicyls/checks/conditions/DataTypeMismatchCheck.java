package dev.iampolicyls.checks.conditions;

import dev.iampolicyls.checks.CheckCode;
import dev.iampolicyls.checks.CheckContext;
import dev.iampolicyls.checks.PolicyCheck;
import dev.iampolicyls.checks.conditions.ConditionValues.Kind;
import dev.iampolicyls.policy.ConditionOperator;
import dev.iampolicyls.policy.ConditionOperator.Category;
import dev.iampolicyls.syntax.JsonNode;
import java.util.Locale;
import java.util.Optional;

/**
 * A condition value of a JSON type the operator cannot take: a number for Bool, Null, IP, binary or
 * ARN operators, a boolean for anything but Bool, Null and string operators. String operators take
 * numbers and booleans as their text. Objects and nulls are the schema check's.
 */
public final class DataTypeMismatchCheck extends PolicyCheck {
  public DataTypeMismatchCheck() {
    super(CheckCode.DATA_TYPE_MISMATCH);
  }

  static boolean wrongKind(Category category, Kind kind) {
    return switch (category) {
      case STRING -> false;
      case BOOL, NULL -> kind == Kind.NUMBER;
      case NUMERIC, DATE -> kind == Kind.BOOLEAN;
      case IP_ADDRESS, BINARY, ARN -> kind == Kind.NUMBER || kind == Kind.BOOLEAN;
    };
  }

  @Override
  public void run(CheckContext context) {
    for (KeyTest t : KeyTest.all(context)) {
      Optional<ConditionOperator> op = t.operator();
      if (op.isEmpty() || InvalidConditionDataTypeCheck.mixesKinds(t)) {
        continue;
      }
      for (JsonNode v : t.values()) {
        Kind kind = ConditionValues.kind(v);
        if (wrongKind(op.get().category(), kind)) {
          context.report(
              this,
              v,
              op.get().text()
                  + " does not take a JSON "
                  + kind.name().toLowerCase(Locale.ROOT)
                  + " such as "
                  + ConditionValues.text(v)
                  + ": write the value as "
                  + (op.get().category() == Category.BOOL || op.get().category() == Category.NULL
                      ? "true or false"
                      : "a string"));
        }
      }
    }
  }
}
