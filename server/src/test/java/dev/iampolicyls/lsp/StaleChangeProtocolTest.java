package dev.iampolicyls.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.eclipse.lsp4j.services.LanguageServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A didChange whose version is not newer than the document's is dropped, over the stream-wired
 * protocol: applying its edits to newer text would corrupt the document.
 */
class StaleChangeProtocolTest {
  private static final String URI = "file:///work/stale-change.json";
  private static final String VALID =
      "{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"Allow\","
          + " \"Action\": \"s3:GetObject\", \"Resource\": \"arn:aws:s3:::b/*\"}]}";

  private PipedConnection<RecordingClient> connection;
  private PolicyLanguageServer server;
  private RecordingClient client;
  private LanguageServer remote;

  @BeforeEach
  void connect() throws Exception {
    connection = PipedConnection.open();
    server = connection.server();
    client = connection.client();
    remote = connection.remote();
    remote.initialize(new InitializeParams()).get(10, TimeUnit.SECONDS);
    remote.initialized(new InitializedParams());
  }

  @AfterEach
  void disconnect() throws IOException {
    connection.close();
  }

  private void change(int version, TextDocumentContentChangeEvent change) {
    remote
        .getTextDocumentService()
        .didChange(
            new DidChangeTextDocumentParams(
                new VersionedTextDocumentIdentifier(URI, version), List.of(change)));
  }

  private static TextDocumentContentChangeEvent insert(int character, String text) {
    Position at = new Position(0, character);
    return new TextDocumentContentChangeEvent(new Range(at, at), text);
  }

  private List<String> syntaxErrors(PublishDiagnosticsParams published) {
    return published.getDiagnostics().stream()
        .map(d -> d.getCode().getLeft())
        .filter(code -> code.equals("JSON_SYNTAX_ERROR"))
        .toList();
  }

  @Test
  void changesWithAnOldOrTheSameVersionAreNotApplied() throws Exception {
    remote
        .getTextDocumentService()
        .didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(URI, "json", 5, VALID)));
    client.await(URI, 5);
    change(6, new TextDocumentContentChangeEvent(VALID));
    assertEquals(List.of(), syntaxErrors(client.await(URI, 6)));
    // Each of these would break the text; none may be applied.
    change(6, new TextDocumentContentChangeEvent("{\"Statement\": [")); // same version
    change(3, insert(0, "}}}")); // older
    change(-1, insert(1, ",,")); // nonsense
    change(7, insert(0, " ")); // the next real edit
    PublishDiagnosticsParams last = client.await(URI, 7);
    assertEquals(List.of(), syntaxErrors(last), "only versions 6 and 7 applied");
    assertEquals(7, server.documents().currentVersion(URI));
  }
}
