package dev.iampolicyls.checks.conditions;

import dev.iampolicyls.checks.CheckCode;
import dev.iampolicyls.checks.CheckContext;
import dev.iampolicyls.checks.PolicyCheck;
import dev.iampolicyls.policy.ConditionOperator;
import dev.iampolicyls.syntax.JsonNode;
import dev.iampolicyls.syntax.StringNode;
import java.util.Optional;

/**
 * A * or ? in the value of a string operator that compares literally (StringEquals and kin). ARN
 * operators are left alone: ArnEquals matches wildcards just like ArnLike.
 */
public final class WildcardWithoutLikeOperatorCheck extends PolicyCheck {
  public WildcardWithoutLikeOperatorCheck() {
    super(CheckCode.WILDCARD_WITHOUT_LIKE_OPERATOR);
  }

  @Override
  public void run(CheckContext context) {
    for (KeyTest t : KeyTest.all(context)) {
      Optional<ConditionOperator> op = t.operator();
      if (op.isEmpty()
          || op.get().category() != ConditionOperator.Category.STRING
          || op.get().base().matchesWildcards()) {
        continue;
      }
      for (JsonNode v : t.values()) {
        if (v instanceof StringNode s && hasWildcard(s.value())) {
          context.report(
              this,
              v,
              op.get().text()
                  + " compares \""
                  + s.value()
                  + "\" literally, * and ? included: if they are meant as wildcards, use "
                  + likeOperator(op.get()));
        }
      }
    }
  }

  /** A * or ? outside the escapes ${*} and ${?}, which stand for the characters themselves. */
  static boolean hasWildcard(String value) {
    String rest = value.replace("${*}", "").replace("${?}", "");
    return rest.contains("*") || rest.contains("?");
  }

  private static String likeOperator(ConditionOperator op) {
    ConditionOperator.Base like =
        op.base().negated()
            ? ConditionOperator.Base.StringNotLike
            : ConditionOperator.Base.StringLike;
    return new ConditionOperator(op.qualifier(), like, op.ifExists()).text();
  }
}
