package dev.iampolicyls.lsp;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.logging.Logger;
import org.eclipse.lsp4j.DidChangeConfigurationParams;
import org.eclipse.lsp4j.DidChangeWatchedFilesParams;
import org.eclipse.lsp4j.ExecuteCommandParams;
import org.eclipse.lsp4j.FileEvent;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseError;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;
import org.eclipse.lsp4j.services.WorkspaceService;

/**
 * Settings and configuration files: a change to either is applied and every open document is
 * checked again.
 */
final class PolicyWorkspaceService implements WorkspaceService {
  private static final Logger LOG = Logger.getLogger(PolicyWorkspaceService.class.getName());

  private final PolicyLanguageServer server;

  PolicyWorkspaceService(PolicyLanguageServer server) {
    this.server = server;
  }

  @Override
  public void didChangeConfiguration(DidChangeConfigurationParams params) {
    server.settingsChanged(params.getSettings());
  }

  /** The commands a client may run: {@value CompareRequest#COMMAND}. */
  @Override
  public CompletableFuture<Object> executeCommand(ExecuteCommandParams params) {
    if (!CompareRequest.COMMAND.equals(params.getCommand())) {
      return CompletableFuture.failedFuture(
          new ResponseErrorException(
              new ResponseError(
                  ResponseErrorCode.InvalidParams,
                  "unknown command '" + params.getCommand() + "'",
                  null)));
    }
    return server.documents().compare(params.getArguments());
  }

  @Override
  public void didChangeWatchedFiles(DidChangeWatchedFilesParams params) {
    boolean relevant = false;
    for (FileEvent e : params.getChanges()) {
      Path p = WorkspaceConfig.path(e.getUri());
      relevant |= server.config().isConfigFile(p);
    }
    if (relevant) {
      LOG.info("Configuration file changed; checking open documents again");
      server.config().reload();
      server.documents().recheckAll();
    }
  }
}
