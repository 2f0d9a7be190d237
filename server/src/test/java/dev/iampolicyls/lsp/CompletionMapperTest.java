package dev.iampolicyls.lsp;

import static org.junit.jupiter.api.Assertions.*;

import dev.iampolicyls.catalog.Catalog;
import dev.iampolicyls.completion.CompletionOptions;
import dev.iampolicyls.service.PolicyLanguageService;
import dev.iampolicyls.syntax.LineIndex;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionItemKind;
import org.eclipse.lsp4j.CompletionList;
import org.eclipse.lsp4j.InsertTextFormat;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.junit.jupiter.api.Test;

class CompletionMapperTest {
  private static final PolicyLanguageService SERVICE = new PolicyLanguageService(Catalog.bundled());

  private static CompletionList complete(String marked, CompletionOptions options) {
    int offset = marked.indexOf('|');
    String text = marked.substring(0, offset) + marked.substring(offset + 1);
    return CompletionMapper.toList(
        SERVICE.complete(text, offset, null, options), new LineIndex(text), java.util.List.of());
  }

  private static CompletionItem item(CompletionList list, String label) {
    return list.getItems().stream()
        .filter(i -> i.getLabel().equals(label))
        .findFirst()
        .orElseThrow(() -> new AssertionError("missing " + label));
  }

  @Test
  void rangesCountUtf16UnitsAfterNonAsciiText() {
    // "ü" is one UTF-16 unit, the emoji two: the string starts at character 41 of line 1
    // (40 if code points were counted).
    String marked = "{\n\"Statement\": {\"Sid\": \"für 😀\", \"Action\": \"s3:GetObj|\"}}";
    CompletionItem get = item(complete(marked, CompletionOptions.PLAIN), "s3:GetObject");
    Range range = get.getTextEdit().getLeft().getRange();
    assertEquals(new Range(new Position(1, 41), new Position(1, 52)), range);
    assertEquals("\"s3:GetObject\"", get.getTextEdit().getLeft().getNewText());
    assertEquals(CompletionItemKind.Function, get.getKind());
    assertEquals(InsertTextFormat.PlainText, get.getInsertTextFormat());
    assertEquals("Read", get.getDetail());
    assertEquals("markdown", get.getDocumentation().getRight().getKind());
  }

  @Test
  void snippetItemsAndTheCommaEdit() {
    String marked = "{\"Statement\": {\"Effect\": \"Allow\"\n  |}}";
    CompletionItem action = item(complete(marked, CompletionOptions.SNIPPETS), "Action");
    assertEquals(InsertTextFormat.Snippet, action.getInsertTextFormat());
    assertEquals("\"Action\": \"$1\"", action.getTextEdit().getLeft().getNewText());
    assertEquals(1, action.getAdditionalTextEdits().size());
    assertEquals(
        new Range(new Position(0, 32), new Position(0, 32)),
        action.getAdditionalTextEdits().get(0).getRange());
    assertEquals(",", action.getAdditionalTextEdits().get(0).getNewText());
  }
}
