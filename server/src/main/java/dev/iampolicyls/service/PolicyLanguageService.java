package dev.iampolicyls.service;

import dev.iampolicyls.catalog.Catalog;
import dev.iampolicyls.checks.CheckCode;
import dev.iampolicyls.checks.DiagnosticsEngine;
import dev.iampolicyls.checks.Finding;
import dev.iampolicyls.checks.FindingType;
import dev.iampolicyls.codeactions.CodeActionEngine;
import dev.iampolicyls.codeactions.PolicyCodeAction;
import dev.iampolicyls.completion.CompletionEngine;
import dev.iampolicyls.completion.CompletionOptions;
import dev.iampolicyls.completion.CompletionResult;
import dev.iampolicyls.config.AnalysisSettings;
import dev.iampolicyls.config.DocumentSettings;
import dev.iampolicyls.embedded.CloudFormationFormat;
import dev.iampolicyls.embedded.HostDocument;
import dev.iampolicyls.embedded.HostFormat;
import dev.iampolicyls.embedded.TemplateLayout;
import dev.iampolicyls.hover.HoverEngine;
import dev.iampolicyls.hover.HoverResult;
import dev.iampolicyls.outline.FoldingRanges;
import dev.iampolicyls.outline.InlayHintEngine;
import dev.iampolicyls.outline.OutlineEngine;
import dev.iampolicyls.outline.PolicyInlayHint;
import dev.iampolicyls.outline.PolicySymbol;
import dev.iampolicyls.outline.SelectionRanges;
import dev.iampolicyls.outline.StatementLens;
import dev.iampolicyls.policy.Policy;
import dev.iampolicyls.policy.PolicyType;
import dev.iampolicyls.syntax.JsonNode;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The one facade over the feature engines. The LSP server and the CLI are two thin doors onto it:
 * neither knows how checks, completion or hover work, and no engine knows about LSP or the CLI.
 *
 * <p>Every feature works on a {@link ParsedText}, so all the requests on one document version share
 * one parse, and every feature applies the same size limits ({@link ParsedText#withinLimits()}): a
 * document past them gets one finding saying so and nothing else.
 */
public final class PolicyLanguageService {
  /**
   * The largest document checked, in UTF-16 units (4 MiB). IAM's own limits are a few kilobytes (20
   * KB for the largest resource policies), so anything bigger is not a policy AWS would take;
   * refusing it keeps one pasted log file from tying up the server. Larger documents get a single
   * JSON_SYNTAX_ERROR at the start and no completion, hover or code actions.
   */
  public static final int MAX_DOCUMENT_CHARS = 4 * 1024 * 1024;

  /**
   * The most JSON values a checked document may hold. The largest policy IAM accepts has a few
   * thousand; some checks compare entries pairwise, so a hundred thousand would take minutes.
   */
  public static final int MAX_VALUES = 20_000;

  /** The catalog, or for the bundled service the way to it (loaded on first need). */
  private final Supplier<Catalog> catalog;

  /**
   * Made on first use: building them loads and instantiates the 157 checks (about 0.1 s at
   * start-up), which the language server lets the warm-up thread do while LSP4J sets itself up.
   */
  private volatile Engines engines;

  private record Engines(
      DiagnosticsEngine diagnostics,
      CompletionEngine completion,
      HoverEngine hover,
      CodeActionEngine codeActions,
      OutlineEngine outline,
      InlayHintEngine inlayHints) {}

  public PolicyLanguageService(Catalog catalog) {
    this.catalog = () -> catalog;
  }

  /**
   * The service over a catalog loaded on first need (its loading fails the features that need it,
   * and is tried again by the next).
   */
  public PolicyLanguageService(Supplier<Catalog> catalog) {
    this.catalog = catalog;
  }

  private Engines engines() {
    Engines e = engines;
    if (e == null) {
      synchronized (this) {
        e = engines;
        if (e == null) {
          e =
              new Engines(
                  new DiagnosticsEngine(catalog()),
                  new CompletionEngine(catalog()),
                  new HoverEngine(catalog()),
                  new CodeActionEngine(catalog()),
                  new OutlineEngine(catalog()),
                  new InlayHintEngine(catalog()));
          engines = e;
        }
      }
    }
    return e;
  }

  private static final class Bundled {
    // Catalog::bundled loads once, on first need: the language server sets LSP4J up meanwhile.
    static final PolicyLanguageService INSTANCE = new PolicyLanguageService(Catalog::bundled);
  }

  /** The service over the bundled catalog, built once per process and shared. */
  public static PolicyLanguageService bundled() {
    return Bundled.INSTANCE;
  }

  public Catalog catalog() {
    return catalog.get();
  }

  public DiagnosticsEngine diagnostics() {
    return engines().diagnostics();
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
    return analyze(new ParsedText(text), documentPath, settings, force);
  }

  /** As {@link #analyze(String, Path, AnalysisSettings, boolean)}, on text parsed at most once. */
  public Analysis analyze(
      ParsedText parsed, Path documentPath, AnalysisSettings settings, boolean force) {
    return analyze(parsed, documentPath, settings, force, CancelChecker.NEVER);
  }

  /**
   * As {@link #analyze(ParsedText, Path, AnalysisSettings, boolean)}, asking {@code cancel} between
   * checks: a cancelled analysis throws {@link java.util.concurrent.CancellationException} rather
   * than return findings of only some checks.
   */
  public Analysis analyze(
      ParsedText parsed,
      Path documentPath,
      AnalysisSettings settings,
      boolean force,
      CancelChecker cancel) {
    cancel.checkCanceled(); // before parsing: a run may wait behind others and go stale
    DocumentSettings resolved = settings.forDocument(documentPath);
    String text = parsed.text();
    if (parsed.tooLarge()) {
      // Not parsed: a cheap look decides whether it claims to be a policy at all.
      boolean isPolicy = force || text.contains("\"Statement\"");
      List<Finding> findings = isPolicy ? List.of(tooLargeFinding(text)) : List.of();
      PolicyType type =
          resolved.policyType() != null ? resolved.policyType() : PolicyType.IDENTITY_POLICY;
      return new Analysis(parsed.policy(), type, isPolicy, findings);
    }
    Policy policy = parsed.policy();
    PolicyType type =
        resolved.policyType() != null ? resolved.policyType() : PolicyType.infer(policy);
    boolean isPolicy = policy.looksLikePolicy();
    List<Finding> findings;
    if (!isPolicy && !force) {
      findings = List.of();
    } else if (!parsed.withinLimits()) {
      findings = List.of(limitFinding("more than " + MAX_VALUES + " JSON values", MAX_VALUES));
    } else {
      findings =
          SyntaxDamage.withoutCascades(
              policy.document(), engines().diagnostics().run(policy, type, resolved, cancel));
    }
    return new Analysis(policy, type, isPolicy, findings);
  }

  /** The formats of documents that hold policies (templates), tried in this order. */
  private static final List<HostFormat> HOST_FORMATS = List.of(new CloudFormationFormat());

  /**
   * The policies inside a host document (a CloudFormation or SAM template), each checked as the
   * type its place makes it, with findings in the host's positions; empty when the text is not such
   * a document, and for text past the size limit.
   *
   * @param documentPath the document's file, or null
   */
  public Optional<EmbeddedAnalysis> analyzeEmbedded(
      String text, Path documentPath, AnalysisSettings settings) {
    return analyzeEmbedded(text, documentPath, settings, CancelChecker.NEVER);
  }

  /**
   * As {@link #analyzeEmbedded(String, Path, AnalysisSettings)}, asking {@code cancel} before the
   * parse, before each policy and between checks: a cancelled analysis throws {@link
   * java.util.concurrent.CancellationException}.
   */
  public Optional<EmbeddedAnalysis> analyzeEmbedded(
      String text, Path documentPath, AnalysisSettings settings, CancelChecker cancel) {
    if (text.length() > MAX_DOCUMENT_CHARS) {
      return Optional.empty();
    }
    for (HostFormat format : HOST_FORMATS) {
      if (!format.claims(text)) {
        continue;
      }
      cancel.checkCanceled();
      Optional<HostDocument> document = format.read(text);
      if (document.isPresent()) {
        return Optional.of(
            EmbeddedAnalysis.of(
                engines().diagnostics(), document.get(), documentPath, settings, cancel));
      }
    }
    return Optional.empty();
  }

  /** The document as the first host format that takes it reads it (no check is run), or empty. */
  private static Optional<HostDocument> readHost(String text) {
    if (text.length() > MAX_DOCUMENT_CHARS) {
      return Optional.empty();
    }
    for (HostFormat format : HOST_FORMATS) {
      Optional<HostDocument> document = format.read(text);
      if (document.isPresent()) {
        return document;
      }
    }
    return Optional.empty();
  }

  /**
   * What to show when the pointer rests at {@code offset} of a template: the policy hover of the
   * embedded policy under it, in the template's positions. Empty when the text is no template or
   * the pointer is on nothing the hover explains.
   */
  public Optional<HoverResult> hoverInTemplate(String text, int offset) {
    return readHost(text).flatMap(d -> hoverInTemplate(d, offset));
  }

  /** As {@link #hoverInTemplate(String, int)}, on a template already read (by its analysis). */
  public Optional<HoverResult> hoverInTemplate(HostDocument template, int offset) {
    return TemplateHover.at(engines().hover(), template, offset);
  }

  /**
   * The completion proposals at an offset of a template, written in its syntax (YAML stays YAML);
   * empty when the text is no template, so that the caller completes it as a policy.
   */
  public Optional<CompletionResult> completeInTemplate(
      String text, int offset, CompletionOptions options, CancelChecker cancel) {
    return completeInTemplate(TemplateLayout.of(text), offset, options, cancel);
  }

  /**
   * As {@link #completeInTemplate(String, int, CompletionOptions, CancelChecker)}, with the text's
   * layout made once for its version: the resource around the offset is found in it and read alone.
   */
  public Optional<CompletionResult> completeInTemplate(
      TemplateLayout layout, int offset, CompletionOptions options, CancelChecker cancel) {
    return new TemplateCompletion(
            engines().completion(), PolicyLanguageService::readHost, TemplateArns::of)
        .complete(layout, offset, options, cancel);
  }

  /**
   * As {@link #completeInTemplate(String, int, CompletionOptions, CancelChecker)}, for a caller
   * that remembers {@link #mayBeTemplate} per version of the text: a JSON text no host format
   * claims is a policy at once, its characters not searched again on each request (a template's
   * marks, three times over 189 KB: ~0.15 ms of each completion round trip).
   */
  public Optional<CompletionResult> completeInTemplate(
      String text,
      boolean mayBeTemplate,
      int offset,
      CompletionOptions options,
      CancelChecker cancel) {
    return completeInTemplate(
        text, mayBeTemplate, () -> TemplateLayout.of(text), offset, options, cancel);
  }

  /**
   * As {@link #completeInTemplate(String, boolean, int, CompletionOptions, CancelChecker)}, with
   * the text's layout kept per version by the caller, made only when the text may be a template.
   */
  public Optional<CompletionResult> completeInTemplate(
      String text,
      boolean mayBeTemplate,
      Supplier<TemplateLayout> layout,
      int offset,
      CompletionOptions options,
      CancelChecker cancel) {
    if (!mayBeTemplate && CloudFormationFormat.startsAsJson(text)) {
      return Optional.empty(); // what reading it as a template would say, searching it first
    }
    return completeInTemplate(layout.get(), offset, options, cancel);
  }

  /**
   * Whether the text may be a template, from a look at its characters (no parse): when false,
   * {@link #analyzeEmbedded} is empty.
   */
  public static boolean mayBeTemplate(String text) {
    if (text.length() > MAX_DOCUMENT_CHARS) {
      return false;
    }
    for (HostFormat format : HOST_FORMATS) {
      if (format.claims(text)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The code actions for {@code [start, end]} of a template, from the analysis whose findings the
   * editor shows: each policy's fixes and rewrites, written in the template's syntax (YAML stays
   * YAML, a policy given as a JSON string stays a JSON string). Actions the template's syntax
   * cannot express (changing a reference inside {@code Fn::Sub}) are not offered.
   */
  public List<PolicyCodeAction> codeActions(
      EmbeddedAnalysis template, int start, int end, CancelChecker cancel) {
    return TemplateFeatures.codeActions(engines().codeActions(), template, start, end, cancel);
  }

  /** The outline of a template: each resource with policies, its policies, their statements. */
  public List<PolicySymbol> documentSymbols(EmbeddedAnalysis template) {
    return TemplateFeatures.symbols(engines().outline(), template);
  }

  /** As {@link #inlayHints(ParsedText, int, int)}, for the policies of a template. */
  public List<PolicyInlayHint> inlayHints(EmbeddedAnalysis template, int start, int end) {
    return TemplateFeatures.inlayHints(engines().inlayHints(), template, start, end);
  }

  /** As {@link #statementLenses(ParsedText)}, for every statement of a template's policies. */
  public List<StatementLens> statementLenses(EmbeddedAnalysis template) {
    return TemplateFeatures.lenses(engines().outline(), template);
  }

  /**
   * The folds of the whole template, not only its policies (an editor that takes a server's folds
   * stops folding by itself): JSON by its objects and arrays, from the parse {@code parsed} keeps
   * of the same text, and YAML by indentation.
   */
  public List<int[]> foldingRanges(EmbeddedAnalysis template, ParsedText parsed) {
    return template.document().syntax() == HostDocument.Syntax.JSON
        ? foldingRanges(parsed)
        : TemplateFeatures.yamlFolds(template.document().text());
  }

  /** As {@link #selectionRanges(ParsedText, int)}, inside the policies of a template. */
  public List<int[]> selectionRanges(EmbeddedAnalysis template, int offset) {
    return TemplateFeatures.selectionRanges(template, offset);
  }

  /**
   * The completion proposals at an offset of a document.
   *
   * @param policyType the policy type, or null to infer it from the text
   */
  public CompletionResult complete(
      String text, int offset, PolicyType policyType, CompletionOptions options) {
    return complete(new ParsedText(text), offset, policyType, options);
  }

  /** As {@link #complete(String, int, PolicyType, CompletionOptions)}, on text parsed once. */
  public CompletionResult complete(
      ParsedText parsed, int offset, PolicyType policyType, CompletionOptions options) {
    return complete(parsed, offset, policyType, options, CancelChecker.NEVER);
  }

  /**
   * As {@link #complete(ParsedText, int, PolicyType, CompletionOptions)}, asking {@code cancel}.
   */
  public CompletionResult complete(
      ParsedText parsed,
      int offset,
      PolicyType policyType,
      CompletionOptions options,
      CancelChecker cancel) {
    if (!parsed.withinLimits()) {
      return CompletionResult.EMPTY;
    }
    return engines().completion().complete(parsed.policy(), offset, policyType, options, cancel);
  }

  /**
   * What to show when the pointer rests at {@code offset}; empty where there is nothing to say, and
   * for documents that do not look like a policy.
   *
   * @param policyType the type the document is checked as, or null to infer it from the text
   */
  public Optional<HoverResult> hover(String text, int offset, PolicyType policyType) {
    return hover(new ParsedText(text), offset, policyType);
  }

  /** As {@link #hover(String, int, PolicyType)}, on text parsed at most once. */
  public Optional<HoverResult> hover(ParsedText parsed, int offset, PolicyType policyType) {
    if (!parsed.withinLimits()) {
      return Optional.empty();
    }
    Policy policy = parsed.policy();
    if (!policy.looksLikePolicy()) {
      return Optional.empty();
    }
    PolicyType type = policyType != null ? policyType : PolicyType.infer(policy);
    return engines().hover().hover(policy, offset, type);
  }

  /**
   * The code actions for the tokens that touch {@code [start, end]} (UTF-16 offsets): fixes that
   * narrow what the policy grants, each linked to the finding it fixes. None for other JSON.
   *
   * @param policyType the type to check it as, or null to infer it from the text
   */
  public List<PolicyCodeAction> codeActions(
      String text, int start, int end, PolicyType policyType) {
    return codeActions(analyze(text, policyType, false), start, end);
  }

  /**
   * The code actions for {@code [start, end]} from an analysis already made, such as the one whose
   * findings the editor shows: the fixes then match those findings exactly, and nothing is checked
   * again.
   */
  public List<PolicyCodeAction> codeActions(Analysis analysis, int start, int end) {
    return codeActions(analysis, start, end, CancelChecker.NEVER);
  }

  /** As {@link #codeActions(Analysis, int, int)}, asking {@code cancel} between fixes. */
  public List<PolicyCodeAction> codeActions(
      Analysis analysis, int start, int end, CancelChecker cancel) {
    if (!analysis.isPolicy()
        || analysis.policy().root().isEmpty() // not parsed: past the size limit
        || countValues(analysis.policy().document().root()) > MAX_VALUES) {
      return List.of();
    }
    return engines()
        .codeActions()
        .actions(analysis.policy(), analysis.policyType(), analysis.findings(), start, end, cancel);
  }

  /** The outline of a policy: its statements and their elements; none for other JSON. */
  public List<PolicySymbol> documentSymbols(String text) {
    return documentSymbols(new ParsedText(text));
  }

  public List<PolicySymbol> documentSymbols(ParsedText parsed) {
    Policy policy = checkedPolicy(parsed);
    return policy != null ? engines().outline().symbols(policy) : List.of();
  }

  /** Access levels and wildcard sizes for the actions ending within {@code [start, end]}. */
  public List<PolicyInlayHint> inlayHints(String text, int start, int end) {
    return inlayHints(new ParsedText(text), start, end);
  }

  public List<PolicyInlayHint> inlayHints(ParsedText parsed, int start, int end) {
    Policy policy = checkedPolicy(parsed);
    return policy != null ? engines().inlayHints().hints(policy, start, end) : List.of();
  }

  /** One summary sentence per statement, for code lenses. */
  public List<StatementLens> statementLenses(String text) {
    return statementLenses(new ParsedText(text));
  }

  public List<StatementLens> statementLenses(ParsedText parsed) {
    Policy policy = checkedPolicy(parsed);
    return policy != null ? engines().outline().lenses(policy) : List.of();
  }

  /**
   * The folds of any JSON document, policy or not, as line pairs {@code [startLine, endLine]}
   * (0-based), outermost first; none past the size limits.
   */
  public List<int[]> foldingRanges(ParsedText parsed) {
    return parsed.withinLimits() ? FoldingRanges.of(parsed.policy().document()) : List.of();
  }

  /**
   * The spans {@code [offset, end)} a selection grows through from {@code offset}, innermost first,
   * in any JSON document; none past the size limits.
   */
  public List<int[]> selectionRanges(ParsedText parsed, int offset) {
    return parsed.withinLimits()
        ? SelectionRanges.at(parsed.policy().document(), offset)
        : List.of();
  }

  /** The policy view, when the text is within the limits and looks like a policy; else null. */
  private static Policy checkedPolicy(ParsedText parsed) {
    if (!parsed.withinLimits()) {
      return null;
    }
    Policy policy = parsed.policy();
    return policy.looksLikePolicy() ? policy : null;
  }

  private static Finding tooLargeFinding(String text) {
    return limitFinding(text.length() + " characters", MAX_DOCUMENT_CHARS);
  }

  /**
   * The finding for a document too large to read: the CLI reports it from the file's size alone.
   */
  public static Finding tooLargeFinding(long bytes) {
    return limitFinding(
        String.format("%,d bytes, so more than %,d characters", bytes, MAX_DOCUMENT_CHARS),
        MAX_DOCUMENT_CHARS);
  }

  /** One finding at the start for a document past a limit; its checks are skipped. */
  private static Finding limitFinding(String amount, int limit) {
    return new Finding(
        CheckCode.JSON_SYNTAX_ERROR,
        FindingType.ERROR,
        String.format(
            "This document has %s; documents over %,d are not checked. IAM policies are at"
                + " most a few kilobytes: check that this is the file you meant.",
            amount, limit),
        0,
        0,
        List.of());
  }

  /** The number of JSON values, counted without recursion and only up to just past the limit. */
  static int countValues(JsonNode root) {
    if (root == null) {
      return 0;
    }
    int count = 0;
    Deque<JsonNode> stack = new ArrayDeque<>();
    stack.push(root);
    while (!stack.isEmpty() && count <= MAX_VALUES) {
      JsonNode node = stack.pop();
      count++;
      for (JsonNode child : node.children()) {
        stack.push(child);
      }
    }
    return count;
  }
}
