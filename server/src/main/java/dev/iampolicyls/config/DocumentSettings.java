package dev.iampolicyls.config;

import dev.iampolicyls.checks.FindingType;
import dev.iampolicyls.policy.PolicyResourceType;
import dev.iampolicyls.policy.PolicyType;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The settings that apply to one document, resolved from {@link AnalysisSettings} by its path.
 *
 * @param policyType the type to check it as, or null to infer it from the text
 * @param resourceType the resource a resource policy is attached to, or null when unknown
 * @param customerManaged an identity policy that is a customer managed policy (smaller quota)
 * @param roleTrustPolicyQuota the role trust policy size quota in characters
 * @param checks checks turned off or given another finding type, by code
 * @param ignoredCodes codes whose findings are not reported for this document
 * @param guardrails the guardrails that apply to this document
 * @param referencePolicies the reference policies that apply to this document
 */
public record DocumentSettings(
    PolicyType policyType,
    PolicyResourceType resourceType,
    boolean customerManaged,
    int roleTrustPolicyQuota,
    Map<String, CheckSetting> checks,
    Set<String> ignoredCodes,
    List<Guardrail> guardrails,
    List<ReferencePolicy> referencePolicies) {

  /** IAM's default role trust policy quota, in characters without whitespace. */
  public static final int DEFAULT_ROLE_TRUST_POLICY_QUOTA = 2048;

  public static final DocumentSettings DEFAULT =
      new DocumentSettings(null, null, false, DEFAULT_ROLE_TRUST_POLICY_QUOTA, Map.of(), Set.of());

  public DocumentSettings {
    checks = Map.copyOf(checks);
    ignoredCodes = Set.copyOf(ignoredCodes);
    guardrails = List.copyOf(guardrails);
    referencePolicies = List.copyOf(referencePolicies);
  }

  /** Settings without reference policies. */
  public DocumentSettings(
      PolicyType policyType,
      PolicyResourceType resourceType,
      boolean customerManaged,
      int roleTrustPolicyQuota,
      Map<String, CheckSetting> checks,
      Set<String> ignoredCodes,
      List<Guardrail> guardrails) {
    this(
        policyType,
        resourceType,
        customerManaged,
        roleTrustPolicyQuota,
        checks,
        ignoredCodes,
        guardrails,
        List.of());
  }

  /** Settings without guardrails. */
  public DocumentSettings(
      PolicyType policyType,
      PolicyResourceType resourceType,
      boolean customerManaged,
      int roleTrustPolicyQuota,
      Map<String, CheckSetting> checks,
      Set<String> ignoredCodes) {
    this(
        policyType,
        resourceType,
        customerManaged,
        roleTrustPolicyQuota,
        checks,
        ignoredCodes,
        List.of());
  }

  /** Whether findings of this code are reported at all. */
  public boolean reports(String code) {
    CheckSetting s = checks.get(code);
    return (s == null || !s.off()) && !ignoredCodes.contains(code);
  }

  /** The finding type to report for a code: the configured one, else the check's own. */
  public FindingType typeFor(String code, FindingType own) {
    CheckSetting s = checks.get(code);
    return s != null && !s.off() ? s.type() : own;
  }

  public DocumentSettings withPolicyType(PolicyType type) {
    return new DocumentSettings(
        type,
        resourceType,
        customerManaged,
        roleTrustPolicyQuota,
        checks,
        ignoredCodes,
        guardrails,
        referencePolicies);
  }
}
