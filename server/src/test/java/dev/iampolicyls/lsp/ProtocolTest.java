package dev.iampolicyls.lsp;

import static org.junit.jupiter.api.Assertions.*;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionList;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.DidChangeConfigurationParams;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidCloseTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.DocumentHighlightParams;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.MarkupKind;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.TextDocumentSyncKind;
import org.eclipse.lsp4j.TextDocumentSyncOptions;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseError;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;
import org.eclipse.lsp4j.services.LanguageServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A real client and the server talking JSON-RPC through in-process pipes. */
class ProtocolTest {
  private static final String POLICY_URI = "file:///work/policy.json";

  /** Missing Effect in the statement and a trailing comma after Resource. */
  private static final String BROKEN_POLICY =
      String.join(
          "\n",
          "{",
          "  \"Version\": \"2012-10-17\",",
          "  \"Statement\": [",
          "    {",
          "      \"Action\": \"s3:ListBucket\",",
          "      \"Resource\": \"*\",",
          "    }",
          "  ]",
          "}");

  private PipedConnection<RecordingClient> connection;
  private PolicyLanguageServer server;
  private RecordingClient client;
  private LanguageServer remote;

  @BeforeEach
  void connect() throws IOException {
    connection = PipedConnection.open();
    server = connection.server();
    client = connection.client();
    remote = connection.remote();
  }

  @AfterEach
  void disconnect() throws IOException {
    connection.close();
  }

  private InitializeResult initialize() throws Exception {
    InitializeResult result = remote.initialize(new InitializeParams()).get(10, TimeUnit.SECONDS);
    remote.initialized(new InitializedParams());
    return result;
  }

  private void open(String uri, String text, int version) {
    remote
        .getTextDocumentService()
        .didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(uri, "json", version, text)));
  }

  private void change(String uri, int version, TextDocumentContentChangeEvent... changes) {
    remote
        .getTextDocumentService()
        .didChange(
            new DidChangeTextDocumentParams(
                new VersionedTextDocumentIdentifier(uri, version), List.of(changes)));
  }

  private static TextDocumentContentChangeEvent edit(int l1, int c1, int l2, int c2, String text) {
    return new TextDocumentContentChangeEvent(
        new Range(new Position(l1, c1), new Position(l2, c2)), text);
  }

  private static Diagnostic withCode(PublishDiagnosticsParams p, String code) {
    return p.getDiagnostics().stream()
        .filter(d -> code.equals(d.getCode().getLeft()))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + code + " in " + p.getDiagnostics()));
  }

  @Test
  void advertisesSyncCompletionAndHover() throws Exception {
    InitializeResult result = initialize();
    TextDocumentSyncOptions sync = result.getCapabilities().getTextDocumentSync().getRight();
    assertEquals(TextDocumentSyncKind.Incremental, sync.getChange());
    assertEquals(Boolean.TRUE, sync.getOpenClose());
    assertEquals(
        List.of("\"", ":", "{"),
        result.getCapabilities().getCompletionProvider().getTriggerCharacters());
    assertEquals("iam-policy-ls", result.getServerInfo().getName());
  }

  @Test
  void diagnosesABrokenPolicyAndClearsThemWhenFixedAndClosed() throws Exception {
    initialize();
    open(POLICY_URI, BROKEN_POLICY, 1);

    PublishDiagnosticsParams first = client.await(POLICY_URI, 1);
    assertEquals(
        List.of("JSON_SYNTAX_ERROR", "MISSING_EFFECT"),
        first.getDiagnostics().stream().map(d -> d.getCode().getLeft()).sorted().toList());
    Diagnostic comma = withCode(first, "JSON_SYNTAX_ERROR");
    assertEquals(new Range(new Position(5, 21), new Position(5, 22)), comma.getRange());
    assertEquals(DiagnosticSeverity.Error, comma.getSeverity());
    assertEquals("iam-policy-ls", comma.getSource());
    Diagnostic effect = withCode(first, "MISSING_EFFECT");
    // The statement's brace stands alone on its line: its first key is marked.
    assertEquals(new Range(new Position(4, 6), new Position(4, 14)), effect.getRange());
    assertTrue(
        effect.getCodeDescription().getHref().endsWith("-error-missing-effect"),
        effect.getCodeDescription().getHref());

    // One didChange, two edits applied in order: drop the comma, then add the Effect.
    change(POLICY_URI, 2, edit(5, 21, 5, 22, ""), edit(4, 6, 4, 6, "\"Effect\": \"Allow\", "));
    PublishDiagnosticsParams fixed = client.await(POLICY_URI, 2);
    assertEquals(List.of(), fixed.getDiagnostics());

    remote.getTextDocumentService().didClose(new DidCloseTextDocumentParams(id(POLICY_URI)));
    PublishDiagnosticsParams closed = client.await(POLICY_URI, null);
    assertEquals(List.of(), closed.getDiagnostics());
  }

  @Test
  void clearsDiagnosticsOnCloseEvenWhileBroken() throws Exception {
    initialize();
    open(POLICY_URI, BROKEN_POLICY, 1);
    assertFalse(client.await(POLICY_URI, 1).getDiagnostics().isEmpty());
    remote.getTextDocumentService().didClose(new DidCloseTextDocumentParams(id(POLICY_URI)));
    assertEquals(List.of(), client.await(POLICY_URI, null).getDiagnostics());
  }

  @Test
  void otherJsonStaysSilentEvenWithSyntaxErrors() throws Exception {
    initialize();
    String uri = "file:///work/package.json";
    open(uri, "{\n  \"name\": \"x\",\n  \"version\": \"1.0.0\",\n  \"scripts\": {},\n}", 1);
    assertEquals(List.of(), client.await(uri, 1).getDiagnostics());
  }

  @Test
  void aPolicyThatBreaksGetsItsSyntaxErrors() throws Exception {
    initialize();
    String ok =
        "{\"Version\": \"2012-10-17\", \"Statement\": "
            + "{\"Effect\": \"Allow\", \"Action\": \"s3:ListBucket\", \"Resource\": \"*\"}}";
    open(POLICY_URI, ok, 1);
    assertEquals(List.of(), client.await(POLICY_URI, 1).getDiagnostics());
    change(POLICY_URI, 2, edit(0, ok.length() - 1, 0, ok.length(), "")); // drop the last brace
    PublishDiagnosticsParams broken = client.await(POLICY_URI, 2);
    withCode(broken, "JSON_SYNTAX_ERROR");
  }

  @Test
  void rapidChangesEndWithTheLatestVersionAndNeverGoBackwards() throws Exception {
    initialize();
    open(POLICY_URI, BROKEN_POLICY, 1);
    int last = 60;
    for (int v = 2; v <= last; v++) {
      // Alternate between adding and removing the trailing comma.
      change(POLICY_URI, v, v % 2 == 0 ? edit(5, 21, 5, 22, "") : edit(5, 21, 5, 21, ","));
    }
    int previous = 0;
    while (true) {
      PublishDiagnosticsParams p = client.await(x -> x.getUri().equals(POLICY_URI));
      assertTrue(p.getVersion() > previous, "versions only grow: " + p.getVersion());
      previous = p.getVersion();
      if (p.getVersion() == last) {
        // Even versions have the comma removed: only the Effect is missing.
        assertEquals(
            List.of("MISSING_EFFECT"),
            p.getDiagnostics().stream().map(d -> d.getCode().getLeft()).toList());
        break;
      }
    }
  }

  @Test
  void unknownMethodsSettingsAndDocumentsNeverBreakTheSession() throws Exception {
    initialize();
    // Unknown request: an error response without a stack trace.
    ExecutionException unknown =
        assertThrows(
            ExecutionException.class,
            () ->
                connection
                    .remoteEndpoint()
                    .request("custom/unknown", null)
                    .get(10, TimeUnit.SECONDS));
    assertEquals(
        ResponseErrorCode.MethodNotFound.getValue(),
        ((ResponseErrorException) unknown.getCause()).getResponseError().getCode());

    // A request LSP knows but we do not serve.
    ExecutionException unserved =
        assertThrows(
            ExecutionException.class,
            () ->
                remote
                    .getTextDocumentService()
                    .documentHighlight(
                        new DocumentHighlightParams(id("file:///nowhere.json"), new Position(0, 0)))
                    .get(10, TimeUnit.SECONDS));
    ResponseError error = ((ResponseErrorException) unserved.getCause()).getResponseError();
    assertEquals(ResponseErrorCode.MethodNotFound.getValue(), error.getCode());
    assertNull(error.getData(), "no stack trace goes to the client");

    // Unknown notifications, settings and changes to unopened documents are ignored.
    connection.remoteEndpoint().notify("custom/notify", Map.of("x", 1));
    JsonObject settings = new JsonObject();
    settings.addProperty("iamPolicy.whatever", true);
    remote.getWorkspaceService().didChangeConfiguration(new DidChangeConfigurationParams(settings));
    change("file:///not-open.json", 5, edit(0, 0, 0, 0, "x"));
    remote.getTextDocumentService().didClose(new DidCloseTextDocumentParams(id("file:///x.json")));

    // The server still works.
    open(POLICY_URI, BROKEN_POLICY, 1);
    assertFalse(client.await(POLICY_URI, 1).getDiagnostics().isEmpty());
  }

  @Test
  void completesAnActionReplacingTheWholeString() throws Exception {
    initialize();
    String text = "{\"Statement\": {\"Effect\": \"Allow\",\n  \"Action\": \"s3:GetObj\"}}";
    open(POLICY_URI, text, 1);
    CompletionList list =
        remote
            .getTextDocumentService()
            .completion(new CompletionParams(id(POLICY_URI), new Position(1, 20)))
            .get(10, TimeUnit.SECONDS)
            .getRight();
    CompletionItem item =
        list.getItems().stream()
            .filter(i -> i.getLabel().equals("s3:GetObject"))
            .findFirst()
            .orElseThrow();
    TextEdit edit = item.getTextEdit().getLeft();
    assertEquals(new Range(new Position(1, 12), new Position(1, 23)), edit.getRange());
    assertEquals("\"s3:GetObject\"", edit.getNewText());
  }

  @Test
  void hoverExplainsWhatIsUnderThePointerAsMarkdown() throws Exception {
    InitializeResult result = initialize();
    assertEquals(Boolean.TRUE, result.getCapabilities().getHoverProvider().getLeft());
    open(POLICY_URI, BROKEN_POLICY, 1);

    // Line 4 is `      "Action": "s3:ListBucket",`; the pointer rests inside the action.
    Hover hover =
        remote
            .getTextDocumentService()
            .hover(new HoverParams(id(POLICY_URI), new Position(4, 22)))
            .get(10, TimeUnit.SECONDS);
    assertEquals(MarkupKind.MARKDOWN, hover.getContents().getRight().getKind());
    assertTrue(hover.getContents().getRight().getValue().contains("List"));
    assertEquals(new Range(new Position(4, 16), new Position(4, 31)), hover.getRange());

    // Whitespace, and documents that are not open: no hover, and no error.
    assertNull(
        remote
            .getTextDocumentService()
            .hover(new HoverParams(id(POLICY_URI), new Position(4, 1)))
            .get(10, TimeUnit.SECONDS));
    assertNull(
        remote
            .getTextDocumentService()
            .hover(new HoverParams(id("file:///nowhere.json"), new Position(0, 0)))
            .get(10, TimeUnit.SECONDS));
  }

  @Test
  void exitAfterShutdownIsCodeZero() throws Exception {
    initialize();
    assertNull(remote.shutdown().get(10, TimeUnit.SECONDS));
    remote.exit();
    assertEquals(0, server.exitCode().get(10, TimeUnit.SECONDS));
  }

  @Test
  void exitWithoutShutdownIsCodeOne() throws Exception {
    initialize();
    remote.exit();
    assertEquals(1, server.exitCode().get(10, TimeUnit.SECONDS));
  }

  private static TextDocumentIdentifier id(String uri) {
    return new TextDocumentIdentifier(uri);
  }
}
