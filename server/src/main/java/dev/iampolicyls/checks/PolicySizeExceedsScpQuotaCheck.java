package dev.iampolicyls.checks;

import dev.iampolicyls.policy.PolicyType;
import java.util.OptionalInt;

/**
 * A service control policy over AWS Organizations' 5,120 character quota. Unlike IAM, Organizations
 * counts every character, whitespace included.
 */
final class PolicySizeExceedsScpQuotaCheck extends SizeQuotaCheck {
  static final int QUOTA = 5_120;

  PolicySizeExceedsScpQuotaCheck() {
    super(CheckCode.POLICY_SIZE_EXCEEDS_SCP_QUOTA);
  }

  @Override
  OptionalInt quota(CheckContext context) {
    return context.policyType() == PolicyType.SERVICE_CONTROL_POLICY
        ? OptionalInt.of(QUOTA)
        : OptionalInt.empty();
  }

  @Override
  int size(String text, CheckContext context) {
    return PolicyText.sizeWithWhitespace(text);
  }

  @Override
  String describe(int size, int quota, CheckContext context) {
    return "This SCP has "
        + number(size)
        + " characters, over the "
        + number(quota)
        + " AWS Organizations allows (whitespace counts): remove the whitespace outside strings"
        + " or split it into several SCPs";
  }
}
