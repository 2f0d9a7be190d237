package dev.iampolicyls.lsp;

import static org.junit.jupiter.api.Assertions.*;

import dev.iampolicyls.catalog.Catalog;
import dev.iampolicyls.service.PolicyLanguageService;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Calls the document service directly, so the client sees each publication at the moment it is sent
 * and can compare it with the server's current version right then.
 */
class StaleVersionTest {
  private static final String URI = "file:///stale.json";
  // Large enough that checking takes a while, so edits arrive while a check is running.
  private static final String STATEMENTS =
      String.join(
          ",",
          java.util.Collections.nCopies(
              400,
              "{\"Effect\": \"Allow\", \"Action\": \"s3:Get*\","
                  + " \"Resource\": \"arn:aws:s3:::b/*\"}"));
  private static final String VALID =
      "{\"Version\": \"2012-10-17\", \"Statement\": [" + STATEMENTS + "]}";
  private static final String BROKEN =
      "{\"Version\": \"2012-10-17\", \"Statement\": [" + STATEMENTS + ",]}";

  @ParameterizedTest
  @ValueSource(longs = {0, 3})
  void neverPublishesAnOutdatedVersion(long debounceMillis) throws Exception {
    PolicyLanguageServer server =
        new PolicyLanguageServer(new PolicyLanguageService(Catalog.bundled()), debounceMillis);
    PolicyTextDocumentService docs = server.documents();
    List<String> violations = new CopyOnWriteArrayList<>();
    List<Integer> versions = new CopyOnWriteArrayList<>();
    RecordingClient client =
        new RecordingClient() {
          @Override
          public void publishDiagnostics(PublishDiagnosticsParams params) {
            Integer current = docs.currentVersion(params.getUri());
            if (!params.getVersion().equals(current)) {
              violations.add("published " + params.getVersion() + " while at " + current);
            }
            versions.add(params.getVersion());
            super.publishDiagnostics(params);
          }
        };
    server.connect(client);
    docs.didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(URI, "json", 1, BROKEN)));
    int last = 300;
    for (int v = 2; v <= last; v++) {
      String text = v % 2 == 0 ? VALID : BROKEN;
      docs.didChange(
          new DidChangeTextDocumentParams(
              new VersionedTextDocumentIdentifier(URI, v),
              List.of(new TextDocumentContentChangeEvent(text))));
    }
    PublishDiagnosticsParams final_ = client.await(URI, last);
    // The valid version has no syntax error; being big and repetitive, it has other findings.
    assertEquals(
        List.of(),
        final_.getDiagnostics().stream()
            .filter(d -> d.getCode().getLeft().equals("JSON_SYNTAX_ERROR"))
            .toList(),
        "the last version is the valid one");

    assertEquals(List.of(), violations);
    int previous = 0;
    for (int v : versions) {
      assertTrue(v > previous, "versions only grow: " + versions);
      previous = v;
    }
    server.shutdown();
  }
}
