package dev.iampolicyls.checks;

import dev.iampolicyls.policy.ConditionEntry;
import dev.iampolicyls.policy.ConditionOperator;
import dev.iampolicyls.policy.ConditionOperator.Qualifier;
import dev.iampolicyls.syntax.JsonNode;
import dev.iampolicyls.syntax.StringNode;

/**
 * What a Like or NotLike test with a value of only {@code *} decides. Every value matches {@code
 * *}, so the outcome depends only on whether the key is present and on the qualifier and IfExists:
 * some forms are always true (the key test is redundant), one is never true (the statement never
 * applies). The forms that amount to a Null test are left to the EQUIVALENT_TO_NULL checks.
 */
final class WildcardConditions {
  private WildcardConditions() {}

  enum Outcome {
    ALWAYS_TRUE,
    NEVER_TRUE,
    OTHER
  }

  static Outcome of(ConditionEntry entry) {
    ConditionOperator op = entry.operator().orElse(null);
    if (op == null || !op.base().matchesWildcards() || !hasMatchAll(entry)) {
      return Outcome.OTHER;
    }
    if (!op.base().negated()) {
      // Present: some value matches *. Absent: IfExists and ForAllValues are true.
      return op.ifExists() || op.qualifier() == Qualifier.FOR_ALL_VALUES
          ? Outcome.ALWAYS_TRUE
          : Outcome.OTHER;
    }
    // ForAnyValue:...NotLike needs a request value that does not match *: there is none, and an
    // absent key makes ForAnyValue false.
    return op.qualifier() == Qualifier.FOR_ANY_VALUE && !op.ifExists()
        ? Outcome.NEVER_TRUE
        : Outcome.OTHER;
  }

  private static boolean hasMatchAll(ConditionEntry entry) {
    // Loops, not streams: asked for every condition entry (see CheckContext#shared).
    for (JsonNode v : entry.values()) {
      if (v instanceof StringNode s && !s.value().isEmpty() && onlyStars(s.value())) {
        return true;
      }
    }
    return false;
  }

  private static boolean onlyStars(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) != '*') {
        return false;
      }
    }
    return true;
  }
}
