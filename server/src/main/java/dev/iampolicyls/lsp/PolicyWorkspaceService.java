package dev.iampolicyls.lsp;

import java.nio.file.Path;
import java.util.logging.Logger;
import org.eclipse.lsp4j.DidChangeConfigurationParams;
import org.eclipse.lsp4j.DidChangeWatchedFilesParams;
import org.eclipse.lsp4j.FileEvent;
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
