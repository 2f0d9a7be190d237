package dev.iampolicyls.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionContext;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.CodeLens;
import org.eclipse.lsp4j.CodeLensParams;
import org.eclipse.lsp4j.Command;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.DocumentSymbol;
import org.eclipse.lsp4j.DocumentSymbolCapabilities;
import org.eclipse.lsp4j.DocumentSymbolParams;
import org.eclipse.lsp4j.FoldingRange;
import org.eclipse.lsp4j.FoldingRangeRequestParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.InlayHint;
import org.eclipse.lsp4j.InlayHintParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.SelectionRange;
import org.eclipse.lsp4j.SelectionRangeParams;
import org.eclipse.lsp4j.SymbolKind;
import org.eclipse.lsp4j.TextDocumentClientCapabilities;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.services.LanguageServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A YAML template through real JSON-RPC: outline (resource, policy, statements), inlay hints, code
 * lenses, folding and selection ranges, and a quick fix whose edit is YAML, all in the template's
 * positions.
 */
class TemplateEditorFeaturesProtocolTest {
  private static final String URI = "file:///stack/template.yaml";

  private static final String TEMPLATE =
      String.join(
          "\n",
          "AWSTemplateFormatVersion: '2010-09-09'", // 0
          "Resources:", // 1
          "  AppRole:", // 2
          "    Type: AWS::IAM::Role", // 3
          "    Properties:", // 4
          "      AssumeRolePolicyDocument:", // 5
          "        Version: '2012-10-17'", // 6
          "        Statement:", // 7
          "          - Effect: Allow", // 8
          "            Principal: {Service: lambda.amazonaws.com}", // 9
          "            Action: sts:AssumeRole", // 10
          "      Policies:", // 11
          "        - PolicyName: read", // 12
          "          PolicyDocument:", // 13
          "            Version: '2012-10-17'", // 14
          "            Statement:", // 15
          "              - Sid: ReadObjects", // 16
          "                Effect: Allow", // 17
          "                Action:", // 18
          "                  - s3:GetObjekt", // 19
          "                  - s3:List*", // 20
          "                Resource: arn:aws:s3:::bucket/*", // 21
          "  Queue:", // 22
          "    Type: AWS::SQS::Queue", // 23
          "");

  private PipedConnection<RecordingClient> connection;
  private LanguageServer remote;

  @BeforeEach
  void connect() throws IOException {
    connection = PipedConnection.open();
    remote = connection.remote();
  }

  @AfterEach
  void disconnect() throws IOException {
    connection.close();
  }

  private PublishDiagnosticsParams open() throws Exception {
    TextDocumentClientCapabilities text = new TextDocumentClientCapabilities();
    DocumentSymbolCapabilities symbols = new DocumentSymbolCapabilities();
    symbols.setHierarchicalDocumentSymbolSupport(true);
    text.setDocumentSymbol(symbols);
    ClientCapabilities caps = new ClientCapabilities();
    caps.setTextDocument(text);
    InitializeParams params = new InitializeParams();
    params.setCapabilities(caps);
    remote.initialize(params).get(10, TimeUnit.SECONDS);
    remote.initialized(new InitializedParams());
    remote
        .getTextDocumentService()
        .didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(URI, "yaml", 1, TEMPLATE)));
    return connection.client().await(URI, 1);
  }

  private TextDocumentIdentifier doc() {
    return new TextDocumentIdentifier(URI);
  }

  private static Range range(int line, int from, int toLine, int to) {
    return new Range(new Position(line, from), new Position(toLine, to));
  }

  @Test
  void outlineGoesFromResourceToPolicyToStatement() throws Exception {
    open();
    List<DocumentSymbol> resources =
        remote
            .getTextDocumentService()
            .documentSymbol(new DocumentSymbolParams(doc()))
            .get(10, TimeUnit.SECONDS)
            .stream()
            .map(Either::getRight)
            .toList();
    assertEquals(1, resources.size(), resources.toString());
    DocumentSymbol role = resources.get(0);
    assertEquals("AppRole", role.getName());
    assertEquals(SymbolKind.Class, role.getKind());
    assertEquals(range(2, 2, 2, 9), role.getSelectionRange());
    List<String> policies = role.getChildren().stream().map(DocumentSymbol::getName).toList();
    assertEquals(List.of("AssumeRolePolicyDocument", "Policies/read"), policies);
    DocumentSymbol read = role.getChildren().get(1);
    assertEquals(SymbolKind.Namespace, read.getKind());
    assertEquals(14, read.getRange().getStart().getLine());
    DocumentSymbol statement = read.getChildren().get(0);
    assertEquals("ReadObjects", statement.getName());
    assertEquals(range(16, 16, 21, 47), statement.getRange());
    assertEquals(
        List.of("Action", "Resource"),
        statement.getChildren().stream().map(DocumentSymbol::getName).toList());
  }

  @Test
  void hintsLensesFoldsAndSelectionsAreAtTheTemplatesPositions() throws Exception {
    open();
    var documents = remote.getTextDocumentService();
    List<InlayHint> hints =
        documents
            .inlayHint(new InlayHintParams(doc(), range(0, 0, 24, 0)))
            .get(10, TimeUnit.SECONDS);
    // s3:GetObjekt is no action: no hint; s3:List* gets its size; sts:AssumeRole its level.
    assertEquals(
        List.of("10:34", "20:28"),
        hints.stream()
            .map(h -> h.getPosition().getLine() + ":" + h.getPosition().getCharacter())
            .toList());
    assertTrue(hints.get(1).getLabel().getLeft().endsWith(" actions"), hints.toString());

    List<? extends CodeLens> lenses =
        documents.codeLens(new CodeLensParams(doc())).get(10, TimeUnit.SECONDS);
    assertEquals(
        List.of(8, 16),
        lenses.stream().map(l -> l.getRange().getStart().getLine()).toList(),
        lenses.toString());

    List<FoldingRange> folds =
        documents.foldingRange(new FoldingRangeRequestParams(doc())).get(10, TimeUnit.SECONDS);
    List<String> spans = folds.stream().map(f -> f.getStartLine() + "-" + f.getEndLine()).toList();
    // The whole template folds by its indentation: the resources, the role, a statement.
    assertTrue(spans.containsAll(List.of("1-23", "2-21", "16-21", "18-20")), spans.toString());

    List<SelectionRange> selections =
        documents
            .selectionRange(new SelectionRangeParams(doc(), List.of(new Position(19, 22))))
            .get(10, TimeUnit.SECONDS);
    SelectionRange action = selections.get(0);
    assertEquals(range(19, 20, 19, 32), action.getRange()); // s3:GetObjekt
    assertEquals(range(19, 18, 20, 28), action.getParent().getRange()); // the Action list
  }

  @Test
  void quickFixEditsTheYaml() throws Exception {
    Diagnostic invalid =
        open().getDiagnostics().stream()
            .filter(d -> "INVALID_ACTION".equals(d.getCode().getLeft()))
            .findFirst()
            .orElseThrow();
    assertEquals(range(19, 20, 19, 32), invalid.getRange());
    CodeActionContext context = new CodeActionContext(List.of(invalid));
    List<Either<Command, CodeAction>> actions =
        remote
            .getTextDocumentService()
            .codeAction(new CodeActionParams(doc(), invalid.getRange(), context))
            .get(10, TimeUnit.SECONDS);
    CodeAction change =
        actions.stream()
            .map(Either::getRight)
            .filter(a -> a.getTitle().equals("Change to \"s3:GetObject\""))
            .findFirst()
            .orElseThrow(() -> new AssertionError(actions.toString()));
    assertEquals("INVALID_ACTION", change.getDiagnostics().get(0).getCode().getLeft());
    List<TextEdit> edits = change.getEdit().getChanges().get(URI);
    assertEquals(List.of(new TextEdit(range(19, 20, 19, 32), "s3:GetObject")), edits);
  }

  @Test
  void aJsonTemplateFoldsAsJsonAndItsFixIsJson() throws Exception {
    open();
    String uri = "file:///stack/template.json";
    String json =
        String.join(
            "\n",
            "{", // 0
            "  \"Resources\": {", // 1
            "    \"P\": {", // 2
            "      \"Type\": \"AWS::IAM::ManagedPolicy\",", // 3
            "      \"Properties\": {", // 4
            "        \"PolicyDocument\": {", // 5
            "          \"Statement\": [", // 6
            "            {\"Effect\": \"Allow\", \"Action\": \"s3:GetObject\", \"Resource\": \"*\"}", // 7
            "          ]", // 8
            "        }", // 9
            "      }", // 10
            "    }", // 11
            "  }", // 12
            "}");
    var documents = remote.getTextDocumentService();
    documents.didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(uri, "json", 1, json)));
    connection.client().await(uri, 1);
    TextDocumentIdentifier id = new TextDocumentIdentifier(uri);
    List<String> folds =
        documents.foldingRange(new FoldingRangeRequestParams(id)).get(10, TimeUnit.SECONDS).stream()
            .map(f -> f.getStartLine() + "-" + f.getEndLine())
            .toList();
    assertEquals(List.of("0-12", "1-11", "2-10", "4-9", "5-8", "6-7"), folds);
    List<Either<Command, CodeAction>> actions =
        documents
            .codeAction(
                new CodeActionParams(id, range(5, 26, 5, 26), new CodeActionContext(List.of())))
            .get(10, TimeUnit.SECONDS);
    CodeAction version =
        actions.stream()
            .map(Either::getRight)
            .filter(a -> a.getTitle().startsWith("Add \"Version\""))
            .findFirst()
            .orElseThrow(() -> new AssertionError(actions.toString()));
    assertEquals(
        List.of(new TextEdit(range(6, 10, 6, 10), "\"Version\": \"2012-10-17\",\n          ")),
        version.getEdit().getChanges().get(uri));
  }

  @Test
  void otherYamlGetsNoAnswerSoTheEditorFoldsItItself() throws Exception {
    open();
    String uri = "file:///repo/.github/workflows/build.yaml";
    String workflow = "on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n";
    var documents = remote.getTextDocumentService();
    documents.didOpen(
        new DidOpenTextDocumentParams(new TextDocumentItem(uri, "yaml", 1, workflow)));
    assertEquals(List.of(), connection.client().await(uri, 1).getDiagnostics());
    TextDocumentIdentifier id = new TextDocumentIdentifier(uri);
    assertEquals(
        null, documents.foldingRange(new FoldingRangeRequestParams(id)).get(10, TimeUnit.SECONDS));
    assertEquals(
        List.of(),
        documents.documentSymbol(new DocumentSymbolParams(id)).get(10, TimeUnit.SECONDS));
  }
}
