package dev.iampolicyls.lsp;

import dev.iampolicyls.syntax.LineIndex;
import java.util.List;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;

/** Applies didChange events to a document's text (positions as {@link Positions} reads them). */
final class TextChanges {
  private TextChanges() {}

  /** Changes apply in order, each to the result of the previous one, as LSP specifies. */
  static String apply(String text, List<TextDocumentContentChangeEvent> changes) {
    String result = text;
    for (TextDocumentContentChangeEvent change : changes) {
      result = apply(result, change);
    }
    return result;
  }

  static String apply(String text, TextDocumentContentChangeEvent change) {
    String insert = change.getText() == null ? "" : change.getText();
    Range range = change.getRange();
    if (range == null) {
      return insert; // a full-text change
    }
    // rangeLength is deprecated and may disagree with the range; the range wins.
    LineIndex index = new LineIndex(text);
    int start = Positions.offset(index, range.getStart());
    int end = Positions.offset(index, range.getEnd());
    if (end < start) {
      int t = start;
      start = end;
      end = t;
    }
    return new StringBuilder(text.length() - (end - start) + insert.length())
        .append(text, 0, start)
        .append(insert)
        .append(text, end, text.length())
        .toString();
  }
}
