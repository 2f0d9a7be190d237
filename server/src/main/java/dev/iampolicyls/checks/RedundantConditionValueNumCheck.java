package dev.iampolicyls.checks;

import dev.iampolicyls.policy.ConditionEntry;
import dev.iampolicyls.policy.ConditionOperator;
import dev.iampolicyls.policy.ConditionOperator.Base;
import dev.iampolicyls.policy.Statement;
import dev.iampolicyls.syntax.JsonNode;
import dev.iampolicyls.syntax.NumberNode;
import dev.iampolicyls.syntax.StringNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Several values for a less-than or greater-than operator: the values are ORed, so only the
 * greatest (less-than) or least (greater-than) one counts and the others are redundant.
 */
final class RedundantConditionValueNumCheck extends PolicyCheck {
  RedundantConditionValueNumCheck() {
    super(CheckCode.REDUNDANT_CONDITION_VALUE_NUM);
  }

  private record Num(JsonNode node, BigDecimal value) {}

  @Override
  public void run(CheckContext context) {
    for (Statement s : context.policy().statements()) {
      for (ConditionEntry entry : s.conditionEntries()) {
        ConditionOperator op = entry.operator().orElse(null);
        if (op == null) {
          continue;
        }
        boolean lessThan =
            op.base() == Base.NumericLessThan || op.base() == Base.NumericLessThanEquals;
        boolean greaterThan =
            op.base() == Base.NumericGreaterThan || op.base() == Base.NumericGreaterThanEquals;
        if (!lessThan && !greaterThan) {
          continue;
        }
        List<Num> nums = numbers(entry.values());
        if (nums == null || nums.size() < 2) {
          continue;
        }
        Num kept = nums.get(0);
        for (Num n : nums) {
          int c = n.value().compareTo(kept.value());
          if (lessThan ? c > 0 : c < 0) {
            kept = n;
          }
        }
        for (Num n : nums) {
          if (n != kept) {
            context.report(
                this,
                n.node(),
                "With "
                    + op.text()
                    + " only the "
                    + (lessThan ? "greatest" : "least")
                    + " value counts: "
                    + n.value().toPlainString()
                    + " is redundant next to "
                    + kept.value().toPlainString()
                    + " for "
                    + entry.key()
                    + ". Keep a single value");
          }
        }
      }
    }
  }

  /** The values as numbers, or null when one is not a plain number. */
  private static List<Num> numbers(List<JsonNode> values) {
    List<Num> out = new ArrayList<>();
    for (JsonNode v : values) {
      String text =
          v instanceof StringNode s ? s.value() : v instanceof NumberNode n ? n.text() : null;
      if (text == null) {
        return null;
      }
      try {
        out.add(new Num(v, new BigDecimal(text.strip())));
      } catch (NumberFormatException e) {
        return null;
      }
    }
    return out;
  }
}
