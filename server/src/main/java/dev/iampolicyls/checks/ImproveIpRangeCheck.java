package dev.iampolicyls.checks;

import dev.iampolicyls.policy.ConditionEntry;
import dev.iampolicyls.policy.ConditionOperator;
import dev.iampolicyls.policy.IpRange;
import dev.iampolicyls.policy.Statement;
import dev.iampolicyls.syntax.JsonNode;
import dev.iampolicyls.syntax.StringNode;

/**
 * An IP range with bits set after its prefix, as in {@code 10.0.0.1/8}: IAM ignores them, so the
 * range is really {@code 10.0.0.0/8}, which is seldom what the author meant.
 */
final class ImproveIpRangeCheck extends PolicyCheck {
  ImproveIpRangeCheck() {
    super(CheckCode.IMPROVE_IP_RANGE);
  }

  @Override
  public void run(CheckContext context) {
    for (Statement s : context.policy().statements()) {
      for (ConditionEntry entry : s.conditionEntries()) {
        boolean ipOperator =
            entry
                .operator()
                .filter(op -> op.category() == ConditionOperator.Category.IP_ADDRESS)
                .isPresent();
        if (!ipOperator) {
          continue;
        }
        for (JsonNode node : entry.values()) {
          if (node instanceof StringNode str) {
            IpRange.parse(str.value())
                .filter(IpRange::hasHostBits)
                .ifPresent(
                    r ->
                        context.report(
                            this,
                            str,
                            "The bits after the /"
                                + r.prefix()
                                + " prefix of "
                                + str.value()
                                + " are ignored: write "
                                + r.network().text()
                                + ", or a longer prefix if you meant a smaller range"));
          }
        }
      }
    }
  }
}
