package dev.iampolicyls.lsp;

import dev.iampolicyls.checks.CheckCode;
import dev.iampolicyls.checks.Finding;
import dev.iampolicyls.checks.FindingType;
import dev.iampolicyls.completion.CompletionOptions;
import dev.iampolicyls.completion.CompletionResult;
import dev.iampolicyls.config.AnalysisSettings;
import dev.iampolicyls.config.ConfigLoader;
import dev.iampolicyls.config.ConfigProblem;
import dev.iampolicyls.hover.HoverResult;
import dev.iampolicyls.policy.PolicyType;
import dev.iampolicyls.service.Analysis;
import dev.iampolicyls.service.ParsedText;
import dev.iampolicyls.service.PolicyLanguageService;
import dev.iampolicyls.service.Warmup;
import dev.iampolicyls.syntax.LineIndex;
import dev.iampolicyls.syntax.TextPosition;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.CodeLens;
import org.eclipse.lsp4j.CodeLensParams;
import org.eclipse.lsp4j.Command;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionList;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidCloseTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.DidSaveTextDocumentParams;
import org.eclipse.lsp4j.DocumentSymbol;
import org.eclipse.lsp4j.DocumentSymbolParams;
import org.eclipse.lsp4j.FoldingRange;
import org.eclipse.lsp4j.FoldingRangeRequestParams;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.InlayHint;
import org.eclipse.lsp4j.InlayHintParams;
import org.eclipse.lsp4j.MarkupContent;
import org.eclipse.lsp4j.MarkupKind;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.SelectionRange;
import org.eclipse.lsp4j.SelectionRangeParams;
import org.eclipse.lsp4j.SymbolInformation;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.jsonrpc.CompletableFutures;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.TextDocumentService;

/**
 * Keeps the open documents, publishes their diagnostics and answers completion. Checking runs on
 * one background thread after a debounce, so typing never waits for it; a result is published only
 * while its snapshot is still the document's current one, so an editor never sees diagnostics for
 * an old version.
 */
public final class PolicyTextDocumentService implements TextDocumentService {
  private static final Logger LOG = Logger.getLogger(PolicyTextDocumentService.class.getName());

  /**
   * One version of an open document: its text, parsed at most once, and the analysis whose
   * diagnostics were published for it, which code actions reuse. Identity, not the version number,
   * says whether it is current: a document closed and reopened starts again at the same version.
   */
  static final class Snapshot {
    private final String uri;
    private final ParsedText parsed;
    private final int version;

    /** The analysis and the settings it was made with; null until first needed. */
    private volatile Checked checked;

    Snapshot(String uri, String text, int version) {
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
  }

  /** An analysis, with the service (catalog) and settings it was made with. */
  private record Checked(
      PolicyLanguageService service, AnalysisSettings settings, Analysis analysis) {}

  /** Our code for a mistake in the configuration file, shown in that file. */
  static final CheckCode CONFIG_ERROR = CheckCode.CONFIG_ERROR;

  /** Replaced when the catalog setting changes; each request reads it once. */
  private volatile PolicyLanguageService service;

  private final CatalogSetting catalogSetting;
  private final WorkspaceConfig config;
  private final long debounceMillis;
  private final ScheduledExecutorService checker;

  /**
   * Answers requests (completion, hover) off the reader thread. Its own long-lived thread rather
   * than the common pool: the response is written by whichever thread completes it, and pooled
   * threads that come and go make piped transports report a dead writer.
   */
  private final ExecutorService requests;

  /** Guards both maps, and every publication, so a check and a newer edit cannot interleave. */
  private final Object lock = new Object();

  private final Map<String, Snapshot> open = new HashMap<>();
  private final Map<String, ScheduledFuture<?>> pending = new HashMap<>();
  private volatile LanguageClient client;
  private volatile boolean snippetSupport;
  private volatile List<String> completionItemDefaults = List.of();
  private volatile boolean lazyCompletionDocs;
  private final CompletionDocs completionDocs = new CompletionDocs();
  private volatile boolean hierarchicalSymbols;

  PolicyTextDocumentService(
      PolicyLanguageService service, WorkspaceConfig config, long debounceMillis) {
    this.service = service;
    this.catalogSetting = new CatalogSetting(service);
    this.config = config;
    this.debounceMillis = Math.max(0, debounceMillis);
    this.checker =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "iam-policy-ls-diagnostics");
              t.setDaemon(true); // never keeps the process alive after exit
              return t;
            });
    this.requests =
        Executors.newSingleThreadExecutor(
            r -> {
              Thread t = new Thread(r, "iam-policy-ls-requests");
              t.setDaemon(true);
              return t;
            });
  }

  void connect(LanguageClient client) {
    this.client = client;
  }

  /** The completion item fields the client takes once per list. */
  void setCompletionItemDefaults(List<String> fields) {
    this.completionItemDefaults = List.copyOf(fields);
  }

  /** Whether the client said it takes snippets in completion items. */
  void setSnippetSupport(boolean snippetSupport) {
    this.snippetSupport = snippetSupport;
  }

  /** Logs which IAM catalog is in use (its loading may still be under way until then). */
  void logCatalogInUse() {
    catalogSetting.logInUse();
  }

  /** Whether completion documentation waits for completionItem/resolve. */
  void setLazyCompletionDocs(boolean lazy) {
    this.lazyCompletionDocs = lazy;
  }

  /** Whether the client takes a tree of document symbols rather than a flat list. */
  void setHierarchicalSymbols(boolean hierarchical) {
    this.hierarchicalSymbols = hierarchical;
  }

  /** Stops checking; pending checks are dropped. */
  void stop() {
    synchronized (lock) {
      pending.values().forEach(f -> f.cancel(false));
      pending.clear();
    }
    checker.shutdownNow();
    requests.shutdownNow();
  }

  /** The current version of an open document, or null; for tests. */
  Integer currentVersion(String uri) {
    synchronized (lock) {
      Snapshot s = open.get(uri);
      return s == null ? null : s.version();
    }
  }

  @Override
  public void didOpen(DidOpenTextDocumentParams params) {
    TextDocumentItem doc = params.getTextDocument();
    String text = doc.getText() == null ? "" : doc.getText();
    Snapshot snapshot = new Snapshot(doc.getUri(), text, doc.getVersion());
    synchronized (lock) {
      open.put(snapshot.uri(), snapshot);
    }
    // Opening is one event, not a burst of typing: check at once.
    schedule(snapshot, 0);
  }

  @Override
  public void didChange(DidChangeTextDocumentParams params) {
    String uri = params.getTextDocument().getUri();
    Integer version = params.getTextDocument().getVersion();
    Snapshot next;
    synchronized (lock) {
      Snapshot current = open.get(uri);
      if (current == null) {
        LOG.warning(() -> "didChange for a document that is not open: " + uri);
        return;
      }
      if (version != null && version <= current.version()) {
        // Versions only grow (LSP); an old one is a replay or a client bug, and applying its
        // ranges to newer text would corrupt it.
        LOG.fine(
            () ->
                "Ignored didChange version " + version + " of " + uri + " at " + current.version());
        return;
      }
      String text;
      try {
        text = TextChanges.apply(current.text(), params.getContentChanges());
      } catch (RuntimeException e) {
        // A malformed change must not kill the connection; the next full sync repairs the text.
        LOG.log(Level.WARNING, "Could not apply a change to " + uri, e);
        return;
      }
      next = new Snapshot(uri, text, version != null ? version : current.version() + 1);
      open.put(uri, next);
    }
    schedule(next, debounceMillis);
  }

  @Override
  public void didClose(DidCloseTextDocumentParams params) {
    String uri = params.getTextDocument().getUri();
    synchronized (lock) {
      open.remove(uri);
      ScheduledFuture<?> f = pending.remove(uri);
      if (f != null) {
        f.cancel(false);
      }
      // The editor keeps diagnostics of closed files unless told otherwise.
      publish(uri, List.of(), null);
    }
  }

  @Override
  public void didSave(DidSaveTextDocumentParams params) {
    // Diagnostics follow every edit; a saved configuration file changes every other document's.
    if (config.isConfigFile(WorkspaceConfig.path(params.getTextDocument().getUri()))) {
      config.reload();
      recheckAll();
    }
  }

  /** Checks every open document again, after the settings changed. */
  void recheckAll() {
    service = catalogSetting.use(config.catalogPath());
    List<Snapshot> snapshots;
    synchronized (lock) {
      snapshots = new ArrayList<>(open.values());
    }
    snapshots.forEach(s -> schedule(s, 0));
  }

  @Override
  public CompletableFuture<Either<List<CompletionItem>, CompletionList>> completion(
      CompletionParams params) {
    // The snapshot is taken here, on the reader thread, so it holds every change sent before.
    Snapshot snapshot;
    synchronized (lock) {
      snapshot = open.get(params.getTextDocument().getUri());
    }
    Position position = params.getPosition();
    CompletionOptions options = new CompletionOptions(snippetSupport);
    PolicyType type = configuredType(params.getTextDocument().getUri());
    return CompletableFutures.computeAsync(
        requests,
        cancel -> {
          if (snapshot == null) {
            return Either.forRight(new CompletionList(false, List.of()));
          }
          LineIndex lines = snapshot.parsed().lines();
          int offset =
              lines.offsetAt(new TextPosition(position.getLine(), position.getCharacter()));
          CompletionResult result = service.complete(snapshot.parsed(), offset, type, options);
          cancel.checkCanceled();
          CompletionList list = CompletionMapper.toList(result, lines, completionItemDefaults);
          if (lazyCompletionDocs) {
            completionDocs.keepBack(list.getItems(), CompletionMapper.documentation(result));
          }
          return Either.forRight(list);
        });
  }

  /** An item's documentation, kept back from the list (see {@link CompletionDocs}). */
  @Override
  public CompletableFuture<CompletionItem> resolveCompletionItem(CompletionItem item) {
    return CompletableFuture.completedFuture(completionDocs.resolve(item));
  }

  /**
   * Hover over the current text. Computed off the reader thread, so a slow hover never holds up the
   * edits behind it; null where there is nothing to say or the document is not open.
   */
  @Override
  public CompletableFuture<Hover> hover(HoverParams params) {
    String uri = params.getTextDocument().getUri();
    Snapshot snapshot;
    synchronized (lock) {
      snapshot = open.get(uri);
    }
    if (snapshot == null) {
      return CompletableFuture.completedFuture(null);
    }
    Position position = params.getPosition();
    PolicyType type = configuredType(uri);
    return CompletableFutures.computeAsync(
        requests,
        cancel -> {
          LineIndex lines = snapshot.parsed().lines();
          int offset =
              lines.offsetAt(new TextPosition(position.getLine(), position.getCharacter()));
          HoverResult result;
          try {
            result = service.hover(snapshot.parsed(), offset, type).orElse(null);
          } catch (RuntimeException | StackOverflowError e) {
            // A hover that fails must not turn into an error popup: log it and show nothing.
            LOG.log(Level.SEVERE, "Hover in " + uri + " failed", e);
            return null;
          }
          cancel.checkCanceled();
          return result == null ? null : toHover(result, lines);
        });
  }

  /** The policy type the configuration gives the document, or null to let its text decide. */
  private PolicyType configuredType(String uri) {
    Path path = WorkspaceConfig.path(uri);
    return config.settingsFor(path).forDocument(path).policyType();
  }

  private static Hover toHover(HoverResult result, LineIndex lines) {
    Range range =
        new Range(
            toPosition(lines.positionAt(result.startOffset())),
            toPosition(lines.positionAt(result.endOffset())));
    return new Hover(new MarkupContent(MarkupKind.MARKDOWN, result.markdown()), range);
  }

  private static Position toPosition(TextPosition p) {
    return new Position(p.line(), p.character());
  }

  /**
   * Fixes for the requested range, computed on the checker thread so the reader thread stays free;
   * an unknown document gets none.
   */
  @Override
  public CompletableFuture<List<Either<Command, CodeAction>>> codeAction(CodeActionParams params) {
    Snapshot snapshot;
    synchronized (lock) {
      snapshot = open.get(params.getTextDocument().getUri());
    }
    if (snapshot == null) {
      return CompletableFuture.completedFuture(List.of());
    }
    try {
      return CompletableFuture.supplyAsync(
          () ->
              CodeActionMapper.toCodeActions(
                  service, snapshot.uri(), snapshot.parsed().lines(), analysisOf(snapshot), params),
          checker);
    } catch (RejectedExecutionException e) {
      return CompletableFuture.completedFuture(List.of());
    }
  }

  /**
   * The snapshot's analysis under the settings that apply now, made at most once per snapshot and
   * settings (and catalog): the check that publishes diagnostics and the code actions asked for on
   * the same version share it, whichever comes first. Both run on the checker thread.
   */
  private Analysis analysisOf(Snapshot snapshot) {
    Path path = WorkspaceConfig.path(snapshot.uri());
    AnalysisSettings settings = config.settingsFor(path);
    PolicyLanguageService current = service; // replaced when the catalog setting changes
    Checked checked = snapshot.checked;
    if (checked == null || checked.service() != current || !checked.settings().equals(settings)) {
      Analysis analysis = current.analyze(snapshot.parsed(), path, settings, false);
      checked = new Checked(current, settings, analysis);
      snapshot.checked = checked;
    }
    return checked.analysis();
  }

  /** Replaces any check still waiting for the same document: only the newest one matters. */
  private void schedule(Snapshot snapshot, long delayMillis) {
    synchronized (lock) {
      if (checker.isShutdown()) {
        return;
      }
      try {
        ScheduledFuture<?> f =
            checker.schedule(() -> check(snapshot), delayMillis, TimeUnit.MILLISECONDS);
        ScheduledFuture<?> previous = pending.put(snapshot.uri(), f);
        if (previous != null) {
          previous.cancel(false);
        }
      } catch (RejectedExecutionException e) {
        // Shut down between the check and the call: nothing more to publish anyway.
      }
    }
  }

  private void check(Snapshot snapshot) {
    if (!isCurrent(snapshot)) {
      return; // superseded while waiting
    }
    List<Diagnostic> diagnostics;
    try {
      Path path = WorkspaceConfig.path(snapshot.uri());
      if (config.isConfigFile(path)) {
        diagnostics = configDiagnostics(snapshot, path);
      } else {
        Analysis analysis = analysisOf(snapshot);
        // Only policies get findings: other JSON (package.json, settings) stays silent.
        diagnostics =
            analysis.isPolicy()
                ? DiagnosticMapper.toDiagnostics(
                    analysis.findings(), snapshot.parsed().lines(), snapshot.uri())
                : List.of();
      }
    } catch (RuntimeException | StackOverflowError e) {
      LOG.log(Level.SEVERE, "Checking " + snapshot.uri() + " failed", e);
      return;
    }
    synchronized (lock) {
      // Checked again under the lock: a newer edit cannot slip in between this and the send.
      if (isCurrent(snapshot)) {
        publish(snapshot.uri(), diagnostics, snapshot.version());
      }
    }
  }

  /** The configuration file's own mistakes, shown in it as errors. */
  private static List<Diagnostic> configDiagnostics(Snapshot snapshot, Path path) {
    List<Finding> findings = new ArrayList<>();
    for (ConfigProblem p : ConfigLoader.load(snapshot.text(), path.getParent()).problems()) {
      findings.add(
          new Finding(
              CONFIG_ERROR, FindingType.ERROR, p.message(), p.offset(), p.length(), List.of()));
    }
    return DiagnosticMapper.toDiagnostics(findings, snapshot.text());
  }

  private boolean isCurrent(Snapshot snapshot) {
    synchronized (lock) {
      return open.get(snapshot.uri()) == snapshot;
    }
  }

  private void publish(String uri, List<Diagnostic> diagnostics, Integer version) {
    LanguageClient c = client;
    if (c == null) {
      return;
    }
    try {
      c.publishDiagnostics(new PublishDiagnosticsParams(uri, diagnostics, version));
      Warmup.firstResultDelivered();
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Could not publish diagnostics for " + uri, e);
    }
  }

  @Override
  public CompletableFuture<List<Either<SymbolInformation, DocumentSymbol>>> documentSymbol(
      DocumentSymbolParams params) {
    boolean tree = hierarchicalSymbols;
    return answer(
        params.getTextDocument().getUri(),
        List.of(),
        s -> EditorFeaturesMapper.symbols(service, s.uri(), s.parsed(), tree));
  }

  /** Hints unless the iamPolicy.inlayHints.enabled setting turns them off. */
  @Override
  public CompletableFuture<List<InlayHint>> inlayHint(InlayHintParams params) {
    if (!config.inlayHintsEnabled()) {
      return CompletableFuture.completedFuture(List.of());
    }
    return answer(
        params.getTextDocument().getUri(),
        List.of(),
        s -> EditorFeaturesMapper.inlayHints(service, s.parsed(), params.getRange()));
  }

  @Override
  public CompletableFuture<List<? extends CodeLens>> codeLens(CodeLensParams params) {
    return answer(
        params.getTextDocument().getUri(),
        List.of(),
        s -> EditorFeaturesMapper.codeLenses(service, s.parsed()));
  }

  @Override
  public CompletableFuture<List<FoldingRange>> foldingRange(FoldingRangeRequestParams params) {
    return answer(
        params.getTextDocument().getUri(),
        List.of(),
        s -> EditorFeaturesMapper.foldingRanges(s.text()));
  }

  @Override
  public CompletableFuture<List<SelectionRange>> selectionRange(SelectionRangeParams params) {
    return answer(
        params.getTextDocument().getUri(),
        List.of(),
        s -> EditorFeaturesMapper.selectionRanges(s.text(), params.getPositions()));
  }

  /**
   * Answers a read-only request on the requests thread from the document's current snapshot; an
   * unknown document, a failure or a shut-down server gets the empty answer, never an error popup.
   */
  private <T> CompletableFuture<T> answer(
      String uri, T empty, java.util.function.Function<Snapshot, T> compute) {
    Snapshot snapshot;
    synchronized (lock) {
      snapshot = open.get(uri);
    }
    if (snapshot == null) {
      return CompletableFuture.completedFuture(empty);
    }
    try {
      return CompletableFutures.computeAsync(
          requests,
          cancel -> {
            try {
              return compute.apply(snapshot);
            } catch (RuntimeException | StackOverflowError e) {
              LOG.log(Level.SEVERE, "A request on " + uri + " failed", e);
              return empty;
            }
          });
    } catch (RejectedExecutionException e) {
      return CompletableFuture.completedFuture(empty);
    }
  }
}
