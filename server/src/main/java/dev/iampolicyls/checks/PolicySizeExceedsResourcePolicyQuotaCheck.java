package dev.iampolicyls.checks;

import dev.iampolicyls.policy.PolicyResourceType;
import dev.iampolicyls.policy.PolicyType;
import java.util.OptionalInt;

/**
 * A resource policy over its service's size quota. Only resources whose quota is documented are
 * checked: an S3 bucket policy is limited to 20 KB, a DynamoDB table's resource policy to 20 KB
 * with whitespace counted. Without a resource type nothing is known, and nothing is said.
 */
final class PolicySizeExceedsResourcePolicyQuotaCheck extends SizeQuotaCheck {
  static final int TWENTY_KB = 20 * 1024;

  PolicySizeExceedsResourcePolicyQuotaCheck() {
    super(CheckCode.POLICY_SIZE_EXCEEDS_RESOURCE_POLICY_QUOTA);
  }

  @Override
  OptionalInt quota(CheckContext context) {
    if (context.policyType() != PolicyType.RESOURCE_POLICY) {
      return OptionalInt.empty();
    }
    PolicyResourceType resource = context.resourceType().orElse(null);
    if (resource == PolicyResourceType.S3_BUCKET || resource == PolicyResourceType.DYNAMODB_TABLE) {
      return OptionalInt.of(TWENTY_KB);
    }
    return OptionalInt.empty();
  }

  @Override
  int size(String text, CheckContext context) {
    // S3 is not documented to count whitespace: measure without it, so we never warn too early.
    boolean whitespaceCounts =
        context.resourceType().orElse(null) == PolicyResourceType.DYNAMODB_TABLE;
    return PolicyText.utf8Bytes(whitespaceCounts ? text.strip() : PolicyText.compact(text));
  }

  /** UTF-8 takes at most 3 bytes per UTF-16 unit (a surrogate pair: 4 bytes for two units). */
  @Override
  int maxSizePerChar() {
    return 3;
  }

  @Override
  String describe(int size, int quota, CheckContext context) {
    return "This policy is "
        + number(size)
        + " bytes, over the "
        + number(quota)
        + " bytes allowed for a "
        + context.resourceType().map(PolicyResourceType::awsName).orElse("")
        + " policy: remove whitespace or grant the access in fewer statements";
  }
}
