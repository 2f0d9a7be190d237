package dev.iampolicyls.checks;

import dev.iampolicyls.policy.PolicyType;
import java.util.OptionalInt;

/**
 * A service or resource control policy over AWS Organizations' 5,120 character quota. Unlike IAM,
 * Organizations counts every character, whitespace included. The SCP and RCP checks differ only in
 * the policy type and its short name.
 */
final class OrganizationsPolicySizeCheck extends SizeQuotaCheck {
  static final int QUOTA = 5_120;

  private final PolicyType policyType;

  /** "SCP" or "RCP", as the message names the policy. */
  private final String shortName;

  private OrganizationsPolicySizeCheck(CheckCode code, PolicyType policyType, String shortName) {
    super(code);
    this.policyType = policyType;
    this.shortName = shortName;
  }

  static OrganizationsPolicySizeCheck scp() {
    return new OrganizationsPolicySizeCheck(
        CheckCode.POLICY_SIZE_EXCEEDS_SCP_QUOTA, PolicyType.SERVICE_CONTROL_POLICY, "SCP");
  }

  static OrganizationsPolicySizeCheck rcp() {
    return new OrganizationsPolicySizeCheck(
        CheckCode.POLICY_SIZE_EXCEEDS_RCP_QUOTA, PolicyType.RESOURCE_CONTROL_POLICY, "RCP");
  }

  @Override
  OptionalInt quota(CheckContext context) {
    return context.policyType() == policyType ? OptionalInt.of(QUOTA) : OptionalInt.empty();
  }

  @Override
  int size(String text, CheckContext context) {
    return PolicyText.sizeWithWhitespace(text);
  }

  @Override
  String describe(int size, int quota, CheckContext context) {
    return "This "
        + shortName
        + " has "
        + number(size)
        + " characters, over the "
        + number(quota)
        + " AWS Organizations allows (whitespace counts): remove the whitespace outside strings"
        + " or split it into several "
        + shortName
        + "s";
  }
}
