package dev.iampolicyls.checks;

import dev.iampolicyls.policy.PolicyType;
import java.util.OptionalInt;

/**
 * An identity policy over IAM's size quota. Access Analyzer warns above 10,240 characters (the
 * inline role policy quota); a customer managed policy is rejected above 6,144, so the
 * configuration can say which files are customer managed.
 */
final class PolicySizeExceedsIdentityPolicyQuotaCheck extends SizeQuotaCheck {
  static final int INLINE_QUOTA = 10_240;
  static final int CUSTOMER_MANAGED_QUOTA = 6_144;

  PolicySizeExceedsIdentityPolicyQuotaCheck() {
    super(CheckCode.POLICY_SIZE_EXCEEDS_IDENTITY_POLICY_QUOTA);
  }

  @Override
  OptionalInt quota(CheckContext context) {
    if (context.policyType() != PolicyType.IDENTITY_POLICY) {
      return OptionalInt.empty();
    }
    return OptionalInt.of(
        context.settings().customerManaged() ? CUSTOMER_MANAGED_QUOTA : INLINE_QUOTA);
  }

  @Override
  int size(String text, CheckContext context) {
    return PolicyText.sizeWithoutWhitespace(text);
  }

  @Override
  String describe(int size, int quota, CheckContext context) {
    String kind =
        context.settings().customerManaged() ? "a customer managed policy" : "identity policies";
    return "This policy has "
        + number(size)
        + " characters without whitespace, over the "
        + number(quota)
        + " IAM allows for "
        + kind
        + ": split it into several smaller policies";
  }
}
