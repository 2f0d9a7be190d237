package dev.iampolicyls.service;

import dev.iampolicyls.catalog.Catalog;
import dev.iampolicyls.checks.DiagnosticsEngine;
import dev.iampolicyls.checks.Finding;
import dev.iampolicyls.codeactions.CodeActionEngine;
import dev.iampolicyls.codeactions.PolicyCodeAction;
import dev.iampolicyls.policy.Policy;
import dev.iampolicyls.policy.PolicyType;
import java.util.List;

/**
 * The one facade over the feature engines. The LSP server and the CLI are two thin doors onto it:
 * neither knows how checks, completion or hover work, and no engine knows about LSP or the CLI.
 */
public final class PolicyLanguageService {
  private final Catalog catalog;
  private final DiagnosticsEngine diagnostics;
  private final CodeActionEngine codeActions;

  public PolicyLanguageService(Catalog catalog) {
    this.catalog = catalog;
    this.diagnostics = new DiagnosticsEngine(catalog);
    this.codeActions = new CodeActionEngine(catalog);
  }

  public Catalog catalog() {
    return catalog;
  }

  public DiagnosticsEngine diagnostics() {
    return diagnostics;
  }

  /**
   * Parses and checks a document. A document that does not look like a policy gets no findings
   * unless {@code force} says the caller knows it is one (a file named on the command line).
   *
   * @param policyType the type to check it as, or null to infer it from the text
   */
  public Analysis analyze(String text, PolicyType policyType, boolean force) {
    Policy policy = Policy.parse(text);
    PolicyType type = policyType != null ? policyType : PolicyType.infer(policy);
    boolean isPolicy = policy.looksLikePolicy();
    List<Finding> findings = isPolicy || force ? diagnostics.run(policy, type) : List.of();
    return new Analysis(policy, type, isPolicy, findings);
  }

  /**
   * The code actions for the tokens that touch {@code [start, end]} (UTF-16 offsets): fixes that
   * narrow what the policy grants, each linked to the finding it fixes. None for other JSON.
   *
   * @param policyType the type to check it as, or null to infer it from the text
   */
  public List<PolicyCodeAction> codeActions(
      String text, int start, int end, PolicyType policyType) {
    Analysis analysis = analyze(text, policyType, false);
    if (!analysis.isPolicy()) {
      return List.of();
    }
    return codeActions.actions(
        analysis.policy(), analysis.policyType(), analysis.findings(), start, end);
  }
}
