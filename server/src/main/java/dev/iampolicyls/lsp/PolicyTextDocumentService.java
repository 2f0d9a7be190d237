package dev.iampolicyls.lsp;

import dev.iampolicyls.completion.CompletionOptions;
import dev.iampolicyls.completion.CompletionResult;
import dev.iampolicyls.hover.HoverResult;
import dev.iampolicyls.policy.PolicyType;
import dev.iampolicyls.service.CancelChecker;
import dev.iampolicyls.service.EmbeddedAnalysis;
import dev.iampolicyls.service.PolicyLanguageService;
import dev.iampolicyls.syntax.LineIndex;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.CodeLens;
import org.eclipse.lsp4j.CodeLensParams;
import org.eclipse.lsp4j.Command;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionList;
import org.eclipse.lsp4j.CompletionParams;
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
import org.eclipse.lsp4j.SelectionRange;
import org.eclipse.lsp4j.SelectionRangeParams;
import org.eclipse.lsp4j.SymbolInformation;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.TextDocumentService;

/**
 * The handlers of the textDocument methods, and nothing else: edits go to the {@link DocumentStore}
 * and the {@link DiagnosticsScheduler}; every request takes the one path of {@link ReadRequests} to
 * the service, with the current snapshot and a cancel checker.
 */
public final class PolicyTextDocumentService implements TextDocumentService {
  private final CatalogSetting catalog;
  private final WorkspaceConfig config;
  private final DocumentStore documents = new DocumentStore();
  private final DiagnosticsScheduler diagnostics;
  private final ReadRequests requests = new ReadRequests(documents);

  private volatile boolean snippetSupport;
  private volatile List<String> completionItemDefaults = List.of();
  private volatile boolean lazyCompletionDocs;
  private final CompletionDocs completionDocs = new CompletionDocs();
  private volatile boolean hierarchicalSymbols;
  private volatile LanguageClient client;
  private volatile boolean codeLensRefresh;

  PolicyTextDocumentService(
      PolicyLanguageService service, WorkspaceConfig config, long debounceMillis) {
    this.catalog = new CatalogSetting(service);
    this.config = config;
    this.diagnostics = new DiagnosticsScheduler(documents, config, catalog, debounceMillis);
  }

  void connect(LanguageClient client) {
    this.client = client;
    diagnostics.connect(client);
  }

  /** Whether the client asks again for code lenses when told to (workspace/codeLens/refresh). */
  void setCodeLensRefresh(boolean supported) {
    this.codeLensRefresh = supported;
  }

  /** The completion item fields the client takes once per list. */
  void setCompletionItemDefaults(List<String> fields) {
    this.completionItemDefaults = List.copyOf(fields);
  }

  /** Whether the client said it takes snippets in completion items. */
  void setSnippetSupport(boolean snippetSupport) {
    this.snippetSupport = snippetSupport;
  }

  /**
   * Logs which IAM catalog is in use, from the diagnostics thread: the bundled catalog may still be
   * loading, which the thread reading the client's messages must not wait for.
   */
  void logCatalogInUse() {
    diagnostics.execute(catalog::logInUse);
  }

  /** Whether completion documentation waits for completionItem/resolve. */
  void setLazyCompletionDocs(boolean lazy) {
    this.lazyCompletionDocs = lazy;
  }

  /** Whether the client takes a tree of document symbols rather than a flat list. */
  void setHierarchicalSymbols(boolean hierarchical) {
    this.hierarchicalSymbols = hierarchical;
  }

  /** Stops checking and answering; pending checks are dropped. */
  void stop() {
    diagnostics.stop();
    requests.stop();
  }

  /** The current version of an open document, or null; for tests. */
  Integer currentVersion(String uri) {
    DocumentSnapshot s = documents.get(uri);
    return s == null ? null : s.version();
  }

  DiagnosticsScheduler diagnostics() {
    return diagnostics;
  }

  @Override
  public void didOpen(DidOpenTextDocumentParams params) {
    TextDocumentItem doc = params.getTextDocument();
    diagnostics.opened(documents.open(doc.getUri(), doc.getText(), doc.getVersion()));
  }

  @Override
  public void didChange(DidChangeTextDocumentParams params) {
    DocumentSnapshot next = documents.change(params);
    if (next != null) {
      diagnostics.changed(next);
    }
  }

  @Override
  public void didClose(DidCloseTextDocumentParams params) {
    diagnostics.close(params.getTextDocument().getUri());
  }

  @Override
  public void didSave(DidSaveTextDocumentParams params) {
    // Diagnostics follow every edit; a saved configuration file changes every other document's.
    Path saved = WorkspaceConfig.path(params.getTextDocument().getUri());
    if (config.isConfigFile(saved) || config.isReferencePolicy(saved)) {
      config.reload();
      recheckAll();
    } else {
      // The saved file may be a policy that a test names (or a test file, whose policies are then
      // read again too).
      boolean testsOpen = diagnostics.recheckPolicyTests();
      LanguageClient c = client;
      if (testsOpen && codeLensRefresh && c != null) {
        c.refreshCodeLenses(); // the tests' decisions may have changed too
      }
    }
  }

  /** {@code iamPolicy.compare} on the request threads, with the catalog in use. */
  CompletableFuture<Object> compare(List<Object> arguments) {
    return requests.compute(
        cancel -> CompareRequest.answer(arguments, catalog.current().catalog(), cancel));
  }

  /** Checks every open document again, after the settings changed (the catalog among them). */
  void recheckAll() {
    diagnostics.reloadAndRecheck(config.catalogPath());
  }

  @Override
  public CompletableFuture<Either<List<CompletionItem>, CompletionList>> completion(
      CompletionParams params) {
    String uri = params.getTextDocument().getUri();
    CompletionOptions options = new CompletionOptions(snippetSupport);
    List<String> defaults = completionItemDefaults;
    boolean lazyDocs = lazyCompletionDocs;
    return requests.answer(
        uri,
        "Completion",
        Either.forRight(new CompletionList(false, List.of())),
        (s, cancel) -> {
          LineIndex lines = s.lines();
          int offset = Positions.offset(lines, params.getPosition());
          PolicyLanguageService service = catalog.current();
          // In a template, at the policy under the cursor and in the template's syntax.
          CompletionResult result =
              service
                  .completeInTemplate(s.text(), s.isTemplate(), s::layout, offset, options, cancel)
                  .orElseGet(
                      () ->
                          service.complete(s.parsed(), offset, configuredType(s), options, cancel));
          cancel.checkCanceled();
          CompletionList list = CompletionMapper.toList(result, lines, defaults);
          if (lazyDocs) {
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

  /** Hover over the current text; null where there is nothing to say. */
  @Override
  public CompletableFuture<Hover> hover(HoverParams params) {
    return requests.answer(
        params.getTextDocument().getUri(),
        "Hover",
        null,
        (s, cancel) -> {
          LineIndex lines = s.lines();
          int offset = Positions.offset(lines, params.getPosition());
          PolicyLanguageService service = catalog.current();
          // A template's policies are read once per version, with its diagnostics.
          Optional<EmbeddedAnalysis> template = s.template(service, config.settingsFor(s.path()));
          HoverResult result =
              (template.isPresent()
                      ? service.hoverInTemplate(template.get().document(), offset)
                      : service.hover(s.parsed(), offset, configuredType(s)))
                  .orElse(null);
          return result == null ? null : toHover(result, lines);
        });
  }

  /** The policy type the configuration gives the document, or null to let its text decide. */
  private PolicyType configuredType(DocumentSnapshot snapshot) {
    Path path = snapshot.path();
    return config.settingsFor(path).forDocument(path).policyType();
  }

  private static Hover toHover(HoverResult result, LineIndex lines) {
    return new Hover(
        new MarkupContent(MarkupKind.MARKDOWN, result.markdown()),
        Positions.range(lines, result.startOffset(), result.endOffset()));
  }

  /**
   * Fixes for the requested range, from the same analysis as the published diagnostics of this
   * version (made here if the check has not made it yet), in a template as in a policy.
   */
  @Override
  public CompletableFuture<List<Either<Command, CodeAction>>> codeAction(CodeActionParams params) {
    return requests.answer(
        params.getTextDocument().getUri(),
        "Code action",
        List.of(),
        (s, cancel) ->
            CodeActionMapper.toCodeActions(s.uri(), features(s, cancel), params, cancel));
  }

  /** The features of a snapshot under the current catalog and its settings. */
  private DocumentFeatures features(DocumentSnapshot s, CancelChecker cancel) {
    return s.features(catalog.current(), config.settingsFor(s.path()), cancel);
  }

  @Override
  public CompletableFuture<List<Either<SymbolInformation, DocumentSymbol>>> documentSymbol(
      DocumentSymbolParams params) {
    boolean tree = hierarchicalSymbols;
    return requests.answer(
        params.getTextDocument().getUri(),
        "Document symbols",
        List.of(),
        (s, cancel) -> EditorFeaturesMapper.symbols(features(s, cancel), s.uri(), tree));
  }

  /** Hints unless the iamPolicy.inlayHints.enabled setting turns them off. */
  @Override
  public CompletableFuture<List<InlayHint>> inlayHint(InlayHintParams params) {
    if (!config.inlayHintsEnabled()) {
      return CompletableFuture.completedFuture(List.of());
    }
    return requests.answer(
        params.getTextDocument().getUri(),
        "Inlay hints",
        List.of(),
        (s, cancel) -> EditorFeaturesMapper.inlayHints(features(s, cancel), params.getRange()));
  }

  @Override
  public CompletableFuture<List<? extends CodeLens>> codeLens(CodeLensParams params) {
    DocumentSnapshot current = documents.get(params.getTextDocument().getUri());
    if (current != null && current.namedAsPolicyTest()) {
      return requests.answer(
          current.uri(),
          "Policy test lenses",
          List.of(),
          (s, cancel) ->
              s.isPolicyTest()
                  ? PolicyTestMapper.codeLenses(
                      s.policyTests(catalog.current().catalog()), s.parsed().lines())
                  : List.of());
    }
    return requests.answer(
        params.getTextDocument().getUri(),
        "Code lenses",
        List.of(),
        (s, cancel) -> EditorFeaturesMapper.codeLenses(features(s, cancel)));
  }

  @Override
  public CompletableFuture<List<FoldingRange>> foldingRange(FoldingRangeRequestParams params) {
    return requests.answer(
        params.getTextDocument().getUri(),
        "Folding ranges",
        List.of(),
        (s, cancel) -> EditorFeaturesMapper.foldingRanges(features(s, cancel)));
  }

  @Override
  public CompletableFuture<List<SelectionRange>> selectionRange(SelectionRangeParams params) {
    return requests.answer(
        params.getTextDocument().getUri(),
        "Selection ranges",
        List.of(),
        (s, cancel) ->
            EditorFeaturesMapper.selectionRanges(features(s, cancel), params.getPositions()));
  }
}
