package dev.iampolicyls.config;

import dev.iampolicyls.policy.PolicyResourceType;
import dev.iampolicyls.policy.PolicyType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Everything that changes how documents are checked, for a whole project: from the configuration
 * file, the editor's settings and the command line. {@link #forDocument} resolves it for one file.
 *
 * @param policyType check every document as this type (command line), or null
 * @param resourceType every resource policy is attached to this resource (command line), or null
 * @param policyTypes per-file policy types; the first rule that matches a file wins
 * @param checks checks turned off or given another finding type, by code
 * @param ignores findings not reported in some files
 * @param roleTrustPolicyQuota the role trust policy size quota in characters
 * @param guardrails access no policy may grant, each in the files it names
 * @param referencePolicies policies no policy may exceed, each in the files it names
 */
public record AnalysisSettings(
    PolicyType policyType,
    PolicyResourceType resourceType,
    List<PolicyTypeRule> policyTypes,
    Map<String, CheckSetting> checks,
    List<IgnoreRule> ignores,
    int roleTrustPolicyQuota,
    List<Guardrail> guardrails,
    List<ReferencePolicy> referencePolicies) {

  public static final AnalysisSettings DEFAULT =
      new AnalysisSettings(
          null,
          null,
          List.of(),
          Map.of(),
          List.of(),
          DocumentSettings.DEFAULT_ROLE_TRUST_POLICY_QUOTA,
          List.of(),
          List.of());

  public AnalysisSettings {
    policyTypes = List.copyOf(policyTypes);
    checks = Map.copyOf(checks);
    ignores = List.copyOf(ignores);
    guardrails = List.copyOf(guardrails);
    referencePolicies = List.copyOf(referencePolicies);
  }

  /**
   * Settings from configuration sources, weakest first: a later source's check settings and quota
   * replace an earlier one's, its policy type rules are tried first, and ignores, guardrails and
   * reference policies add up (a user's settings cannot lift a project's guardrail).
   */
  public static AnalysisSettings of(ProjectConfig... sources) {
    List<PolicyTypeRule> rules = new ArrayList<>();
    Map<String, CheckSetting> checks = new LinkedHashMap<>();
    List<IgnoreRule> ignores = new ArrayList<>();
    List<Guardrail> guardrails = new ArrayList<>();
    List<ReferencePolicy> references = new ArrayList<>();
    int quota = DocumentSettings.DEFAULT_ROLE_TRUST_POLICY_QUOTA;
    for (ProjectConfig source : sources) {
      rules.addAll(0, source.policyTypes());
      checks.putAll(source.checks());
      ignores.addAll(source.ignores());
      guardrails.addAll(source.guardrails());
      references.addAll(source.referencePolicies());
      if (source.roleTrustPolicyQuota() != null) {
        quota = source.roleTrustPolicyQuota();
      }
    }
    return new AnalysisSettings(null, null, rules, checks, ignores, quota, guardrails, references);
  }

  public AnalysisSettings withPolicyType(PolicyType type) {
    return new AnalysisSettings(
        type,
        resourceType,
        policyTypes,
        checks,
        ignores,
        roleTrustPolicyQuota,
        guardrails,
        referencePolicies);
  }

  public AnalysisSettings withResourceType(PolicyResourceType type) {
    return new AnalysisSettings(
        policyType,
        type,
        policyTypes,
        checks,
        ignores,
        roleTrustPolicyQuota,
        guardrails,
        referencePolicies);
  }

  public AnalysisSettings withCheck(String code, CheckSetting setting) {
    Map<String, CheckSetting> next = new LinkedHashMap<>(checks);
    next.put(code, setting);
    return new AnalysisSettings(
        policyType,
        resourceType,
        policyTypes,
        next,
        ignores,
        roleTrustPolicyQuota,
        guardrails,
        referencePolicies);
  }

  /**
   * The settings for one document.
   *
   * @param document its path, or null (stdin, an unsaved buffer): then no per-file rule applies
   */
  public DocumentSettings forDocument(Path document) {
    PolicyTypeRule rule = null;
    for (PolicyTypeRule r : policyTypes) {
      if (r.matches(document)) {
        rule = r;
        break;
      }
    }
    PolicyType type = policyType;
    PolicyResourceType resource = resourceType;
    boolean customerManaged = false;
    if (rule != null) {
      if (type == null && resource == null) {
        type = rule.type();
        resource = rule.resourceType();
      }
      customerManaged = rule.customerManaged() && type == PolicyType.IDENTITY_POLICY;
    }
    if (type == null && resource != null) {
      type = resource.policyType();
    }
    Set<String> ignored = new HashSet<>();
    for (IgnoreRule ignore : ignores) {
      if (ignore.covers(document)) {
        ignored.add(ignore.code());
      }
    }
    List<Guardrail> applying = new ArrayList<>();
    for (Guardrail g : guardrails) {
      if (g.appliesTo(document)) {
        applying.add(g);
      }
    }
    List<ReferencePolicy> references = new ArrayList<>();
    for (ReferencePolicy r : referencePolicies) {
      if (r.appliesTo(document)) {
        references.add(r);
      }
    }
    return new DocumentSettings(
        type,
        resource,
        customerManaged,
        roleTrustPolicyQuota,
        checks,
        ignored,
        applying,
        references);
  }
}
