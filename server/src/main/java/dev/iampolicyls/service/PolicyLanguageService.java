package dev.iampolicyls.service;

import dev.iampolicyls.catalog.Catalog;
import dev.iampolicyls.checks.DiagnosticsEngine;
import dev.iampolicyls.checks.Finding;
import dev.iampolicyls.codeactions.CodeActionEngine;
import dev.iampolicyls.codeactions.PolicyCodeAction;
import dev.iampolicyls.completion.CompletionEngine;
import dev.iampolicyls.completion.CompletionOptions;
import dev.iampolicyls.completion.CompletionResult;
import dev.iampolicyls.config.AnalysisSettings;
import dev.iampolicyls.config.DocumentSettings;
import dev.iampolicyls.hover.HoverEngine;
import dev.iampolicyls.hover.HoverResult;
import dev.iampolicyls.outline.InlayHintEngine;
import dev.iampolicyls.outline.OutlineEngine;
import dev.iampolicyls.outline.PolicyInlayHint;
import dev.iampolicyls.outline.PolicySymbol;
import dev.iampolicyls.outline.StatementLens;
import dev.iampolicyls.policy.Policy;
import dev.iampolicyls.policy.PolicyType;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The one facade over the feature engines. The LSP server and the CLI are two thin doors onto it:
 * neither knows how checks, completion or hover work, and no engine knows about LSP or the CLI.
 */
public final class PolicyLanguageService {
  private final Catalog catalog;
  private final DiagnosticsEngine diagnostics;
  private final CompletionEngine completion;
  private final HoverEngine hover;
  private final CodeActionEngine codeActions;
  private final OutlineEngine outline;
  private final InlayHintEngine inlayHints;

  public PolicyLanguageService(Catalog catalog) {
    this.catalog = catalog;
    this.diagnostics = new DiagnosticsEngine(catalog);
    this.completion = new CompletionEngine(catalog);
    this.hover = new HoverEngine(catalog);
    this.codeActions = new CodeActionEngine(catalog);
    this.outline = new OutlineEngine(catalog);
    this.inlayHints = new InlayHintEngine(catalog);
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
    return analyze(text, null, AnalysisSettings.DEFAULT.withPolicyType(policyType), force);
  }

  /**
   * Parses and checks a document with the project's settings: its policy type, resource type,
   * quotas, checks turned off or re-typed, and ignored codes, as they apply to its path.
   *
   * @param documentPath the document's file, or null (stdin, an unsaved buffer)
   */
  public Analysis analyze(
      String text, Path documentPath, AnalysisSettings settings, boolean force) {
    DocumentSettings resolved = settings.forDocument(documentPath);
    Policy policy = Policy.parse(text);
    PolicyType type =
        resolved.policyType() != null ? resolved.policyType() : PolicyType.infer(policy);
    boolean isPolicy = policy.looksLikePolicy();
    List<Finding> findings =
        isPolicy || force ? diagnostics.run(policy, type, resolved) : List.of();
    return new Analysis(policy, type, isPolicy, findings);
  }

  /**
   * The completion proposals at an offset of a document.
   *
   * @param policyType the policy type, or null to infer it from the text
   */
  public CompletionResult complete(
      String text, int offset, PolicyType policyType, CompletionOptions options) {
    return completion.complete(text, offset, policyType, options);
  }

  /**
   * What to show when the pointer rests at {@code offset}; empty where there is nothing to say, and
   * for documents that do not look like a policy.
   *
   * @param policyType the type the document is checked as, or null to infer it from the text
   */
  public Optional<HoverResult> hover(String text, int offset, PolicyType policyType) {
    Policy policy = Policy.parse(text);
    if (!policy.looksLikePolicy()) {
      return Optional.empty();
    }
    PolicyType type = policyType != null ? policyType : PolicyType.infer(policy);
    return hover.hover(policy, offset, type);
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

  /** The outline of a policy: its statements and their elements; none for other JSON. */
  public List<PolicySymbol> documentSymbols(String text) {
    Policy policy = Policy.parse(text);
    return policy.looksLikePolicy() ? outline.symbols(policy) : List.of();
  }

  /** Access levels and wildcard sizes for the actions ending within {@code [start, end]}. */
  public List<PolicyInlayHint> inlayHints(String text, int start, int end) {
    Policy policy = Policy.parse(text);
    return policy.looksLikePolicy() ? inlayHints.hints(policy, start, end) : List.of();
  }

  /** One summary sentence per statement, for code lenses. */
  public List<StatementLens> statementLenses(String text) {
    Policy policy = Policy.parse(text);
    return policy.looksLikePolicy() ? outline.lenses(policy) : List.of();
  }
}
