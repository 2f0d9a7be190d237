package dev.iampolicyls.checks;

import dev.iampolicyls.policy.ConditionEntry;
import dev.iampolicyls.policy.ConditionOperator;
import dev.iampolicyls.policy.IpRange;
import dev.iampolicyls.syntax.JsonNode;
import dev.iampolicyls.syntax.StringNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The ranges of an {@code aws:SourceIp} test. aws:SourceIp is the public address a request comes
 * from, so private ranges in it never match; the private-address checks read it through here.
 */
final class SourceIpValues {
  private SourceIpValues() {}

  record Value(JsonNode node, IpRange range) {}

  /**
   * The ranges of an aws:SourceIp entry under IpAddress (or NotIpAddress when {@code negated}), in
   * order; empty when the entry is another test or a value is not a plain range (a variable or a
   * typo is another check's business, and a guess here would be a false alarm).
   */
  static Optional<List<Value>> of(ConditionEntry entry, boolean negated) {
    if (!entry.key().equalsIgnoreCase("aws:SourceIp")) {
      return Optional.empty();
    }
    ConditionOperator op = entry.operator().orElse(null);
    if (op == null
        || op.category() != ConditionOperator.Category.IP_ADDRESS
        || op.base().negated() != negated) {
      return Optional.empty();
    }
    List<Value> values = new ArrayList<>();
    for (JsonNode node : entry.values()) {
      if (!(node instanceof StringNode s)) {
        return Optional.empty();
      }
      Optional<IpRange> range = IpRange.parse(s.value());
      if (range.isEmpty()) {
        return Optional.empty();
      }
      values.add(new Value(node, range.get()));
    }
    return values.isEmpty() ? Optional.empty() : Optional.of(values);
  }
}
