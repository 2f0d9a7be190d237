package dev.iampolicyls.checks;

import dev.iampolicyls.policy.PolicyType;
import java.util.OptionalInt;

/**
 * A resource control policy over AWS Organizations' 5,120 character quota. Unlike IAM,
 * Organizations counts every character, whitespace included.
 */
final class PolicySizeExceedsRcpQuotaCheck extends SizeQuotaCheck {
  static final int QUOTA = 5_120;

  PolicySizeExceedsRcpQuotaCheck() {
    super(CheckCode.POLICY_SIZE_EXCEEDS_RCP_QUOTA);
  }

  @Override
  OptionalInt quota(CheckContext context) {
    return context.policyType() == PolicyType.RESOURCE_CONTROL_POLICY
        ? OptionalInt.of(QUOTA)
        : OptionalInt.empty();
  }

  @Override
  int size(String text, CheckContext context) {
    return PolicyText.sizeWithWhitespace(text);
  }

  @Override
  String describe(int size, int quota, CheckContext context) {
    return "This RCP has "
        + number(size)
        + " characters, over the "
        + number(quota)
        + " AWS Organizations allows (whitespace counts): remove the whitespace outside strings"
        + " or split it into several RCPs";
  }
}
