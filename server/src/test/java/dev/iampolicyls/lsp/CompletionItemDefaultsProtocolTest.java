package dev.iampolicyls.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import org.eclipse.lsp4j.CompletionList;
import org.eclipse.lsp4j.CompletionListCapabilities;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.InitializeParams;
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
 * A client that takes completion {@code itemDefaults} gets the shared range and text format once
 * per list, and each item only its new text; the edit it makes is the one other clients get.
 */
class CompletionItemDefaultsProtocolTest {
  private static final String URI = "file:///work/defaults.json";
  private static final String POLICY =
      "{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"Allow\","
          + " \"Action\": \"ec2:Desc\", \"Resource\": \"*\"}]}";
  private static final int COLUMN = POLICY.indexOf("ec2:Desc") + "ec2:Desc".length();

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

  private CompletionList complete(List<String> itemDefaults) throws Exception {
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
        .didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(URI, "json", 1, POLICY)));
    return remote
        .getTextDocumentService()
        .completion(new CompletionParams(new TextDocumentIdentifier(URI), new Position(0, COLUMN)))
        .get(10, TimeUnit.SECONDS)
        .getRight();
  }

  @Test
  void sharedRangeAndFormatComeOncePerList() throws Exception {
    CompletionList plain = complete(null);
    assertNull(plain.getItemDefaults());
    CompletionItem plainItem = plain.getItems().get(0);
    assertNotNull(plainItem.getTextEdit());
    Range range = plainItem.getTextEdit().getLeft().getRange();

    disconnect();
    connect();
    CompletionList slim = complete(List.of("editRange", "insertTextFormat", "commitCharacters"));
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
