package dev.iampolicyls.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DidChangeConfigurationParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.DidSaveTextDocumentParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.WorkspaceFolder;
import org.eclipse.lsp4j.services.LanguageServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A reference policy of the configuration file in the editor, read again when it is saved. */
class ReferencePolicyProtocolTest {
  private static final String CODE = "EXCEEDS_REFERENCE_POLICY";

  private static final String BASELINE =
      "{\"Version\": \"2012-10-17\", \"Statement\": [\n"
          + "  {\"Effect\": \"Allow\", \"Action\": \"s3:GetObject\", \"Resource\": \"arn:aws:s3:::data/*\"}\n"
          + "]}\n";

  /** The Sid "Write" on line 2, columns 10 to 17. */
  private static final String APP =
      "{\"Version\": \"2012-10-17\", \"Statement\": [\n"
          + "  {\"Effect\": \"Allow\", \"Action\": \"s3:GetObject\", \"Resource\": \"arn:aws:s3:::data/*\"},\n"
          + "  {\"Sid\": \"Write\", \"Effect\": \"Allow\", \"Action\": \"s3:PutObject\","
          + " \"Resource\": \"arn:aws:s3:::data/*\"}\n"
          + "]}\n";

  @TempDir Path root;

  private PipedConnection<RecordingClient> connection;
  private RecordingClient client;
  private LanguageServer remote;

  @BeforeEach
  void connect() throws Exception {
    write(".iam-policy-ls.json", "{\"referencePolicies\": [{\"file\": \"baseline.json\"}]}");
    write("baseline.json", BASELINE);
    connection = PipedConnection.open();
    client = connection.client();
    remote = connection.remote();
    InitializeParams params = new InitializeParams();
    params.setWorkspaceFolders(List.of(new WorkspaceFolder(root.toUri().toString(), "root")));
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

  private static List<Diagnostic> findings(PublishDiagnosticsParams p) {
    return p.getDiagnostics().stream().filter(d -> d.getCode().getLeft().equals(CODE)).toList();
  }

  @Test
  void theFindingFollowsTheReferenceWhenItIsSaved() throws Exception {
    String uri = write("apps/app.json", APP).toUri().toString();
    remote
        .getTextDocumentService()
        .didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(uri, "json", 1, APP)));
    PublishDiagnosticsParams first =
        client.await(p -> p.getUri().equals(uri) && findings(p).size() == 1);
    Diagnostic d = findings(first).get(0);
    assertEquals(new Range(new Position(2, 10), new Position(2, 17)), d.getRange());
    assertEquals(
        "Grants s3:PutObject on arn:aws:s3:::data/example with no condition keys, which reference policy"
            + " \"baseline.json\" does not.",
        d.getMessage().getLeft());

    Path baseline = write("baseline.json", BASELINE.replace("s3:GetObject", "s3:*Object"));
    remote
        .getTextDocumentService()
        .didSave(
            new DidSaveTextDocumentParams(new TextDocumentIdentifier(baseline.toUri().toString())));
    client.await(p -> p.getUri().equals(uri) && findings(p).isEmpty());

    // A reference in the editor's settings adds to the file's.
    write("strict.json", BASELINE.replace("s3:GetObject", "s3:ListBucket"));
    remote
        .getWorkspaceService()
        .didChangeConfiguration(
            new DidChangeConfigurationParams(
                JsonParser.parseString(
                        "{\"iamPolicy\": {\"referencePolicies\": [{\"file\": \"strict.json\","
                            + " \"reason\": \"list only\"}]}}")
                    .getAsJsonObject()));
    PublishDiagnosticsParams strict =
        client.await(p -> p.getUri().equals(uri) && findings(p).size() == 2);
    for (Diagnostic f : findings(strict)) {
      assertTrue(
          f.getMessage()
              .getLeft()
              .endsWith("reference policy \"strict.json\" (list only) does not."),
          f.getMessage().getLeft());
    }
  }
}
