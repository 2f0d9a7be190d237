package dev.iampolicyls.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.CodeLens;
import org.eclipse.lsp4j.CodeLensCapabilities;
import org.eclipse.lsp4j.CodeLensParams;
import org.eclipse.lsp4j.CodeLensWorkspaceCapabilities;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.DidSaveTextDocumentParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextDocumentClientCapabilities;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.WorkspaceClientCapabilities;
import org.eclipse.lsp4j.services.LanguageServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A {@code *.iamtest.json} document in the editor: failing cases and unusable policy files as
 * diagnostics, each case's decision as a code lens, the policy files read from disk beside it.
 */
class PolicyTestProtocolTest {
  private static final String POLICY =
      "{\"Version\": \"2012-10-17\", \"Statement\": [\n"
          + "  {\"Sid\": \"Read\", \"Effect\": \"Allow\", \"Action\": \"s3:GetObject\","
          + " \"Resource\": \"*\"},\n"
          + "  {\"Sid\": \"NoDelete\", \"Effect\": \"Deny\", \"Action\": \"s3:Delete*\","
          + " \"Resource\": \"*\"}\n"
          + "]}\n";

  /** Case names on lines 3, 5 and 7, from column 13. */
  private static final String TESTS =
      "{\n"
          + "  \"policies\": {\"identity\": \"policies/app.json\"},\n"
          + "  \"cases\": [\n"
          + "    {\"name\": \"reads\", \"action\": \"s3:GetObject\",\n"
          + "     \"resource\": \"arn:aws:s3:::b/k\", \"expect\": \"Allowed\"},\n"
          + "    {\"name\": \"deletes\", \"action\": \"s3:DeleteObject\",\n"
          + "     \"resource\": \"arn:aws:s3:::b/k\", \"expect\": \"Allowed\"},\n"
          + "    {\"name\": \"writes\", \"action\": \"s3:PutObject\",\n"
          + "     \"resource\": \"arn:aws:s3:::b/k\", \"expect\": \"Denied\"}\n"
          + "  ]\n"
          + "}\n";

  @TempDir Path root;

  /** Counts the server's requests to ask again for code lenses. */
  static final class RefreshingClient extends RecordingClient {
    final Semaphore lensRefreshes = new Semaphore(0);

    @Override
    public CompletableFuture<Void> refreshCodeLenses() {
      lensRefreshes.release();
      return CompletableFuture.completedFuture(null);
    }
  }

  private PipedConnection<RefreshingClient> connection;
  private RefreshingClient client;
  private LanguageServer remote;

  @BeforeEach
  void connect() throws Exception {
    connection = PipedConnection.open(new RefreshingClient());
    client = connection.client();
    remote = connection.remote();
    InitializeParams params = new InitializeParams();
    TextDocumentClientCapabilities text = new TextDocumentClientCapabilities();
    text.setCodeLens(new CodeLensCapabilities(false));
    ClientCapabilities caps = new ClientCapabilities();
    caps.setTextDocument(text);
    WorkspaceClientCapabilities workspace = new WorkspaceClientCapabilities();
    workspace.setCodeLens(new CodeLensWorkspaceCapabilities(true));
    caps.setWorkspace(workspace);
    params.setCapabilities(caps);
    remote.initialize(params).get(10, TimeUnit.SECONDS);
    remote.initialized(new InitializedParams());
  }

  @AfterEach
  void disconnect() throws IOException {
    connection.close();
  }

  private Path write(String relative, String text) throws IOException {
    Path file = root.resolve(relative);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text, StandardCharsets.UTF_8);
    return file;
  }

  private String open(String relative, String text) throws IOException {
    String uri = write(relative, text).toUri().toString();
    remote
        .getTextDocumentService()
        .didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(uri, "json", 1, text)));
    return uri;
  }

  private static Range name(int line, String name) {
    return new Range(new Position(line, 13), new Position(line, 15 + name.length()));
  }

  @Test
  void aFailingCaseIsADiagnosticOnItsNameAndEveryCaseHasItsDecisionAsALens() throws Exception {
    Path policy = write("policies/app.json", POLICY);
    String uri = open("app.iamtest.json", TESTS);

    PublishDiagnosticsParams published = client.await(uri, 1);
    assertEquals(1, published.getDiagnostics().size(), published.toString());
    Diagnostic failed = published.getDiagnostics().get(0);
    assertEquals("POLICY_TEST_FAILED", failed.getCode().getLeft());
    assertEquals(DiagnosticSeverity.Error, failed.getSeverity());
    assertEquals(name(5, "deletes"), failed.getRange());
    // The policy named as the test file names it: beside the test file, not by a long absolute
    // path.
    assertEquals(
        "\"deletes\": expected Allowed, got ExplicitDeny; policies/app.json:3 \"NoDelete\" an"
            + " explicit Deny applies",
        failed.getMessage().getLeft());

    List<? extends CodeLens> lenses =
        remote
            .getTextDocumentService()
            .codeLens(new CodeLensParams(new TextDocumentIdentifier(uri)))
            .get(10, TimeUnit.SECONDS);
    assertEquals(
        List.of("Allowed ✓", "ExplicitDeny ✗ expected Allowed", "ImplicitDeny ✓"),
        lenses.stream().map(l -> l.getCommand().getTitle()).toList());
    assertEquals(
        List.of(name(3, "reads"), name(5, "deletes"), name(7, "writes")),
        lenses.stream().map(CodeLens::getRange).toList());
  }

  @Test
  void aPolicyFileThatCannotBeReadIsADiagnosticOnItsReferenceAndNoCaseRuns() throws Exception {
    String uri = open("app.iamtest.json", TESTS);

    PublishDiagnosticsParams published = client.await(uri, 1);
    assertEquals(1, published.getDiagnostics().size(), published.toString());
    Diagnostic unreadable = published.getDiagnostics().get(0);
    assertEquals("POLICY_TEST_INVALID", unreadable.getCode().getLeft());
    // "policies/app.json" on line 1, with its quotes.
    assertEquals(new Range(new Position(1, 27), new Position(1, 46)), unreadable.getRange());
    assertTrue(
        unreadable.getMessage().getLeft().endsWith("policies/app.json: no such file"),
        unreadable.getMessage().getLeft());
    List<? extends CodeLens> lenses =
        remote
            .getTextDocumentService()
            .codeLens(new CodeLensParams(new TextDocumentIdentifier(uri)))
            .get(10, TimeUnit.SECONDS);
    assertEquals(List.of(), lenses);

    // Once the policy is written and saved, the open test file runs again.
    Path policy = write("policies/app.json", POLICY);
    remote
        .getTextDocumentService()
        .didSave(
            new DidSaveTextDocumentParams(new TextDocumentIdentifier(policy.toUri().toString())));
    PublishDiagnosticsParams rerun =
        client.await(
            p ->
                p.getUri().equals(uri)
                    && p.getDiagnostics().size() == 1
                    && p.getDiagnostics().get(0).getCode().getLeft().equals("POLICY_TEST_FAILED"));
    assertEquals(name(5, "deletes"), rerun.getDiagnostics().get(0).getRange());
    // The client is told to ask for the lenses again, and now gets every case's decision.
    assertTrue(client.lensRefreshes.tryAcquire(10, TimeUnit.SECONDS));
    List<? extends CodeLens> after =
        remote
            .getTextDocumentService()
            .codeLens(new CodeLensParams(new TextDocumentIdentifier(uri)))
            .get(10, TimeUnit.SECONDS);
    assertEquals(3, after.size());
  }

  @Test
  void anUnknownKeyAndABadExpectationAreMistakesAtTheirText() throws Exception {
    write("policies/app.json", POLICY);
    String uri =
        open(
            "typo.iamtest.json",
            TESTS
                .replace("\"expect\": \"Denied\"", "\"expect\": \"Deny\"")
                .replace("{\"name\": \"reads\"", "{\"nam\": \"reads\""));
    PublishDiagnosticsParams published = client.await(uri, 1);
    List<String> messages =
        published.getDiagnostics().stream().map(d -> d.getMessage().getLeft()).toList();
    assertEquals(
        List.of(
            "unknown key \"nam\": expected one of [action, context, expect, name, principal,"
                + " resource, resourceAccount]",
            "expect must be Allowed, Denied, ImplicitDeny or ExplicitDeny, not 'Deny'",
            "\"deletes\": expected Allowed, got ExplicitDeny; policies/app.json:3 \"NoDelete\" an"
                + " explicit Deny applies"),
        messages);
    assertEquals(
        new Range(new Position(3, 5), new Position(3, 10)),
        published.getDiagnostics().get(0).getRange());
    assertEquals(
        new Range(new Position(8, 47), new Position(8, 53)),
        published.getDiagnostics().get(1).getRange());
  }
}
