package dev.iampolicyls.lsp;

import static org.junit.jupiter.api.Assertions.*;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.ConfigurationParams;
import org.eclipse.lsp4j.DidChangeConfigurationCapabilities;
import org.eclipse.lsp4j.DidChangeConfigurationParams;
import org.eclipse.lsp4j.DidChangeWatchedFilesCapabilities;
import org.eclipse.lsp4j.DidChangeWatchedFilesParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.DidSaveTextDocumentParams;
import org.eclipse.lsp4j.FileChangeType;
import org.eclipse.lsp4j.FileEvent;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.RegistrationParams;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.WorkspaceClientCapabilities;
import org.eclipse.lsp4j.WorkspaceFolder;
import org.eclipse.lsp4j.services.LanguageServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The configuration file and the iamPolicy settings, over real JSON-RPC through pipes. */
class ConfigurationProtocolTest {
  /** A client that answers workspace/configuration and records registrations. */
  static final class ConfiguringClient extends RecordingClient {
    volatile JsonObject section = new JsonObject();
    final List<RegistrationParams> registrations = new CopyOnWriteArrayList<>();
    final CompletableFuture<RegistrationParams> registered = new CompletableFuture<>();

    @Override
    public CompletableFuture<List<Object>> configuration(ConfigurationParams params) {
      return CompletableFuture.completedFuture(List.of(section));
    }

    @Override
    public CompletableFuture<Void> registerCapability(RegistrationParams params) {
      registrations.add(params);
      registered.complete(params);
      return CompletableFuture.completedFuture(null);
    }
  }

  /** No Version and a Principal: an SCP error when the configuration says these files are SCPs. */
  private static final String SCP_WITH_PRINCIPAL =
      "{\"Statement\": {\"Effect\": \"Deny\", \"Principal\": \"*\", \"Action\": \"s3:*\", \"Resource\": \"*\"}}";

  @TempDir Path root;

  private PipedConnection<ConfiguringClient> connection;
  private ConfiguringClient client;
  private LanguageServer remote;

  @BeforeEach
  void connect() throws IOException {
    connection = PipedConnection.open(new ConfiguringClient());
    client = connection.client();
    remote = connection.remote();
  }

  @AfterEach
  void disconnect() throws IOException {
    connection.close();
  }

  private void writeConfig(String text) throws IOException {
    Files.writeString(root.resolve(".iam-policy-ls.json"), text, StandardCharsets.UTF_8);
  }

  private void initialize(boolean pull, boolean watch) throws Exception {
    InitializeParams params = new InitializeParams();
    params.setWorkspaceFolders(List.of(new WorkspaceFolder(root.toUri().toString(), "root")));
    WorkspaceClientCapabilities workspace = new WorkspaceClientCapabilities();
    workspace.setConfiguration(pull);
    workspace.setDidChangeConfiguration(new DidChangeConfigurationCapabilities(false));
    workspace.setDidChangeWatchedFiles(new DidChangeWatchedFilesCapabilities(watch));
    ClientCapabilities caps = new ClientCapabilities();
    caps.setWorkspace(workspace);
    params.setCapabilities(caps);
    remote.initialize(params).get(10, TimeUnit.SECONDS);
    remote.initialized(new InitializedParams());
  }

  private String open(String relative, String text) throws IOException {
    Path file = root.resolve(relative);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text, StandardCharsets.UTF_8);
    String uri = file.toUri().toString();
    remote
        .getTextDocumentService()
        .didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(uri, "json", 1, text)));
    return uri;
  }

  private static List<String> codes(PublishDiagnosticsParams p) {
    return p.getDiagnostics().stream().map(d -> d.getCode().getLeft()).sorted().toList();
  }

  private PublishDiagnosticsParams awaitCodes(String uri, List<String> codes) throws Exception {
    return client.await(p -> p.getUri().equals(uri) && codes(p).equals(codes));
  }

  @Test
  void theConfigurationFileSetsTypesAndIsReloadedWhenItChanges() throws Exception {
    writeConfig(
        "{\"policyTypes\": [{\"files\": \"scp/**\", \"type\": \"SERVICE_CONTROL_POLICY\"}],"
            + " \"checks\": {\"MISSING_VERSION\": \"off\"}}");
    initialize(false, true);
    RegistrationParams registration = client.registered.get(10, TimeUnit.SECONDS);
    assertEquals(
        "workspace/didChangeWatchedFiles", registration.getRegistrations().get(0).getMethod());

    String uri = open("scp/deny.json", SCP_WITH_PRINCIPAL);
    awaitCodes(uri, List.of("SCP_SYNTAX_ERROR_PRINCIPAL"));

    // The file changes on disk: the watcher's event reloads it and the document is checked again.
    writeConfig("{\"checks\": {\"SCP_SYNTAX_ERROR_PRINCIPAL\": \"off\"}}");
    String configUri = root.resolve(".iam-policy-ls.json").toUri().toString();
    remote
        .getWorkspaceService()
        .didChangeWatchedFiles(
            new DidChangeWatchedFilesParams(
                List.of(new FileEvent(configUri, FileChangeType.Changed))));
    // No longer an SCP: a Principal makes it a resource policy, where MISSING_VERSION is back on.
    awaitCodes(uri, List.of("MISSING_VERSION"));

    // Saving the configuration in the editor does the same.
    writeConfig("{\"checks\": {\"MISSING_VERSION\": \"off\"}}");
    remote
        .getTextDocumentService()
        .didSave(new DidSaveTextDocumentParams(new TextDocumentIdentifier(configUri)));
    awaitCodes(uri, List.of());
  }

  @Test
  void pushedSettingsApplyAndUnknownKeysAreIgnored() throws Exception {
    initialize(false, false);
    String uri = open("scp/deny.json", SCP_WITH_PRINCIPAL);
    awaitCodes(uri, List.of("MISSING_VERSION"));

    JsonObject settings =
        JsonParser.parseString(
                "{\"iamPolicy\": {\"policyTypes\": [{\"files\": \"scp/*.json\","
                    + " \"type\": \"SERVICE_CONTROL_POLICY\"}],"
                    + " \"checks\": {\"MISSING_VERSION\": \"off\"}, \"whatever\": true}}")
            .getAsJsonObject();
    remote.getWorkspaceService().didChangeConfiguration(new DidChangeConfigurationParams(settings));
    awaitCodes(uri, List.of("SCP_SYNTAX_ERROR_PRINCIPAL"));
  }

  @Test
  void settingsArePulledWhenTheClientSupportsIt() throws Exception {
    client.section =
        JsonParser.parseString("{\"checks\": {\"MISSING_VERSION\": \"SUGGESTION\"}}")
            .getAsJsonObject();
    initialize(true, false);
    String uri = open("p.json", SCP_WITH_PRINCIPAL);
    PublishDiagnosticsParams p =
        client.await(
            x ->
                x.getUri().equals(uri)
                    && x.getDiagnostics().size() == 1
                    && x.getDiagnostics().get(0).getSeverity()
                        == org.eclipse.lsp4j.DiagnosticSeverity.Information);
    assertEquals("MISSING_VERSION", p.getDiagnostics().get(0).getCode().getLeft());

    // A change notification makes the server pull again.
    client.section =
        JsonParser.parseString("{\"checks\": {\"MISSING_VERSION\": \"off\"}}").getAsJsonObject();
    remote
        .getWorkspaceService()
        .didChangeConfiguration(new DidChangeConfigurationParams(new JsonObject()));
    awaitCodes(uri, List.of());
  }

  @Test
  void theOpenConfigurationFileShowsItsMistakes() throws Exception {
    initialize(false, false);
    String text = "{\n  \"checks\": {\"NOT_A_CODE\": \"off\"},\n  \"polcyTypes\": []\n}";
    String uri = open(".iam-policy-ls.json", text);
    PublishDiagnosticsParams p = client.await(x -> x.getUri().equals(uri));
    assertEquals(2, p.getDiagnostics().size(), p.toString());
    assertEquals(
        new Range(new Position(1, 13), new Position(1, 25)), p.getDiagnostics().get(0).getRange());
    assertEquals(
        new Range(new Position(2, 2), new Position(2, 14)), p.getDiagnostics().get(1).getRange());
    assertEquals("CONFIG_ERROR", p.getDiagnostics().get(0).getCode().getLeft());
  }
}
