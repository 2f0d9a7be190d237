package dev.iampolicyls.lsp;

import dev.iampolicyls.config.ProjectConfig;
import dev.iampolicyls.service.PolicyLanguageService;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.CodeActionKind;
import org.eclipse.lsp4j.CodeActionOptions;
import org.eclipse.lsp4j.CodeLensOptions;
import org.eclipse.lsp4j.CompletionCapabilities;
import org.eclipse.lsp4j.CompletionOptions;
import org.eclipse.lsp4j.ConfigurationItem;
import org.eclipse.lsp4j.ConfigurationParams;
import org.eclipse.lsp4j.DidChangeWatchedFilesRegistrationOptions;
import org.eclipse.lsp4j.ExecuteCommandOptions;
import org.eclipse.lsp4j.FileSystemWatcher;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.Registration;
import org.eclipse.lsp4j.RegistrationParams;
import org.eclipse.lsp4j.SaveOptions;
import org.eclipse.lsp4j.ServerCapabilities;
import org.eclipse.lsp4j.ServerInfo;
import org.eclipse.lsp4j.TextDocumentClientCapabilities;
import org.eclipse.lsp4j.TextDocumentSyncKind;
import org.eclipse.lsp4j.TextDocumentSyncOptions;
import org.eclipse.lsp4j.WorkspaceFolder;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageClientAware;
import org.eclipse.lsp4j.services.LanguageServer;
import org.eclipse.lsp4j.services.TextDocumentService;
import org.eclipse.lsp4j.services.WorkspaceService;

/** The LSP door onto {@link PolicyLanguageService}: lifecycle and capabilities. */
public final class PolicyLanguageServer implements LanguageServer, LanguageClientAware {
  public static final String NAME = "iam-policy-ls";

  private static final Logger LOG = Logger.getLogger(PolicyLanguageServer.class.getName());

  private final WorkspaceConfig config = new WorkspaceConfig();
  private final PolicyTextDocumentService documents;
  private final PolicyWorkspaceService workspace = new PolicyWorkspaceService(this);
  private volatile LanguageClient client;
  private volatile boolean pullConfiguration;
  private volatile boolean watchFiles;
  private volatile boolean refreshInlayHints;
  private final CompletableFuture<Integer> exitCode = new CompletableFuture<>();
  private volatile boolean shutdownRequested;

  /**
   * @param debounceMillis how long to wait after an edit before checking; tests use 0
   */
  public PolicyLanguageServer(PolicyLanguageService service, long debounceMillis) {
    this.documents = new PolicyTextDocumentService(service, config, debounceMillis);
  }

  @Override
  public CompletableFuture<InitializeResult> initialize(InitializeParams params) {
    watchParent(params.getProcessId());
    config.setFolders(workspaceFolders(params));
    ClientCapabilities caps = params.getCapabilities();
    if (caps != null && caps.getWorkspace() != null) {
      pullConfiguration = Boolean.TRUE.equals(caps.getWorkspace().getConfiguration());
      watchFiles =
          caps.getWorkspace().getDidChangeWatchedFiles() != null
              && Boolean.TRUE.equals(
                  caps.getWorkspace().getDidChangeWatchedFiles().getDynamicRegistration());
    }
    documents.setCodeLensRefresh(
        caps != null
            && caps.getWorkspace() != null
            && caps.getWorkspace().getCodeLens() != null
            && Boolean.TRUE.equals(caps.getWorkspace().getCodeLens().getRefreshSupport()));
    refreshInlayHints =
        caps != null
            && caps.getWorkspace() != null
            && caps.getWorkspace().getInlayHint() != null
            && Boolean.TRUE.equals(caps.getWorkspace().getInlayHint().getRefreshSupport());
    // Settings given at start-up, before any didChangeConfiguration.
    if (params.getInitializationOptions() != null) {
      config.setClientSettings(params.getInitializationOptions(), false);
    }
    // Advertise only what works: sync, diagnostics, completion, hover, code actions and the
    // editor features the client has.
    // Positions are UTF-16 (the default), which is what Java strings count, so no
    // positionEncoding is negotiated.
    TextDocumentSyncOptions sync = new TextDocumentSyncOptions();
    sync.setOpenClose(true);
    sync.setChange(TextDocumentSyncKind.Incremental);
    // Saving the configuration file applies it to every open document.
    sync.setSave(new SaveOptions(false));
    ServerCapabilities capabilities = new ServerCapabilities();
    capabilities.setTextDocumentSync(sync);
    // '"' opens a key or value, ':' starts a value or an action name, '{' an object or ${.
    boolean lazyDocs = resolvesDocumentation(params);
    capabilities.setCompletionProvider(new CompletionOptions(lazyDocs, List.of("\"", ":", "{")));
    documents.setSnippetSupport(snippetSupport(params));
    documents.setCompletionItemDefaults(completionItemDefaults(params));
    documents.setLazyCompletionDocs(lazyDocs);
    capabilities.setHoverProvider(true);
    capabilities.setCodeActionProvider(
        new CodeActionOptions(List.of(CodeActionKind.QuickFix, CodeActionKind.RefactorRewrite)));
    advertiseEditorFeatures(caps, capabilities);
    capabilities.setExecuteCommandProvider(
        new ExecuteCommandOptions(List.of(CompareRequest.COMMAND)));
    String version = PolicyLanguageServer.class.getPackage().getImplementationVersion();
    return CompletableFuture.completedFuture(
        new InitializeResult(
            capabilities, new ServerInfo(NAME, version != null ? version : "dev")));
  }

  /**
   * The outline always (every client can show symbols); inlay hints, code lenses, folding and
   * selection ranges only when the client says it has them, as LSP asks.
   */
  private void advertiseEditorFeatures(ClientCapabilities caps, ServerCapabilities capabilities) {
    capabilities.setDocumentSymbolProvider(true);
    TextDocumentClientCapabilities text = caps == null ? null : caps.getTextDocument();
    if (text == null) {
      return;
    }
    documents.setHierarchicalSymbols(
        text.getDocumentSymbol() != null
            && Boolean.TRUE.equals(
                text.getDocumentSymbol().getHierarchicalDocumentSymbolSupport()));
    if (text.getInlayHint() != null) {
      capabilities.setInlayHintProvider(true);
    }
    if (text.getCodeLens() != null) {
      capabilities.setCodeLensProvider(new CodeLensOptions(false));
    }
    if (text.getFoldingRange() != null) {
      capabilities.setFoldingRangeProvider(true);
    }
    if (text.getSelectionRange() != null) {
      capabilities.setSelectionRangeProvider(true);
    }
  }

  /** What the client says of completion, or null when it says nothing. */
  private static CompletionCapabilities completion(InitializeParams params) {
    ClientCapabilities client = params.getCapabilities();
    return client == null || client.getTextDocument() == null
        ? null
        : client.getTextDocument().getCompletion();
  }

  /** Whether the client resolves completion documentation lazily (completionItem/resolve). */
  private static boolean resolvesDocumentation(InitializeParams params) {
    CompletionCapabilities completion = completion(params);
    if (completion == null
        || completion.getCompletionItem() == null
        || completion.getCompletionItem().getResolveSupport() == null) {
      return false;
    }
    List<String> properties = completion.getCompletionItem().getResolveSupport().getProperties();
    return properties != null && properties.contains("documentation");
  }

  /** The fields the client takes once per completion list (LSP 3.17 {@code itemDefaults}). */
  private static List<String> completionItemDefaults(InitializeParams params) {
    CompletionCapabilities completion = completion(params);
    if (completion == null
        || completion.getCompletionList() == null
        || completion.getCompletionList().getItemDefaults() == null) {
      return List.of();
    }
    return List.copyOf(completion.getCompletionList().getItemDefaults());
  }

  private static boolean snippetSupport(InitializeParams params) {
    CompletionCapabilities completion = completion(params);
    return completion != null
        && completion.getCompletionItem() != null
        && Boolean.TRUE.equals(completion.getCompletionItem().getSnippetSupport());
  }

  @Override
  public void initialized(InitializedParams params) {
    documents.logCatalogInUse();
    LanguageClient c = client;
    if (c == null) {
      return;
    }
    if (watchFiles) {
      FileSystemWatcher watcher =
          new FileSystemWatcher(Either.forLeft("**/" + ProjectConfig.FILE_NAME));
      c.registerCapability(
              new RegistrationParams(
                  List.of(
                      new Registration(
                          "iam-policy-ls-config-watcher",
                          "workspace/didChangeWatchedFiles",
                          new DidChangeWatchedFilesRegistrationOptions(List.of(watcher))))))
          .exceptionally(
              e -> {
                LOG.log(Level.INFO, "The client did not register the file watcher", e);
                return null;
              });
    }
    pullSettings();
  }

  /** didChangeConfiguration: take pushed settings, or ask for them when the client pulls. */
  void settingsChanged(Object settings) {
    if (pullConfiguration) {
      pullSettings();
      return;
    }
    config.setClientSettings(settings, false);
    documents.recheckAll();
    refreshInlayHints();
  }

  /** The inlay hints setting may have changed: ask the client to fetch them again. */
  private void refreshInlayHints() {
    LanguageClient c = client;
    if (refreshInlayHints && c != null) {
      c.refreshInlayHints();
    }
  }

  private void pullSettings() {
    LanguageClient c = client;
    if (!pullConfiguration || c == null) {
      return;
    }
    ConfigurationItem item = new ConfigurationItem();
    item.setSection(WorkspaceConfig.SECTION);
    c.configuration(new ConfigurationParams(List.of(item)))
        .thenAccept(
            values -> {
              config.setClientSettings(values.isEmpty() ? null : values.get(0), true);
              documents.recheckAll();
              refreshInlayHints();
            })
        .exceptionally(
            e -> {
              LOG.log(Level.WARNING, "Could not read the client's settings", e);
              return null;
            });
  }

  private static List<Path> workspaceFolders(InitializeParams params) {
    List<Path> folders = new ArrayList<>();
    if (params.getWorkspaceFolders() != null) {
      for (WorkspaceFolder f : params.getWorkspaceFolders()) {
        Path p = WorkspaceConfig.path(f.getUri());
        if (p != null) {
          folders.add(p);
        }
      }
    }
    @SuppressWarnings("deprecation")
    String rootUri = params.getRootUri();
    if (folders.isEmpty() && rootUri != null) {
      Path p = WorkspaceConfig.path(rootUri);
      if (p != null) {
        folders.add(p);
      }
    }
    return folders;
  }

  @Override
  public CompletableFuture<Object> shutdown() {
    shutdownRequested = true;
    documents.stop();
    return CompletableFuture.completedFuture(null);
  }

  /** LSP: exit code 0 if shutdown came first, 1 otherwise. */
  @Override
  public void exit() {
    end();
  }

  /**
   * LSP: when the client's process dies the server must exit even if its stdin stays open (an
   * orphaned pipe). The JDK watches the process; for a process that is not our parent it polls.
   */
  private void watchParent(Integer pid) {
    if (pid == null) {
      return;
    }
    Optional<ProcessHandle> parent = ProcessHandle.of(pid.longValue());
    if (parent.isEmpty() || !parent.get().isAlive()) {
      LOG.warning(() -> "The client process " + pid + " is not running; exiting");
      inputClosed();
      return;
    }
    parent
        .get()
        .onExit()
        .thenRun(
            () -> {
              LOG.warning(() -> "The client process " + pid + " ended; exiting");
              inputClosed();
            });
  }

  /** The client went away without exit; the same rule decides the code. */
  void inputClosed() {
    end();
  }

  private void end() {
    documents.stop();
    exitCode.complete(shutdownRequested ? 0 : 1);
  }

  /** Completes with the process exit code once the session is over. */
  public CompletableFuture<Integer> exitCode() {
    return exitCode;
  }

  @Override
  public TextDocumentService getTextDocumentService() {
    return documents;
  }

  @Override
  public WorkspaceService getWorkspaceService() {
    return workspace;
  }

  @Override
  public void connect(LanguageClient client) {
    this.client = client;
    documents.connect(client);
  }

  WorkspaceConfig config() {
    return config;
  }

  PolicyTextDocumentService documents() {
    return documents;
  }
}
