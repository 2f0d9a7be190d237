package dev.iampolicyls.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionContext;
import org.eclipse.lsp4j.CodeActionKind;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.Command;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.services.LanguageServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** textDocument/codeAction and relatedInformation through real JSON-RPC over pipes. */
class CodeActionProtocolTest {
  private static final String URI = "file:///work/deploy.json";

  private static final String POLICY =
      String.join(
          "\n",
          "{",
          "  \"Version\": \"2012-10-17\",",
          "  \"Statement\": [",
          "    {",
          "      \"Effect\": \"Allow\",",
          "      \"Action\": [\"iam:PassRole\", \"ec2:RunInstances\", \"s3:*\"],",
          "      \"Resource\": \"*\"",
          "    }",
          "  ]",
          "}");

  private PipedConnection<RecordingClient> connection;
  private RecordingClient client;
  private LanguageServer remote;

  @BeforeEach
  void connect() throws IOException {
    connection = PipedConnection.open();
    client = connection.client();
    remote = connection.remote();
  }

  @AfterEach
  void disconnect() throws IOException {
    connection.close();
  }

  private PublishDiagnosticsParams openPolicy() throws Exception {
    InitializeResult init = remote.initialize(new InitializeParams()).get(10, TimeUnit.SECONDS);
    assertEquals(
        List.of(CodeActionKind.QuickFix, CodeActionKind.RefactorRewrite),
        init.getCapabilities().getCodeActionProvider().getRight().getCodeActionKinds());
    remote.initialized(new InitializedParams());
    remote
        .getTextDocumentService()
        .didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(URI, "json", 1, POLICY)));
    return client.await(URI, 1);
  }

  private List<Either<Command, CodeAction>> codeActions(Range range, List<String> only)
      throws Exception {
    CodeActionContext context = new CodeActionContext(List.of());
    context.setOnly(only);
    return remote
        .getTextDocumentService()
        .codeAction(new CodeActionParams(new TextDocumentIdentifier(URI), range, context))
        .get(10, TimeUnit.SECONDS);
  }

  @Test
  void theEscalationDiagnosticPointsAtTheOtherAction() throws Exception {
    List<Diagnostic> escalations =
        openPolicy().getDiagnostics().stream()
            .filter(d -> "PRIVILEGE_ESCALATION".equals(d.getCode().getLeft()))
            .toList();
    assertEquals(1, escalations.size(), escalations.toString());
    Diagnostic passRole = escalations.get(0);
    assertEquals(new Range(new Position(5, 17), new Position(5, 31)), passRole.getRange());
    assertEquals(1, passRole.getRelatedInformation().size());
    var related = passRole.getRelatedInformation().get(0).getLocation();
    assertEquals(URI, related.getUri());
    assertEquals(new Range(new Position(5, 33), new Position(5, 51)), related.getRange());
  }

  @Test
  void serviceWildcardQuickFixEditsTheDocument() throws Exception {
    openPolicy();
    Range onWildcard = new Range(new Position(5, 55), new Position(5, 55));
    List<Either<Command, CodeAction>> actions = codeActions(onWildcard, null);
    CodeAction read =
        actions.stream()
            .map(Either::getRight)
            .filter(a -> a.getTitle().contains("Read actions"))
            .findFirst()
            .orElseThrow(() -> new AssertionError(actions.toString()));
    assertEquals(CodeActionKind.QuickFix, read.getKind());
    assertEquals("SERVICE_WILDCARD", read.getDiagnostics().get(0).getCode().getLeft());
    List<TextEdit> edits = read.getEdit().getChanges().get(URI);
    assertEquals(1, edits.size());
    assertEquals(new Range(new Position(5, 53), new Position(5, 59)), edits.get(0).getRange());
    assertTrue(
        edits
            .get(0)
            .getNewText()
            .startsWith("\"s3:AllowVendedLogDeliveryForResource\", \"s3:DescribeJob\", "),
        edits.get(0).getNewText());

    // Asking only for rewrites leaves the quick fixes out.
    assertTrue(
        codeActions(onWildcard, List.of(CodeActionKind.RefactorRewrite)).stream()
            .noneMatch(a -> CodeActionKind.QuickFix.equals(a.getRight().getKind())));
  }

  @Test
  void nothingOnPlainTokensOrUnknownDocuments() throws Exception {
    openPolicy();
    assertEquals(List.of(), codeActions(new Range(new Position(4, 8), new Position(4, 8)), null));
    var unknown =
        remote
            .getTextDocumentService()
            .codeAction(
                new CodeActionParams(
                    new TextDocumentIdentifier("file:///nowhere.json"),
                    new Range(new Position(0, 0), new Position(0, 0)),
                    new CodeActionContext(List.of())))
            .get(10, TimeUnit.SECONDS);
    assertEquals(List.of(), unknown);
  }
}
