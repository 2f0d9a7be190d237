package dev.iampolicyls.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonParser;
import dev.iampolicyls.lsp.ConfigurationProtocolTest.ConfiguringClient;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.DidChangeConfigurationCapabilities;
import org.eclipse.lsp4j.DidChangeConfigurationParams;
import org.eclipse.lsp4j.DidChangeWatchedFilesCapabilities;
import org.eclipse.lsp4j.DidChangeWatchedFilesParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.FileChangeType;
import org.eclipse.lsp4j.FileEvent;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.WorkspaceClientCapabilities;
import org.eclipse.lsp4j.WorkspaceFolder;
import org.eclipse.lsp4j.services.LanguageServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Guardrails from the editor's settings and the configuration file reach the open documents. */
class GuardrailProtocolTest {
  /** Line 3 grants iam:CreateUser through "iam:Create*" (columns 15 to 28). */
  private static final String POLICY =
      "{\n"
          + "  \"Version\": \"2012-10-17\",\n"
          + "  \"Statement\": [{\"Effect\": \"Allow\",\n"
          + "    \"Action\": \"iam:Create*\", \"Resource\": \"*\"}]\n"
          + "}\n";

  private static final Range GRANTING_ACTION = new Range(new Position(3, 14), new Position(3, 27));

  @TempDir Path root;

  private PipedConnection<ConfiguringClient> connection;
  private ConfiguringClient client;
  private LanguageServer remote;

  @BeforeEach
  void connect() throws Exception {
    connection = PipedConnection.open(new ConfiguringClient());
    client = connection.client();
    remote = connection.remote();
    InitializeParams params = new InitializeParams();
    params.setWorkspaceFolders(List.of(new WorkspaceFolder(root.toUri().toString(), "root")));
    WorkspaceClientCapabilities workspace = new WorkspaceClientCapabilities();
    workspace.setConfiguration(false);
    workspace.setDidChangeConfiguration(new DidChangeConfigurationCapabilities(false));
    workspace.setDidChangeWatchedFiles(new DidChangeWatchedFilesCapabilities(true));
    ClientCapabilities caps = new ClientCapabilities();
    caps.setWorkspace(workspace);
    params.setCapabilities(caps);
    remote.initialize(params).get(10, TimeUnit.SECONDS);
    remote.initialized(new InitializedParams());
  }

  @AfterEach
  void disconnect() throws IOException {
    connection.close();
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

  private static List<Diagnostic> guardrailFindings(PublishDiagnosticsParams p) {
    return p.getDiagnostics().stream()
        .filter(d -> d.getCode().getLeft().equals("GUARDRAIL_VIOLATION"))
        .toList();
  }

  private Diagnostic awaitOneFinding(String uri) throws InterruptedException {
    PublishDiagnosticsParams p =
        client.await(x -> x.getUri().equals(uri) && guardrailFindings(x).size() == 1);
    return guardrailFindings(p).get(0);
  }

  private void awaitNoFinding(String uri) throws InterruptedException {
    client.await(
        x ->
            x.getUri().equals(uri)
                && !x.getDiagnostics().isEmpty()
                && guardrailFindings(x).isEmpty());
  }

  private void pushSettings(String section) {
    remote
        .getWorkspaceService()
        .didChangeConfiguration(
            new DidChangeConfigurationParams(
                JsonParser.parseString("{\"iamPolicy\": " + section + "}").getAsJsonObject()));
  }

  @Test
  void aGuardrailPushedInTheSettingsShowsOnTheGrantingAction() throws Exception {
    String uri = open("policies/admin.json", POLICY);
    awaitNoFinding(uri);

    pushSettings(
        "{\"guardrails\": [{\"name\": \"no-iam-users\", \"actions\": \"iam:CreateUser\","
            + " \"reason\": \"use Identity Center\"}],"
            + " \"checks\": {\"GUARDRAIL_VIOLATION\": \"ERROR\"}}");
    Diagnostic d = awaitOneFinding(uri);
    assertEquals(GRANTING_ACTION, d.getRange());
    assertEquals(DiagnosticSeverity.Error, d.getSeverity());
    assertEquals(
        "Grants iam:CreateUser on * which guardrail \"no-iam-users\" forbids (use Identity"
            + " Center).",
        d.getMessage().getLeft());

    // Scoped to other files: the finding goes away.
    pushSettings(
        "{\"guardrails\": [{\"name\": \"no-iam-users\", \"actions\": \"iam:CreateUser\","
            + " \"files\": \"prod/**\"}]}");
    awaitNoFinding(uri);
  }

  @Test
  void aGuardrailInTheConfigurationFileAppliesWhenTheFileChanges() throws Exception {
    String uri = open("policies/admin.json", POLICY);
    awaitNoFinding(uri);

    Path config = root.resolve(".iam-policy-ls.json");
    Files.writeString(
        config,
        "{\"guardrails\": [{\"name\": \"no-keys\", \"actions\": [\"iam:CreateAccessKey\"]}]}",
        StandardCharsets.UTF_8);
    remote
        .getWorkspaceService()
        .didChangeWatchedFiles(
            new DidChangeWatchedFilesParams(
                List.of(new FileEvent(config.toUri().toString(), FileChangeType.Changed))));
    Diagnostic d = awaitOneFinding(uri);
    assertEquals(GRANTING_ACTION, d.getRange());
    assertEquals(DiagnosticSeverity.Warning, d.getSeverity());
    assertTrue(
        d.getMessage().getLeft().startsWith("Grants iam:CreateAccessKey on * "),
        d.getMessage().getLeft());
  }

  @Test
  void aBadGuardrailIsAMistakeShownInTheOpenConfigurationFile() throws Exception {
    String text = "{\"guardrails\": [\n  {\"name\": \"x\", \"actions\": [\"CreateUser\"]}\n]}";
    String uri = open(".iam-policy-ls.json", text);
    PublishDiagnosticsParams p = client.await(x -> x.getUri().equals(uri));
    assertEquals(1, p.getDiagnostics().size(), p.toString());
    Diagnostic d = p.getDiagnostics().get(0);
    assertEquals("CONFIG_ERROR", d.getCode().getLeft());
    assertEquals(new Range(new Position(1, 28), new Position(1, 40)), d.getRange());
  }
}
