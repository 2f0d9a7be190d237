package dev.iampolicyls.checks.conditions;

import dev.iampolicyls.checks.CheckCode;
import dev.iampolicyls.policy.ConditionOperator;
import dev.iampolicyls.policy.ConditionOperator.Category;
import java.util.Set;

/** An IpAddress or NotIpAddress value that is not an IPv4 or IPv6 address or CIDR range. */
public final class TypeMismatchIpRangeCheck extends ValueFormatCheck {
  public TypeMismatchIpRangeCheck() {
    super(CheckCode.TYPE_MISMATCH_IP_RANGE, Set.of(Category.IP_ADDRESS));
  }

  @Override
  boolean isWrong(String text) {
    return !ConditionValues.isIpRange(text);
  }

  @Override
  String message(ConditionOperator op, String key, String text) {
    return "\""
        + text
        + "\" is not an IP address or range: write CIDR notation such as 203.0.113.0/24 or"
        + " 2001:db8::/32";
  }
}
