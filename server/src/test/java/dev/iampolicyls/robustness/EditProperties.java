package dev.iampolicyls.robustness;

import dev.iampolicyls.codeactions.PolicyCodeAction;
import dev.iampolicyls.codeactions.TextEdit;
import dev.iampolicyls.completion.CompletionItem;
import dev.iampolicyls.syntax.JsonDocument;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The edit property: applying an offered completion or code action to a document without syntax
 * errors gives a document without syntax errors.
 */
final class EditProperties {
  private EditProperties() {}

  /**
   * Plain-text proposals only: snippet text holds tab stops the editor fills in first. Prefixes the
   * user goes on typing ({@code s3:}, {@code ForAllValues:}) are not whole values and are skipped.
   */
  static void assertStillParses(String text, CompletionItem item, int offset) {
    if (item.snippet() || item.label().endsWith(":")) {
      return;
    }
    List<int[]> spans = new ArrayList<>();
    List<String> texts = new ArrayList<>();
    spans.add(new int[] {item.edit().offset(), item.edit().end()});
    texts.add(item.edit().newText());
    for (var extra : item.additionalEdits()) {
      spans.add(new int[] {extra.offset(), extra.end()});
      texts.add(extra.newText());
    }
    check(text, spans, texts, "completion '" + item.label() + "' at " + offset);
  }

  static void assertStillParses(String text, PolicyCodeAction action) {
    List<int[]> spans = new ArrayList<>();
    List<String> texts = new ArrayList<>();
    for (TextEdit e : action.edits()) {
      spans.add(new int[] {e.offset(), e.offset() + e.length()});
      texts.add(e.newText());
    }
    check(text, spans, texts, "code action '" + action.title() + "'");
  }

  static String apply(String text, List<int[]> spans, List<String> texts) {
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < spans.size(); i++) {
      order.add(i);
    }
    order.sort(Comparator.comparingInt((Integer i) -> spans.get(i)[0]).reversed());
    StringBuilder sb = new StringBuilder(text);
    int limit = Integer.MAX_VALUE;
    for (int i : order) {
      int[] s = spans.get(i);
      if (s[0] < 0 || s[1] < s[0] || s[1] > text.length() || s[1] > limit) {
        throw new AssertionError("edit " + s[0] + "-" + s[1] + " is outside or overlaps");
      }
      sb.replace(s[0], s[1], texts.get(i));
      limit = s[0];
    }
    return sb.toString();
  }

  private static void check(String text, List<int[]> spans, List<String> texts, String what) {
    String after = apply(text, spans, texts);
    var errors = JsonDocument.parse(after).errors();
    if (!errors.isEmpty()) {
      throw new AssertionError(
          what + " breaks the document: " + errors.get(0) + "\n--- after:\n" + after);
    }
  }
}
