package dev.iampolicyls.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.iampolicyls.catalog.Catalog;
import dev.iampolicyls.service.PolicyLanguageService;
import java.io.IOException;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.CodeActionContext;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.DocumentSymbolParams;
import org.eclipse.lsp4j.FoldingRangeCapabilities;
import org.eclipse.lsp4j.FoldingRangeRequestParams;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.SelectionRangeCapabilities;
import org.eclipse.lsp4j.SelectionRangeParams;
import org.eclipse.lsp4j.TextDocumentClientCapabilities;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.eclipse.lsp4j.services.LanguageServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Every request takes one path: a failing engine answers with nothing rather than an error, a
 * document past the size limits gets nothing, and a check run whose version went out of date stops
 * without publishing.
 */
class RequestPathProtocolTest {
  private static final String URI = "file:///work/path.json";
  private static final String POLICY =
      "{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"Allow\","
          + " \"Action\": \"s3:Get*\", \"Resource\": \"*\"}]}";

  private PipedConnection<RecordingClient> connection;

  @AfterEach
  void disconnect() throws IOException {
    if (connection != null) {
      connection.close();
    }
  }

  private LanguageServer start(PolicyLanguageService service) throws Exception {
    connection = PipedConnection.open(service, new RecordingClient());
    LanguageServer remote = connection.remote();
    TextDocumentClientCapabilities text = new TextDocumentClientCapabilities();
    text.setFoldingRange(new FoldingRangeCapabilities());
    text.setSelectionRange(new SelectionRangeCapabilities());
    ClientCapabilities caps = new ClientCapabilities();
    caps.setTextDocument(text);
    InitializeParams params = new InitializeParams();
    params.setCapabilities(caps);
    remote.initialize(params).get(10, TimeUnit.SECONDS);
    remote.initialized(new InitializedParams());
    return remote;
  }

  private static void open(LanguageServer remote, String text) {
    remote
        .getTextDocumentService()
        .didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(URI, "json", 1, text)));
  }

  private static <T> T answer(CompletableFuture<T> request) throws Exception {
    return request.get(10, TimeUnit.SECONDS); // an error response would throw here
  }

  @Test
  void aFailingEngineAnswersWithNothingNotAnError() throws Exception {
    // Every engine needs the catalog: here it cannot be loaded.
    LanguageServer remote =
        start(
            new PolicyLanguageService(
                () -> {
                  throw new IllegalStateException("the catalog cannot be read");
                }));
    open(remote, POLICY);
    var documents = remote.getTextDocumentService();
    TextDocumentIdentifier doc = new TextDocumentIdentifier(URI);
    Position inAction = new Position(0, POLICY.indexOf("s3:Get") + 2);
    assertNull(answer(documents.hover(new HoverParams(doc, inAction))));
    assertEquals(
        List.of(),
        answer(documents.completion(new CompletionParams(doc, inAction))).getRight().getItems());
    Range all = new Range(new Position(0, 0), new Position(0, POLICY.length()));
    assertEquals(
        List.of(),
        answer(
            documents.codeAction(
                new CodeActionParams(doc, all, new CodeActionContext(List.of())))));
    assertEquals(List.of(), answer(documents.documentSymbol(new DocumentSymbolParams(doc))));
    // The JSON features need no catalog: they still work.
    assertEquals(
        1,
        answer(documents.selectionRange(new SelectionRangeParams(doc, List.of(inAction)))).size());
  }

  @Test
  void aDocumentPastTheSizeLimitsGetsNoFoldsNorSelections() throws Exception {
    LanguageServer remote = start(new PolicyLanguageService(Catalog.bundled()));
    String tooMany =
        "{\"Statement\": [\n"
            + String.join(",\n", Collections.nCopies(PolicyLanguageService.MAX_VALUES, "[1]"))
            + "\n]}";
    open(remote, tooMany);
    var documents = remote.getTextDocumentService();
    TextDocumentIdentifier doc = new TextDocumentIdentifier(URI);
    assertEquals(List.of(), answer(documents.foldingRange(new FoldingRangeRequestParams(doc))));
    Position inside = new Position(5, 1);
    var selections =
        answer(documents.selectionRange(new SelectionRangeParams(doc, List.of(inside))));
    // One answer per position, as LSP wants, but only the empty range at the position itself.
    assertEquals(1, selections.size());
    assertEquals(new Range(inside, inside), selections.get(0).getRange());
    assertNull(selections.get(0).getParent());
  }

  @Test
  void aRunWhoseVersionWentOutOfDateStopsAndOnlyTheLastIsPublished() throws Exception {
    LanguageServer remote = start(new PolicyLanguageService(Catalog.bundled()));
    RecordingClient client = connection.client();
    PolicyTextDocumentService documents = connection.server().documents();
    open(remote, POLICY);
    client.await(URI, 1);

    CompletableFuture<Void> secondStarted = new CompletableFuture<>();
    CountDownLatch newerVersionsSent = new CountDownLatch(1);
    List<Integer> stopped = new CopyOnWriteArrayList<>();
    List<Integer> started = new CopyOnWriteArrayList<>();
    documents
        .diagnostics()
        .listen(
            new DiagnosticsScheduler.RunListener() {
              @Override
              public void started(DocumentSnapshot snapshot) {
                started.add(snapshot.version());
                if (snapshot.version() == 2) {
                  // Hold the run for version 2 until the user has typed on.
                  secondStarted.complete(null);
                  try {
                    newerVersionsSent.await(10, TimeUnit.SECONDS);
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                  }
                }
              }

              @Override
              public void stopped(DocumentSnapshot snapshot) {
                stopped.add(snapshot.version());
              }
            });
    List<Integer> published = new CopyOnWriteArrayList<>();
    change(remote, 2);
    secondStarted.get(10, TimeUnit.SECONDS);
    change(remote, 3);
    change(remote, 4);
    while (!Integer.valueOf(4).equals(documents.currentVersion(URI))) {
      Thread.sleep(2); // the server has not read version 4 yet
    }
    newerVersionsSent.countDown();

    PublishDiagnosticsParams last =
        client.await(
            p -> {
              published.add(p.getVersion());
              return p.getVersion() == 4;
            });
    assertTrue(last.getDiagnostics().size() > 0, "version 4 is checked in full");
    assertEquals(List.of(4), published, "versions 2 and 3 are never published");
    assertEquals(List.of(2), stopped, "the run for version 2 stopped");
    // Version 3 was replaced while it waited behind version 2: its run never started.
    assertEquals(List.of(2, 4), started);
  }

  private static void change(LanguageServer remote, int version) {
    remote
        .getTextDocumentService()
        .didChange(
            new DidChangeTextDocumentParams(
                new VersionedTextDocumentIdentifier(URI, version),
                List.of(new TextDocumentContentChangeEvent(POLICY + " ".repeat(version)))));
  }
}
