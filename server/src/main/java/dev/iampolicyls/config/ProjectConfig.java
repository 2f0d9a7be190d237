package dev.iampolicyls.config;

import java.util.List;
import java.util.Map;

/**
 * What one configuration source ({@value #FILE_NAME}, or the editor's settings) says, after
 * validation: the entries that were understood, and the problems with the rest.
 *
 * @param roleTrustPolicyQuota the role trust policy size quota in characters, or null for default
 * @param guardrails access no policy may grant
 * @param referencePolicies policies no policy may exceed
 */
public record ProjectConfig(
    List<PolicyTypeRule> policyTypes,
    Map<String, CheckSetting> checks,
    List<IgnoreRule> ignores,
    Integer roleTrustPolicyQuota,
    List<Guardrail> guardrails,
    List<ReferencePolicy> referencePolicies,
    List<ConfigProblem> problems) {

  /** The configuration file's name, looked for at the root of a workspace or repository. */
  public static final String FILE_NAME = ".iam-policy-ls.json";

  public static final ProjectConfig EMPTY =
      new ProjectConfig(List.of(), Map.of(), List.of(), null, List.of(), List.of(), List.of());

  public ProjectConfig {
    policyTypes = List.copyOf(policyTypes);
    checks = Map.copyOf(checks);
    ignores = List.copyOf(ignores);
    guardrails = List.copyOf(guardrails);
    referencePolicies = List.copyOf(referencePolicies);
    problems = List.copyOf(problems);
  }

  /** A configuration without reference policies. */
  public ProjectConfig(
      List<PolicyTypeRule> policyTypes,
      Map<String, CheckSetting> checks,
      List<IgnoreRule> ignores,
      Integer roleTrustPolicyQuota,
      List<Guardrail> guardrails,
      List<ConfigProblem> problems) {
    this(policyTypes, checks, ignores, roleTrustPolicyQuota, guardrails, List.of(), problems);
  }

  /** A configuration without guardrails. */
  public ProjectConfig(
      List<PolicyTypeRule> policyTypes,
      Map<String, CheckSetting> checks,
      List<IgnoreRule> ignores,
      Integer roleTrustPolicyQuota,
      List<ConfigProblem> problems) {
    this(policyTypes, checks, ignores, roleTrustPolicyQuota, List.of(), List.of(), problems);
  }
}
