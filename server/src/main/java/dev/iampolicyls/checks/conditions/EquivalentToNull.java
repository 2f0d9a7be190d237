package dev.iampolicyls.checks.conditions;

import dev.iampolicyls.policy.ConditionOperator;
import dev.iampolicyls.policy.ConditionOperator.Base;
import dev.iampolicyls.policy.ConditionOperator.Qualifier;
import dev.iampolicyls.syntax.JsonNode;
import dev.iampolicyls.syntax.StringNode;
import java.util.Optional;

/**
 * Tests with the value "*" that only say whether the key is present. StringLike "*" matches any
 * value, so it is true exactly when the key is there (Null false); StringNotLike "*" is true
 * exactly when it is not (Null true). The set forms that keep that meaning count too.
 */
final class EquivalentToNull {
  private EquivalentToNull() {}

  /** The Null value the test amounts to, if it amounts to one. */
  static Optional<Boolean> nullValue(KeyTest t) {
    Optional<ConditionOperator> op = t.operator();
    if (op.isEmpty() || op.get().ifExists() || !hasStar(t)) {
      return Optional.empty();
    }
    Base base = op.get().base();
    Qualifier q = op.get().qualifier();
    if (base == Base.StringLike && q != Qualifier.FOR_ALL_VALUES) {
      return Optional.of(false);
    }
    if (base == Base.StringNotLike && q != Qualifier.FOR_ANY_VALUE) {
      return Optional.of(true);
    }
    return Optional.empty();
  }

  private static boolean hasStar(KeyTest t) {
    for (JsonNode v : t.values()) {
      if (v instanceof StringNode s && s.value().equals("*")) {
        return true;
      }
    }
    return false;
  }
}
