package dev.iampolicyls.checks;

import dev.iampolicyls.policy.PolicyType;
import java.util.OptionalInt;

/**
 * A role trust policy over IAM's quota: 2,048 characters without whitespace by default. The quota
 * can be raised in Service Quotas; the configuration's {@code quotas.roleTrustPolicy} says so.
 */
final class PolicySizeExceedsRoleTrustPolicyQuotaCheck extends SizeQuotaCheck {
  PolicySizeExceedsRoleTrustPolicyQuotaCheck() {
    super(CheckCode.POLICY_SIZE_EXCEEDS_ROLE_TRUST_POLICY_QUOTA);
  }

  @Override
  OptionalInt quota(CheckContext context) {
    return context.policyType() == PolicyType.TRUST_POLICY
        ? OptionalInt.of(context.settings().roleTrustPolicyQuota())
        : OptionalInt.empty();
  }

  @Override
  int size(String text, CheckContext context) {
    return PolicyText.sizeWithoutWhitespace(text);
  }

  @Override
  String describe(int size, int quota, CheckContext context) {
    return "This role trust policy has "
        + number(size)
        + " characters without whitespace, over the quota of "
        + number(quota)
        + ": shorten it, or request a higher quota and set quotas.roleTrustPolicy in "
        + ".iam-policy-ls.json";
  }
}
