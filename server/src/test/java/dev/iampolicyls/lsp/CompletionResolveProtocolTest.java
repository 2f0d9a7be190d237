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
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.TextDocumentClientCapabilities;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.services.LanguageServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Completion documentation waits for completionItem/resolve when the client says it resolves it,
 * and comes inline otherwise; either way the editor ends up with the same text.
 */
class CompletionResolveProtocolTest {
  private static final String URI = "file:///work/resolve.json";
  private static final String POLICY =
      "{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"Allow\","
          + " \"Action\": \"s3:GetO\", \"Resource\": \"*\"}]}";
  private static final int COLUMN = POLICY.indexOf("s3:GetO") + "s3:GetO".length();

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
}
