package dev.iampolicyls.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonParser;
import dev.iampolicyls.config.ProjectConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A repository's {@code .iam-policy-ls.json} cannot point the server at other files: the catalog
 * and the configuration file to read are editor settings only, which the user controls (and which
 * may be absolute).
 */
class WorkspaceConfigSecurityTest {
  @TempDir Path tmp;

  @Test
  void aWorkspaceFileCannotNameACatalogOrAnotherConfigurationFile() throws Exception {
    Path secret = Files.writeString(tmp.resolve("secret.json"), "{}");
    Path workspace = Files.createDirectories(tmp.resolve("workspace"));
    Files.writeString(
        workspace.resolve(ProjectConfig.FILE_NAME),
        "{\"catalog\": {\"path\": "
            + JsonParser.parseString("\"" + secret + "\"")
            + "}, \"configFile\": \"../secret.json\", \"iamPolicy\": {\"configFile\": \"../secret.json\"}}");
    WorkspaceConfig config = new WorkspaceConfig();
    config.setFolders(List.of(workspace));
    assertNull(config.catalogPath());
    assertFalse(config.isConfigFile(secret), "only the workspace's own file is read");
    assertTrue(config.isConfigFile(workspace.resolve(ProjectConfig.FILE_NAME)));
  }

  @Test
  void theEditorMayNameAbsoluteFiles() throws Exception {
    Path catalog = tmp.resolve("catalog.json");
    Path workspace = Files.createDirectories(tmp.resolve("workspace"));
    WorkspaceConfig config = new WorkspaceConfig();
    config.setFolders(List.of(workspace));
    config.setClientSettings(
        JsonParser.parseString(
            "{\"iamPolicy\": {\"catalog\": {\"path\": \""
                + catalog
                + "\"}, \"configFile\": \""
                + tmp.resolve("other.json")
                + "\"}}"),
        false);
    assertEquals(catalog, config.catalogPath());
    assertTrue(config.isConfigFile(tmp.resolve("other.json")));
  }
}
