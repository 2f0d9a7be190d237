package dev.iampolicyls.checks;

import dev.iampolicyls.policy.ConditionEntry;
import dev.iampolicyls.policy.Statement;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Private ranges in an aws:SourceIp test. When every range is private the whole test is reported on
 * its key (under IpAddress it never matches, under NotIpAddress it always does); when public ranges
 * are mixed in, each private range is reported as dead weight. The four codes are the four
 * combinations of IpAddress or NotIpAddress with all or some ranges private.
 */
final class PrivateSourceIpCheck extends PolicyCheck {
  private final boolean negated;
  private final boolean mixed;

  /** The message for the listed private ranges (all of them) or the one private range (mixed). */
  private final UnaryOperator<String> message;

  private PrivateSourceIpCheck(
      CheckCode code, boolean negated, boolean mixed, UnaryOperator<String> message) {
    super(code);
    this.negated = negated;
    this.mixed = mixed;
    this.message = message;
  }

  /** IpAddress on aws:SourceIp with only private ranges: the condition never matches. */
  static PrivateSourceIpCheck ipAddress() {
    return new PrivateSourceIpCheck(
        CheckCode.PRIVATE_IP_ADDRESS,
        false,
        false,
        values ->
            "aws:SourceIp holds only public addresses, so IpAddress with only private ranges ("
                + values
                + ") never matches: use public ranges, or aws:VpcSourceIp for addresses inside a"
                + " VPC");
  }

  /** NotIpAddress on aws:SourceIp with only private ranges: the condition always matches. */
  static PrivateSourceIpCheck notIpAddress() {
    return new PrivateSourceIpCheck(
        CheckCode.PRIVATE_NOT_IP_ADDRESS,
        true,
        false,
        values ->
            "aws:SourceIp holds only public addresses, so NotIpAddress with only private ranges ("
                + values
                + ") always matches and has no effect: use public ranges, or aws:VpcSourceIp for"
                + " addresses inside a VPC");
  }

  /** IpAddress on aws:SourceIp mixing public and private ranges: the private ones never match. */
  static PrivateSourceIpCheck ipAddressSubset() {
    return new PrivateSourceIpCheck(
        CheckCode.PRIVATE_IP_ADDRESS_SUBSET,
        false,
        true,
        value ->
            "The private range "
                + value
                + " never matches aws:SourceIp, which holds only public addresses: remove it, or"
                + " test private addresses with aws:VpcSourceIp");
  }

  /** NotIpAddress on aws:SourceIp mixing public and private ranges: the private ones do nothing. */
  static PrivateSourceIpCheck notIpAddressSubset() {
    return new PrivateSourceIpCheck(
        CheckCode.PRIVATE_NOT_IP_ADDRESS_SUBSET,
        true,
        true,
        value ->
            "The private range "
                + value
                + " has no effect under NotIpAddress: aws:SourceIp holds only public addresses."
                + " Remove it, or exclude private addresses with aws:VpcSourceIp");
  }

  @Override
  public void run(CheckContext context) {
    for (Statement s : context.policy().statements()) {
      for (ConditionEntry entry : s.conditionEntries()) {
        // Not ifPresent(values -> ...): a capturing lambda per entry (see CheckContext#shared).
        Optional<List<SourceIpValues.Value>> values = SourceIpValues.of(entry, negated);
        if (values.isPresent()) {
          check(context, entry, values.get());
        }
      }
    }
  }

  private void check(
      CheckContext context, ConditionEntry entry, List<SourceIpValues.Value> values) {
    List<SourceIpValues.Value> privates =
        values.stream().filter(v -> v.range().isPrivate()).toList();
    if (privates.isEmpty()) {
      return;
    }
    boolean allPrivate = privates.size() == values.size();
    if (!mixed && allPrivate) {
      String listed = String.join(", ", values.stream().map(v -> v.range().toString()).toList());
      context.report(this, entry.keyProperty().key(), message.apply(listed));
    } else if (mixed && !allPrivate) {
      for (SourceIpValues.Value v : privates) {
        context.report(this, v.node(), message.apply(v.range().toString()));
      }
    }
  }
}
