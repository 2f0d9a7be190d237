package dev.iampolicyls.checks;

import dev.iampolicyls.policy.ConditionEntry;
import dev.iampolicyls.policy.Statement;
import java.util.List;

/**
 * Private ranges in an aws:SourceIp test. When every range is private the whole test is reported on
 * its key (under IpAddress it never matches, under NotIpAddress it always does); when public ranges
 * are mixed in, each private range is reported as dead weight.
 */
abstract class PrivateSourceIpCheck extends PolicyCheck {
  private final boolean negated;
  private final boolean mixed;

  PrivateSourceIpCheck(CheckCode code, boolean negated, boolean mixed) {
    super(code);
    this.negated = negated;
    this.mixed = mixed;
  }

  abstract String message(String values);

  @Override
  public void run(CheckContext context) {
    for (Statement s : context.policy().statements()) {
      for (ConditionEntry entry : s.conditionEntries()) {
        SourceIpValues.of(entry, negated).ifPresent(values -> check(context, entry, values));
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
      context.report(this, entry.keyProperty().key(), message(listed));
    } else if (mixed && !allPrivate) {
      for (SourceIpValues.Value v : privates) {
        context.report(this, v.node(), message(v.range().toString()));
      }
    }
  }
}
