package dev.iampolicyls.checks.conditions;

import dev.iampolicyls.catalog.ConditionKey;
import dev.iampolicyls.checks.CheckCode;
import dev.iampolicyls.checks.CheckContext;
import dev.iampolicyls.checks.PolicyCheck;
import dev.iampolicyls.policy.ConditionOperator;
import dev.iampolicyls.syntax.JsonNode;
import java.util.Optional;

/**
 * StringLike or StringNotLike with wildcards on an ARN key: a string wildcard runs across the
 * colons between ARN fields, so it can match other accounts, Regions or services. ArnLike matches
 * each field on its own.
 */
public final class StringLikeOperatorWithArnConditionKeysCheck extends PolicyCheck {
  public StringLikeOperatorWithArnConditionKeysCheck() {
    super(CheckCode.STRING_LIKE_OPERATOR_WITH_ARN_CONDITION_KEYS);
  }

  @Override
  public void run(CheckContext context) {
    for (KeyTest t : KeyTest.all(context)) {
      Optional<ConditionOperator> op = t.operator();
      if (op.isEmpty()
          || (op.get().base() != ConditionOperator.Base.StringLike
              && op.get().base() != ConditionOperator.Base.StringNotLike)
          || !hasWildcard(t)) {
        continue;
      }
      Optional<ConditionKey> key = ConditionKeys.resolve(context.catalog(), t.key());
      if (key.isPresent() && ConditionKeys.valueType(key.get()).equals("ARN")) {
        String arnOperator =
            op.get().base() == ConditionOperator.Base.StringLike ? "ArnLike" : "ArnNotLike";
        context.report(
            this,
            t.keyNode(),
            t.key()
                + " is an ARN: with "
                + op.get().text()
                + " a wildcard can match across ARN fields; use "
                + op.get().qualifier().prefix()
                + arnOperator
                + (op.get().ifExists() ? "IfExists" : "")
                + " instead");
      }
    }
  }

  private static boolean hasWildcard(KeyTest t) {
    for (JsonNode v : t.values()) {
      String text = ConditionValues.text(v);
      if (text != null && (text.contains("*") || text.contains("?"))) {
        return true;
      }
    }
    return false;
  }
}
