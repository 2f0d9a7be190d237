package dev.iampolicyls.lsp;

import java.util.logging.Logger;
import org.eclipse.lsp4j.DidChangeConfigurationParams;
import org.eclipse.lsp4j.DidChangeWatchedFilesParams;
import org.eclipse.lsp4j.services.WorkspaceService;

/** No workspace features yet; these notifications are accepted and ignored, never an error. */
final class PolicyWorkspaceService implements WorkspaceService {
  private static final Logger LOG = Logger.getLogger(PolicyWorkspaceService.class.getName());

  @Override
  public void didChangeConfiguration(DidChangeConfigurationParams params) {
    LOG.fine("Settings changed; none are read yet");
  }

  @Override
  public void didChangeWatchedFiles(DidChangeWatchedFilesParams params) {}
}
