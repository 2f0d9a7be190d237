package dev.iampolicyls.lsp;

import dev.iampolicyls.codeactions.TextEdit;
import dev.iampolicyls.completion.CompletionKind;
import dev.iampolicyls.completion.CompletionResult;
import dev.iampolicyls.syntax.LineIndex;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionItemDefaults;
import org.eclipse.lsp4j.CompletionItemKind;
import org.eclipse.lsp4j.CompletionList;
import org.eclipse.lsp4j.InsertTextFormat;
import org.eclipse.lsp4j.InsertTextMode;
import org.eclipse.lsp4j.MarkupContent;
import org.eclipse.lsp4j.MarkupKind;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.jsonrpc.messages.Either;

/** Turns the engine's proposals into LSP completion items; offsets become UTF-16 positions. */
final class CompletionMapper {
  private CompletionMapper() {}

  /**
   * The list for the client. Where it takes {@code itemDefaults} for them, the replaced range and
   * the text format every item shares are said once for the list instead of in each item: a third
   * of the bytes of an action list.
   */
  static CompletionList toList(
      CompletionResult result, LineIndex lines, List<String> defaultsTaken) {
    List<CompletionItem> items = new ArrayList<>(result.items().size());
    for (dev.iampolicyls.completion.CompletionItem item : result.items()) {
      items.add(toItem(item, lines));
    }
    CompletionList list = new CompletionList(result.incomplete(), items);
    if (items.isEmpty()) {
      return list;
    }
    CompletionItemDefaults defaults = new CompletionItemDefaults();
    boolean any = false;
    if (defaultsTaken.contains("editRange") && sameRange(items)) {
      defaults.setEditRange(Either.forLeft(items.get(0).getTextEdit().getLeft().getRange()));
      for (CompletionItem item : items) {
        item.setTextEditText(item.getTextEdit().getLeft().getNewText());
        item.setTextEdit(null);
      }
      any = true;
    }
    if (defaultsTaken.contains("insertTextFormat") && sameFormat(items)) {
      defaults.setInsertTextFormat(items.get(0).getInsertTextFormat());
      for (CompletionItem item : items) {
        item.setInsertTextFormat(null);
      }
      any = true;
    }
    if (any) {
      list.setItemDefaults(defaults);
    }
    return list;
  }

  private static boolean sameRange(List<CompletionItem> items) {
    Range first = items.get(0).getTextEdit().getLeft().getRange();
    for (CompletionItem item : items) {
      if (!item.getTextEdit().getLeft().getRange().equals(first)) {
        return false;
      }
    }
    return true;
  }

  private static boolean sameFormat(List<CompletionItem> items) {
    InsertTextFormat first = items.get(0).getInsertTextFormat();
    for (CompletionItem item : items) {
      if (item.getInsertTextFormat() != first) {
        return false;
      }
    }
    return true;
  }

  /** Each item's documentation in order, null where it has none. */
  static List<String> documentation(CompletionResult result) {
    List<String> docs = new ArrayList<>(result.items().size());
    for (dev.iampolicyls.completion.CompletionItem item : result.items()) {
      docs.add(item.documentation());
    }
    return docs;
  }

  static CompletionItem toItem(dev.iampolicyls.completion.CompletionItem item, LineIndex lines) {
    CompletionItem out = new CompletionItem(item.label());
    out.setKind(kind(item.kind()));
    out.setDetail(item.detail());
    if (item.documentation() != null) {
      out.setDocumentation(new MarkupContent(MarkupKind.MARKDOWN, item.documentation()));
    }
    out.setSortText(item.sortText());
    out.setFilterText(item.filterText());
    out.setInsertTextFormat(item.snippet() ? InsertTextFormat.Snippet : InsertTextFormat.PlainText);
    out.setTextEdit(Either.forLeft(edit(item.edit(), lines)));
    if (item.edit().newText().indexOf('\n') >= 0) {
      out.setInsertTextMode(InsertTextMode.AsIs); // the engine indents the lines itself
    }
    if (!item.additionalEdits().isEmpty()) {
      List<org.eclipse.lsp4j.TextEdit> extra = new ArrayList<>();
      for (TextEdit e : item.additionalEdits()) {
        extra.add(edit(e, lines));
      }
      out.setAdditionalTextEdits(extra);
    }
    return out;
  }

  private static org.eclipse.lsp4j.TextEdit edit(TextEdit edit, LineIndex lines) {
    return new org.eclipse.lsp4j.TextEdit(
        Positions.range(lines, edit.offset(), edit.end()), edit.newText());
  }

  private static CompletionItemKind kind(CompletionKind kind) {
    return switch (kind) {
      case PROPERTY -> CompletionItemKind.Property;
      case VALUE -> CompletionItemKind.Value;
      case SERVICE -> CompletionItemKind.Module;
      case ACTION -> CompletionItemKind.Function;
      case REFERENCE -> CompletionItemKind.Reference;
      case OPERATOR -> CompletionItemKind.Operator;
      case KEY -> CompletionItemKind.Field;
      case VARIABLE -> CompletionItemKind.Variable;
      case SNIPPET -> CompletionItemKind.Snippet;
    };
  }
}
