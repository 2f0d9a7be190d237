package dev.iampolicyls.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import dev.iampolicyls.catalog.Catalog;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.CodeLens;
import org.eclipse.lsp4j.CodeLensCapabilities;
import org.eclipse.lsp4j.CodeLensParams;
import org.eclipse.lsp4j.DidChangeConfigurationParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.DocumentSymbol;
import org.eclipse.lsp4j.DocumentSymbolCapabilities;
import org.eclipse.lsp4j.DocumentSymbolParams;
import org.eclipse.lsp4j.FoldingRange;
import org.eclipse.lsp4j.FoldingRangeCapabilities;
import org.eclipse.lsp4j.FoldingRangeRequestParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.InlayHint;
import org.eclipse.lsp4j.InlayHintCapabilities;
import org.eclipse.lsp4j.InlayHintParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.SelectionRange;
import org.eclipse.lsp4j.SelectionRangeCapabilities;
import org.eclipse.lsp4j.SelectionRangeParams;
import org.eclipse.lsp4j.SymbolInformation;
import org.eclipse.lsp4j.SymbolKind;
import org.eclipse.lsp4j.TextDocumentClientCapabilities;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.services.LanguageServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Outline, inlay hints, code lenses, folding and selection ranges through real JSON-RPC. */
class EditorFeaturesProtocolTest {
  private static final String URI = "file:///work/editor.json";

  private static final String POLICY =
      String.join(
          "\n",
          "{",
          "  \"Version\": \"2012-10-17\",",
          "  \"Statement\": [",
          "    {",
          "      \"Sid\": \"ReadObjects\",",
          "      \"Effect\": \"Allow\",",
          "      \"Action\": [\"s3:GetObject\", \"s3:List*\"],",
          "      \"Resource\": \"arn:aws:s3:::b/*\"",
          "    },",
          "    {",
          "      \"Effect\": \"Deny\",",
          "      \"Action\": \"iam:*\",",
          "      \"Resource\": \"*\"",
          "    }",
          "  ]",
          "}");

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

  private InitializeResult initialize(ClientCapabilities caps) throws Exception {
    InitializeParams params = new InitializeParams();
    params.setCapabilities(caps);
    InitializeResult result = remote.initialize(params).get(10, TimeUnit.SECONDS);
    remote.initialized(new InitializedParams());
    remote
        .getTextDocumentService()
        .didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(URI, "json", 1, POLICY)));
    return result;
  }

  private static ClientCapabilities everything() {
    TextDocumentClientCapabilities text = new TextDocumentClientCapabilities();
    DocumentSymbolCapabilities symbols = new DocumentSymbolCapabilities();
    symbols.setHierarchicalDocumentSymbolSupport(true);
    text.setDocumentSymbol(symbols);
    text.setInlayHint(new InlayHintCapabilities());
    text.setCodeLens(new CodeLensCapabilities());
    text.setFoldingRange(new FoldingRangeCapabilities());
    text.setSelectionRange(new SelectionRangeCapabilities());
    ClientCapabilities caps = new ClientCapabilities();
    caps.setTextDocument(text);
    return caps;
  }

  private TextDocumentIdentifier doc() {
    return new TextDocumentIdentifier(URI);
  }

  private List<InlayHint> hints() throws Exception {
    Range all = new Range(new Position(0, 0), new Position(16, 0));
    return remote
        .getTextDocumentService()
        .inlayHint(new InlayHintParams(doc(), all))
        .get(10, TimeUnit.SECONDS);
  }

  @Test
  void advertisesOnlyWhatTheClientHas() throws Exception {
    InitializeResult bare = initialize(new ClientCapabilities());
    var caps = bare.getCapabilities();
    assertTrue(caps.getDocumentSymbolProvider().getLeft());
    assertNull(caps.getInlayHintProvider());
    assertNull(caps.getCodeLensProvider());
    assertNull(caps.getFoldingRangeProvider());
    assertNull(caps.getSelectionRangeProvider());
    // Without hierarchical support the outline is the flat list of old clients.
    List<Either<SymbolInformation, DocumentSymbol>> flat =
        remote
            .getTextDocumentService()
            .documentSymbol(new DocumentSymbolParams(doc()))
            .get(10, TimeUnit.SECONDS);
    assertTrue(flat.stream().allMatch(Either::isLeft));
    assertEquals("ReadObjects", flat.get(0).getLeft().getName());
  }

  @Test
  void advertisesEveryFeatureTheClientHas() throws Exception {
    var caps = initialize(everything()).getCapabilities();
    assertTrue(caps.getInlayHintProvider().getLeft());
    assertTrue(caps.getCodeLensProvider() != null);
    assertTrue(caps.getFoldingRangeProvider().getLeft());
    assertTrue(caps.getSelectionRangeProvider().getLeft());
  }

  @Test
  void outlineShowsEachStatementWithItsElements() throws Exception {
    initialize(everything());
    List<Either<SymbolInformation, DocumentSymbol>> symbols =
        remote
            .getTextDocumentService()
            .documentSymbol(new DocumentSymbolParams(doc()))
            .get(10, TimeUnit.SECONDS);
    assertEquals(2, symbols.size());
    DocumentSymbol first = symbols.get(0).getRight();
    assertEquals("ReadObjects", first.getName());
    assertEquals(SymbolKind.Object, first.getKind());
    assertTrue(first.getDetail().startsWith("Allow · Allows s3:GetObject"), first.getDetail());
    assertEquals(new Range(new Position(3, 4), new Position(8, 5)), first.getRange());
    assertEquals(new Range(new Position(4, 13), new Position(4, 26)), first.getSelectionRange());
    assertEquals(
        List.of("Action", "Resource"),
        first.getChildren().stream().map(DocumentSymbol::getName).toList());
    DocumentSymbol action = first.getChildren().get(0);
    assertEquals(new Range(new Position(6, 6), new Position(6, 44)), action.getRange());
    assertEquals(new Range(new Position(6, 6), new Position(6, 14)), action.getSelectionRange());
    DocumentSymbol second = symbols.get(1).getRight();
    assertEquals("Statement 2", second.getName());
    assertTrue(second.getDetail().startsWith("Deny · Denies"), second.getDetail());
  }

  @Test
  void inlayHintsShowAccessLevelsAndWildcardSizesUntilTurnedOff() throws Exception {
    initialize(everything());
    Catalog catalog = Catalog.bundled();
    List<InlayHint> hints = hints();
    assertEquals(3, hints.size(), hints.toString());
    assertEquals(new Position(6, 31), hints.get(0).getPosition());
    assertEquals("Read", hints.get(0).getLabel().getLeft());
    assertEquals(new Position(6, 43), hints.get(1).getPosition());
    assertEquals(
        catalog.matchActions("s3:List*").size() + " actions", hints.get(1).getLabel().getLeft());
    assertEquals(new Position(11, 23), hints.get(2).getPosition());
    assertEquals(
        catalog.matchActions("iam:*").size() + " actions", hints.get(2).getLabel().getLeft());

    JsonObject off = new JsonObject();
    JsonObject section = new JsonObject();
    JsonObject inlay = new JsonObject();
    inlay.addProperty("enabled", false);
    section.add("inlayHints", inlay);
    off.add("iamPolicy", section);
    remote.getWorkspaceService().didChangeConfiguration(new DidChangeConfigurationParams(off));
    assertEquals(List.of(), hints());
  }

  @Test
  void codeLensFoldingAndSelectionRanges() throws Exception {
    initialize(everything());
    var documents = remote.getTextDocumentService();
    List<? extends CodeLens> lenses =
        documents.codeLens(new CodeLensParams(doc())).get(10, TimeUnit.SECONDS);
    assertEquals(2, lenses.size());
    assertEquals(new Position(3, 4), lenses.get(0).getRange().getStart());
    assertTrue(lenses.get(0).getCommand().getTitle().startsWith("Allows s3:GetObject"));
    assertTrue(lenses.get(1).getCommand().getTitle().startsWith("Denies"));

    List<FoldingRange> folds =
        documents.foldingRange(new FoldingRangeRequestParams(doc())).get(10, TimeUnit.SECONDS);
    List<String> lines = folds.stream().map(f -> f.getStartLine() + "-" + f.getEndLine()).toList();
    assertEquals(List.of("0-14", "2-13", "3-7", "9-12"), lines);

    // Inside "s3:GetObject": its text, the string, the array, the Action member, the statement...
    List<SelectionRange> ranges =
        documents
            .selectionRange(new SelectionRangeParams(doc(), List.of(new Position(6, 20))))
            .get(10, TimeUnit.SECONDS);
    SelectionRange r = ranges.get(0);
    assertEquals(new Range(new Position(6, 18), new Position(6, 30)), r.getRange());
    assertEquals(new Range(new Position(6, 17), new Position(6, 31)), r.getParent().getRange());
    SelectionRange statement = r.getParent().getParent().getParent().getParent();
    assertEquals(new Range(new Position(3, 4), new Position(8, 5)), statement.getRange());
  }
}
