package dev.iampolicyls.lsp;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.CodeActionContext;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidCloseTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.eclipse.lsp4j.services.LanguageServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A careless or hostile client over the stream-wired protocol: requests for documents it never
 * opened, positions past the end, changes with stale versions or nonsense ranges, a burst of a
 * thousand edits, cancelled requests. The server answers each, keeps serving, and forgets a
 * document once it is closed.
 */
class HostileClientProtocolTest {
  private static final String URI = "file:///work/hostile.json";
  private static final String POLICY =
      "{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [\n    {\n      \"Effect\": \"Allow\",\n"
          + "      \"Action\": \"s3:GetObject\",\n      \"Resource\": \"*\"\n    }\n  ]\n}\n";

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

  private void open(String text, int version) {
    remote
        .getTextDocumentService()
        .didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(URI, "json", version, text)));
  }

  private void change(int version, TextDocumentContentChangeEvent... changes) {
    remote
        .getTextDocumentService()
        .didChange(
            new DidChangeTextDocumentParams(
                new VersionedTextDocumentIdentifier(URI, version), List.of(changes)));
  }

  private static TextDocumentContentChangeEvent edit(int l1, int c1, int l2, int c2, String t) {
    return new TextDocumentContentChangeEvent(
        new Range(new Position(l1, c1), new Position(l2, c2)), t);
  }

  /** Hover, completion and code actions at a position; each must answer, not fail. */
  private void askEverything(String uri, Position p) throws Exception {
    TextDocumentIdentifier id = new TextDocumentIdentifier(uri);
    var service = remote.getTextDocumentService();
    service.hover(new HoverParams(id, p)).get(10, TimeUnit.SECONDS);
    service.completion(new CompletionParams(id, p)).get(10, TimeUnit.SECONDS);
    service
        .codeAction(new CodeActionParams(id, new Range(p, p), new CodeActionContext(List.of())))
        .get(10, TimeUnit.SECONDS);
  }

  @Test
  void requestsForDocumentsNeverOpenedGetEmptyAnswers() throws Exception {
    askEverything("file:///work/never-opened.json", new Position(0, 0));
    askEverything("not a uri at all", new Position(3, 4));
    change(5, edit(0, 0, 0, 0, "x")); // a change to a closed document is ignored
    assertNull(server.documents().currentVersion(URI));
  }

  @Test
  void positionsPastTheEndAreClamped() throws Exception {
    open(POLICY, 1);
    client.await(URI, 1);
    for (Position p :
        List.of(
            new Position(9_999, 0),
            new Position(0, 9_999),
            new Position(-1, -1),
            new Position(4, Integer.MAX_VALUE),
            new Position(Integer.MAX_VALUE, Integer.MAX_VALUE))) {
      askEverything(URI, p);
    }
  }

  @Test
  void nonsenseRangesAndStaleVersionsDoNotBreakTheDocument() throws Exception {
    open(POLICY, 10);
    client.await(URI, 10);
    change(11, edit(5, 20, 2, 3, "")); // reversed
    change(12, edit(-4, -4, 999, 999, "{")); // out of range on both sides
    change(13, edit(0, 0, 0, 1, "["), edit(0, 0, 0, 1, "{")); // overlapping, applied in order
    change(4, edit(0, 0, 0, 0, " ")); // stale version
    change(15, new TextDocumentContentChangeEvent()); // neither range nor text
    askEverything(URI, new Position(0, 1));
    change(16, new TextDocumentContentChangeEvent(POLICY));
    PublishDiagnosticsParams last = client.await(URI, 16);
    assertTrue(
        last.getDiagnostics().stream()
            .noneMatch(d -> d.getCode().getLeft().equals("JSON_SYNTAX_ERROR")),
        "a full change repairs the text");
  }

  @Test
  void aThousandRapidEditsEndInOnePublicationOfTheLastVersionAndCloseForgetsThem()
      throws Exception {
    open(POLICY, 1);
    client.await(URI, 1);
    // Type then delete a character on the Sid-free statement line, a thousand times.
    int last = 1001;
    for (int v = 2; v <= last; v++) {
      change(v, v % 2 == 0 ? edit(4, 5, 4, 5, "x") : edit(4, 5, 4, 6, ""));
    }
    PublishDiagnosticsParams published = client.await(URI, last);
    assertTrue(
        published.getDiagnostics().stream()
            .noneMatch(d -> d.getCode().getLeft().equals("JSON_SYNTAX_ERROR")));
    assertEquals(last, server.documents().currentVersion(URI));
    remote
        .getTextDocumentService()
        .didClose(new DidCloseTextDocumentParams(new TextDocumentIdentifier(URI)));
    PublishDiagnosticsParams cleared = client.await(p -> p.getDiagnostics().isEmpty());
    assertEquals(URI, cleared.getUri());
    assertNull(server.documents().currentVersion(URI), "nothing of the document is kept");
  }

  @Test
  void cancelledRequestsLeaveTheServerServing() throws Exception {
    open(POLICY, 1);
    client.await(URI, 1);
    TextDocumentIdentifier id = new TextDocumentIdentifier(URI);
    var service = remote.getTextDocumentService();
    for (int i = 0; i < 50; i++) {
      Position p = new Position(i % 10, i % 12);
      CompletableFuture<?> completion = service.completion(new CompletionParams(id, p));
      CompletableFuture<?> hover = service.hover(new HoverParams(id, p));
      CompletableFuture<?> actions =
          service.codeAction(
              new CodeActionParams(id, new Range(p, p), new CodeActionContext(List.of())));
      completion.cancel(true);
      hover.cancel(true);
      actions.cancel(true);
    }
    askEverything(URI, new Position(5, 18));
    assertTrue(server.exitCode().isDone() == false, "still serving");
  }
}
