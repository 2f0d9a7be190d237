package dev.iampolicyls.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.CompletionCapabilities;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionItemCapabilities;
import org.eclipse.lsp4j.CompletionItemResolveSupportCapabilities;
import org.eclipse.lsp4j.CompletionList;
import org.eclipse.lsp4j.CompletionListCapabilities;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.InsertTextFormat;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextDocumentClientCapabilities;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.services.LanguageServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Completion lists over the protocol. Documentation waits for completionItem/resolve when the
 * client says it resolves it, and comes inline otherwise; a client that takes {@code itemDefaults}
 * gets the shared range and text format once per list. Either way the editor ends up with the same
 * text.
 */
class CompletionResolveProtocolTest {
  private static final String URI = "file:///work/resolve.json";
  private static final String POLICY =
      "{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"Allow\","
          + " \"Action\": \"s3:GetO\", \"Resource\": \"*\"}]}";
  private static final int COLUMN = POLICY.indexOf("s3:GetO") + "s3:GetO".length();

  // Many items that all replace the same string: what item defaults are for.
  private static final String EC2_POLICY =
      "{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"Allow\","
          + " \"Action\": \"ec2:Desc\", \"Resource\": \"*\"}]}";
  private static final int EC2_COLUMN = EC2_POLICY.indexOf("ec2:Desc") + "ec2:Desc".length();

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

  private InitializeResult initialize(boolean resolvesDocumentation) throws Exception {
    CompletionItemCapabilities item = new CompletionItemCapabilities();
    if (resolvesDocumentation) {
      item.setResolveSupport(
          new CompletionItemResolveSupportCapabilities(List.of("documentation", "detail")));
    }
    TextDocumentClientCapabilities text = new TextDocumentClientCapabilities();
    text.setCompletion(new CompletionCapabilities(item));
    ClientCapabilities caps = new ClientCapabilities();
    caps.setTextDocument(text);
    InitializeParams params = new InitializeParams();
    params.setCapabilities(caps);
    InitializeResult result = remote.initialize(params).get(10, TimeUnit.SECONDS);
    remote.initialized(new InitializedParams());
    remote
        .getTextDocumentService()
        .didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(URI, "json", 1, POLICY)));
    return result;
  }

  private CompletionItem getObject() throws Exception {
    List<CompletionItem> items =
        remote
            .getTextDocumentService()
            .completion(
                new CompletionParams(new TextDocumentIdentifier(URI), new Position(0, COLUMN)))
            .get(10, TimeUnit.SECONDS)
            .getRight()
            .getItems();
    return items.stream()
        .filter(i -> i.getLabel().equals("s3:GetObject"))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void documentationComesOnResolveWhenTheClientResolvesIt() throws Exception {
    InitializeResult init = initialize(true);
    assertTrue(init.getCapabilities().getCompletionProvider().getResolveProvider());
    CompletionItem listed = getObject();
    assertNull(listed.getDocumentation());
    assertNotNull(listed.getData());
    CompletionItem resolved =
        remote.getTextDocumentService().resolveCompletionItem(listed).get(10, TimeUnit.SECONDS);
    String markdown = resolved.getDocumentation().getRight().getValue();
    assertTrue(markdown.contains("GetObject"), markdown);
    // The same text as a client that takes documentation inline gets.
    disconnect();
    connect();
    initialize(false);
    assertEquals(markdown, getObject().getDocumentation().getRight().getValue());
  }

  @Test
  void documentationIsInlineForOtherClients() throws Exception {
    InitializeResult init = initialize(false);
    assertFalse(
        Boolean.TRUE.equals(init.getCapabilities().getCompletionProvider().getResolveProvider()));
    CompletionItem listed = getObject();
    assertNotNull(listed.getDocumentation());
    assertNull(listed.getData());
  }

  @Test
  void anItemFromAnOldListOrAForeignOneComesBackUnchanged() throws Exception {
    initialize(true);
    CompletionItem old = getObject();
    getObject();
    getObject(); // two newer lists: the first one is forgotten
    CompletionItem resolved =
        remote.getTextDocumentService().resolveCompletionItem(old).get(10, TimeUnit.SECONDS);
    assertNull(resolved.getDocumentation());
    CompletionItem foreign = new CompletionItem("x");
    foreign.setData("not ours");
    assertEquals(
        "x",
        remote
            .getTextDocumentService()
            .resolveCompletionItem(foreign)
            .get(10, TimeUnit.SECONDS)
            .getLabel());
  }

  private CompletionList completeWithDefaults(List<String> itemDefaults) throws Exception {
    CompletionCapabilities completion =
        new CompletionCapabilities(new CompletionItemCapabilities());
    if (itemDefaults != null) {
      CompletionListCapabilities list = new CompletionListCapabilities();
      list.setItemDefaults(itemDefaults);
      completion.setCompletionList(list);
    }
    TextDocumentClientCapabilities text = new TextDocumentClientCapabilities();
    text.setCompletion(completion);
    ClientCapabilities caps = new ClientCapabilities();
    caps.setTextDocument(text);
    InitializeParams params = new InitializeParams();
    params.setCapabilities(caps);
    remote.initialize(params).get(10, TimeUnit.SECONDS);
    remote.initialized(new InitializedParams());
    remote
        .getTextDocumentService()
        .didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(URI, "json", 1, EC2_POLICY)));
    return remote
        .getTextDocumentService()
        .completion(
            new CompletionParams(new TextDocumentIdentifier(URI), new Position(0, EC2_COLUMN)))
        .get(10, TimeUnit.SECONDS)
        .getRight();
  }

  @Test
  void sharedRangeAndFormatComeOncePerList() throws Exception {
    CompletionList plain = completeWithDefaults(null);
    assertNull(plain.getItemDefaults());
    CompletionItem plainItem = plain.getItems().get(0);
    assertNotNull(plainItem.getTextEdit());
    Range range = plainItem.getTextEdit().getLeft().getRange();

    disconnect();
    connect();
    CompletionList slim =
        completeWithDefaults(List.of("editRange", "insertTextFormat", "commitCharacters"));
    assertEquals(range, slim.getItemDefaults().getEditRange().getLeft());
    assertEquals(InsertTextFormat.PlainText, slim.getItemDefaults().getInsertTextFormat());
    assertEquals(plain.getItems().size(), slim.getItems().size());
    for (int i = 0; i < slim.getItems().size(); i++) {
      CompletionItem item = slim.getItems().get(i);
      assertNull(item.getTextEdit(), item.getLabel());
      assertNull(item.getInsertTextFormat(), item.getLabel());
      assertEquals(
          plain.getItems().get(i).getTextEdit().getLeft().getNewText(), item.getTextEditText());
    }
    // The string under the cursor becomes the whole action name, quotes included.
    CompletionItem first = slim.getItems().get(0);
    assertTrue(first.getLabel().startsWith("ec2:Desc"), first.getLabel());
    assertEquals("\"" + first.getLabel() + "\"", first.getTextEditText());
  }
}
