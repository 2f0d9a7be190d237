package dev.iampolicyls.checks.conditions;

import dev.iampolicyls.checks.CheckCode;
import dev.iampolicyls.checks.CheckContext;
import dev.iampolicyls.checks.PolicyCheck;
import dev.iampolicyls.checks.conditions.ConditionValues.Kind;
import dev.iampolicyls.syntax.JsonNode;
import java.util.EnumSet;
import java.util.Set;

/** A list of condition values that mixes JSON types, such as ["true", false] or [1, "2"]. */
public final class InvalidConditionDataTypeCheck extends PolicyCheck {
  public InvalidConditionDataTypeCheck() {
    super(CheckCode.INVALID_CONDITION_DATA_TYPE);
  }

  static boolean mixesKinds(KeyTest t) {
    if (!t.valueIsArray()) {
      return false;
    }
    Set<Kind> kinds = EnumSet.noneOf(Kind.class);
    for (JsonNode v : t.values()) {
      Kind k = ConditionValues.kind(v);
      if (k != Kind.OTHER) {
        kinds.add(k);
      }
    }
    return kinds.size() > 1;
  }

  @Override
  public void run(CheckContext context) {
    for (KeyTest t : KeyTest.all(context)) {
      if (mixesKinds(t)) {
        context.report(
            this,
            t.valueNode(),
            "The values of "
                + t.key()
                + " mix JSON types (strings, numbers, booleans): write them all the same way,"
                + " e.g. all as strings");
      }
    }
  }
}
