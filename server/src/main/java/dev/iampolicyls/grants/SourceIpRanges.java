package dev.iampolicyls.grants;

import dev.iampolicyls.policy.ConditionEntry;
import dev.iampolicyls.policy.ConditionOperator;
import dev.iampolicyls.policy.ConditionOperator.Base;
import dev.iampolicyls.policy.ConditionOperator.Qualifier;
import dev.iampolicyls.policy.IpRange;
import dev.iampolicyls.policy.Statement;
import dev.iampolicyls.syntax.JsonNode;
import dev.iampolicyls.syntax.StringNode;
import java.util.Optional;

/**
 * aws:SourceIp tests with only private or loopback ranges ({@link IpRange#isPrivate}). The key is
 * the public address a request comes from, and absent for requests through a VPC endpoint, so it
 * never holds such an address: under {@code IpAddress} the test is never true (the statement never
 * applies; PRIVATE_IP_ADDRESS reports it), under {@code NotIpAddress} always true, absent key
 * included (a negated operator holds when the key is missing).
 */
final class SourceIpRanges {
  /** The code that reports an IpAddress test with only private ranges. */
  static final String NEVER_CODE = "PRIVATE_IP_ADDRESS";

  private SourceIpRanges() {}

  /** An {@code IpAddress} test of aws:SourceIp with only private ranges: never true. */
  static Optional<NeverApplies.Reason> neverTrue(Statement s) {
    for (ConditionEntry e : s.conditionEntries()) {
      ConditionOperator op = e.operator().orElse(null);
      if (op != null
          && op.base() == Base.IpAddress
          && !op.ifExists()
          && op.qualifier() != Qualifier.FOR_ALL_VALUES
          && onlyPrivate(e)) {
        return Optional.of(
            new NeverApplies.Reason(
                e.keyProperty().key(),
                "aws:SourceIp never holds a private or loopback address, so IpAddress with only"
                    + " such ranges is never true",
                NEVER_CODE));
      }
    }
    return Optional.empty();
  }

  /**
   * Whether every test of the statement's Condition is {@code NotIpAddress} on aws:SourceIp with
   * only private ranges: the Condition holds for every request, and a Deny with it denies always.
   */
  static boolean alwaysTrue(Statement s) {
    if (s.conditionEntries().isEmpty()) {
      return false;
    }
    for (ConditionEntry e : s.conditionEntries()) {
      if (!alwaysTrue(e)) {
        return false;
      }
    }
    return true;
  }

  /** {@code NotIpAddress} on aws:SourceIp with only private ranges: true for every request. */
  static boolean alwaysTrue(ConditionEntry e) {
    ConditionOperator op = e.operator().orElse(null);
    return op != null
        && op.base() == Base.NotIpAddress
        && op.qualifier() == Qualifier.NONE
        && onlyPrivate(e);
  }

  private static boolean onlyPrivate(ConditionEntry e) {
    if (!e.key().equalsIgnoreCase("aws:SourceIp") || e.values().isEmpty()) {
      return false;
    }
    for (JsonNode v : e.values()) {
      if (!(v instanceof StringNode s)) {
        return false;
      }
      Optional<IpRange> range = IpRange.parse(s.value());
      if (range.isEmpty() || !range.get().isPrivate()) {
        return false;
      }
    }
    return true;
  }
}
