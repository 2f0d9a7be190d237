package dev.iampolicyls.lsp;

import dev.iampolicyls.catalog.Catalog;
import dev.iampolicyls.config.AnalysisSettings;
import dev.iampolicyls.embedded.TemplateLayout;
import dev.iampolicyls.policytest.Outcome;
import dev.iampolicyls.policytest.PolicyTestFile;
import dev.iampolicyls.service.Analysis;
import dev.iampolicyls.service.CancelChecker;
import dev.iampolicyls.service.EmbeddedAnalysis;
import dev.iampolicyls.service.ParsedText;
import dev.iampolicyls.service.PolicyLanguageService;
import dev.iampolicyls.syntax.LineIndex;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * One version of an open document: its text, parsed at most once, and the analysis whose
 * diagnostics were published for it, which code actions reuse. Identity, not the version number,
 * says whether it is current: a document closed and reopened starts again at the same version.
 */
final class DocumentSnapshot {
  private final String uri;
  private final ParsedText parsed;
  private final int version;

  /** An analysis, with the service (catalog) and settings it was made with. */
  private record Checked(
      PolicyLanguageService service, AnalysisSettings settings, Analysis analysis) {}

  /** Null until first needed; guarded by this snapshot. */
  private Checked checked;

  /** The policies of a template, with the service and settings they were checked with. */
  private record CheckedTemplate(
      PolicyLanguageService service,
      AnalysisSettings settings,
      Optional<EmbeddedAnalysis> template) {}

  /** Null until first needed; guarded by this snapshot. */
  private CheckedTemplate checkedTemplate;

  private volatile Boolean mayBeTemplate;
  private volatile TemplateLayout layout;

  DocumentSnapshot(String uri, String text, int version) {
    this.uri = uri;
    this.parsed = new ParsedText(text);
    this.version = version;
  }

  String uri() {
    return uri;
  }

  String text() {
    return parsed.text();
  }

  ParsedText parsed() {
    return parsed;
  }

  int version() {
    return version;
  }

  /** The document's file, or null for other URI schemes. */
  Path path() {
    return WorkspaceConfig.path(uri);
  }

  /**
   * The analysis under these settings and this catalog, made at most once: the check that publishes
   * diagnostics and the code actions asked for on the same version share it, whichever comes first
   * (the other waits for it). A cancelled analysis is not kept, so the next caller makes it anew.
   */
  synchronized Analysis analysis(
      PolicyLanguageService service, AnalysisSettings settings, CancelChecker cancel) {
    Checked c = checked;
    if (c == null || c.service() != service || !c.settings().equals(settings)) {
      c = new Checked(service, settings, service.analyze(parsed, path(), settings, false, cancel));
      checked = c;
    }
    return c.analysis();
  }

  /**
   * The policies inside this version when it is a template (recognised by content, as {@code check}
   * does), each checked once under these settings and this catalog; empty for any other document.
   */
  Optional<EmbeddedAnalysis> template(PolicyLanguageService service, AnalysisSettings settings) {
    return template(service, settings, CancelChecker.NEVER);
  }

  /**
   * As {@link #template(PolicyLanguageService, AnalysisSettings)}, asking {@code cancel}: a
   * cancelled analysis is not kept. A document whose text cannot be a template is answered at once,
   * without a lock or a parse.
   */
  Optional<EmbeddedAnalysis> template(
      PolicyLanguageService service, AnalysisSettings settings, CancelChecker cancel) {
    if (!isTemplate()) {
      return Optional.empty();
    }
    synchronized (this) {
      CheckedTemplate c = checkedTemplate;
      if (c == null || c.service() != service || !c.settings().equals(settings)) {
        c =
            new CheckedTemplate(
                service, settings, service.analyzeEmbedded(text(), path(), settings, cancel));
        checkedTemplate = c;
      }
      return c.template();
    }
  }

  /** Whether the text may be a template: a look at its characters, made once. */
  boolean isTemplate() {
    Boolean t = mayBeTemplate;
    if (t == null) {
      t = PolicyLanguageService.mayBeTemplate(text());
      mayBeTemplate = t;
    }
    return t;
  }

  /**
   * Where this version's resources are, should it be a template: found once, for every completion
   * on this version (each reads only the resource around its offset).
   */
  TemplateLayout layout() {
    TemplateLayout l = layout;
    if (l == null) {
      l = TemplateLayout.of(text());
      layout = l;
    }
    return l;
  }

  /**
   * Line starts of the text, without parsing it as a policy (a template is not one): for a template
   * from the pass that finds its layout.
   */
  LineIndex lines() {
    return isTemplate() ? layout().lines() : parsed.lines();
  }

  /**
   * What the editor features answer for this version: from its template's policies when it is a
   * template, else from the document as a policy. The one place that tells the two apart.
   */
  DocumentFeatures features(
      PolicyLanguageService service, AnalysisSettings settings, CancelChecker cancel) {
    Optional<EmbeddedAnalysis> template = template(service, settings, cancel);
    return template.isPresent()
        ? DocumentFeatures.ofTemplate(service, template.get(), parsed, lines())
        : DocumentFeatures.ofPolicy(
            service, parsed, () -> analysis(service, settings, cancel), lines());
  }

  /** A policy test file's cases and their outcomes, with the catalog they were read with. */
  record PolicyTests(Catalog catalog, PolicyTestFile file, List<Outcome> outcomes) {}

  /** Null until first needed; guarded by this snapshot. */
  private PolicyTests policyTests;

  /** Whether the document is named as a policy test file ({@code *.iamtest.json}); no parse. */
  boolean namedAsPolicyTest() {
    return PolicyTestFile.isTestFile(path());
  }

  /** Whether this is a policy test file within the size limits (parsed, to count its values). */
  boolean isPolicyTest() {
    return namedAsPolicyTest() && parsed.withinLimits();
  }

  /**
   * This version read as a policy test file and its cases run, at most once per catalog: the
   * diagnostics and the code lenses of a version share it. The policy files it names are read from
   * disk, relative to the document.
   */
  synchronized PolicyTests policyTests(Catalog catalog) {
    PolicyTests t = policyTests;
    if (t == null || t.catalog() != catalog) {
      Path file = path();
      PolicyTestFile read =
          PolicyTestFile.parse(
              uri, parsed.policy().document(), file.toAbsolutePath().getParent(), catalog);
      t = new PolicyTests(catalog, read, read.run());
      policyTests = t;
    }
    return t;
  }

  /** Reads the policy files again at the next {@link #policyTests}: one was saved. */
  synchronized void forgetPolicyTests() {
    policyTests = null;
  }
}
