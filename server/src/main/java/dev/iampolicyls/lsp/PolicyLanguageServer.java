package dev.iampolicyls.lsp;

import dev.iampolicyls.service.PolicyLanguageService;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.eclipse.lsp4j.CodeActionKind;
import org.eclipse.lsp4j.CodeActionOptions;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.ServerCapabilities;
import org.eclipse.lsp4j.ServerInfo;
import org.eclipse.lsp4j.TextDocumentSyncKind;
import org.eclipse.lsp4j.TextDocumentSyncOptions;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageClientAware;
import org.eclipse.lsp4j.services.LanguageServer;
import org.eclipse.lsp4j.services.TextDocumentService;
import org.eclipse.lsp4j.services.WorkspaceService;

/** The LSP door onto {@link PolicyLanguageService}: lifecycle and capabilities. */
public final class PolicyLanguageServer implements LanguageServer, LanguageClientAware {
  public static final String NAME = "iam-policy-ls";

  private final PolicyTextDocumentService documents;
  private final PolicyWorkspaceService workspace = new PolicyWorkspaceService();
  private final CompletableFuture<Integer> exitCode = new CompletableFuture<>();
  private volatile boolean shutdownRequested;

  /**
   * @param debounceMillis how long to wait after an edit before checking; tests use 0
   */
  public PolicyLanguageServer(PolicyLanguageService service, long debounceMillis) {
    this.documents = new PolicyTextDocumentService(service, debounceMillis);
  }

  @Override
  public CompletableFuture<InitializeResult> initialize(InitializeParams params) {
    // Advertise only what works: sync, diagnostics and code actions. Positions are UTF-16 (the
    // default), which
    // is what Java strings count, so no positionEncoding is negotiated.
    TextDocumentSyncOptions sync = new TextDocumentSyncOptions();
    sync.setOpenClose(true);
    sync.setChange(TextDocumentSyncKind.Incremental);
    ServerCapabilities capabilities = new ServerCapabilities();
    capabilities.setTextDocumentSync(sync);
    capabilities.setCodeActionProvider(
        new CodeActionOptions(List.of(CodeActionKind.QuickFix, CodeActionKind.RefactorRewrite)));
    String version = PolicyLanguageServer.class.getPackage().getImplementationVersion();
    return CompletableFuture.completedFuture(
        new InitializeResult(
            capabilities, new ServerInfo(NAME, version != null ? version : "dev")));
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
    documents.connect(client);
  }

  PolicyTextDocumentService documents() {
    return documents;
  }
}
