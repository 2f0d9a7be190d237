package dev.iampolicyls.completion;

import static org.junit.jupiter.api.Assertions.*;

import dev.iampolicyls.catalog.Catalog;
import dev.iampolicyls.codeactions.TextEdit;
import dev.iampolicyls.policy.PolicyType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Test helper: policy text with a {@code |} cursor in, proposals out; checks what every proposal
 * must satisfy (its edit covers the cursor and stays on the string, the editor's filter keeps it)
 * and applies a chosen one.
 */
final class Completions extends CompletionListAssert<Completions> {
  private static final CompletionEngine ENGINE = new CompletionEngine(Catalog.bundled());

  final String text;
  final int offset;

  private Completions(String text, int offset, CompletionResult result) {
    super(result);
    this.text = text;
    this.offset = offset;
  }

  static Completions at(String marked) {
    return at(marked, null, CompletionOptions.PLAIN);
  }

  static Completions at(String marked, PolicyType type) {
    return at(marked, type, CompletionOptions.PLAIN);
  }

  static Completions withSnippets(String marked) {
    return at(marked, null, CompletionOptions.SNIPPETS);
  }

  static Completions at(String marked, PolicyType type, CompletionOptions options) {
    int offset = marked.indexOf('|');
    assertTrue(offset >= 0, "no | cursor in the text");
    assertEquals(-1, marked.indexOf('|', offset + 1), "more than one | cursor");
    String text = marked.substring(0, offset) + marked.substring(offset + 1);
    CompletionResult result = ENGINE.complete(text, offset, type, options);
    Completions c = new Completions(text, offset, result);
    c.checkInvariants();
    return c;
  }

  private void checkInvariants() {
    for (CompletionItem item : result.items()) {
      TextEdit edit = item.edit();
      assertTrue(
          edit.offset() <= offset && offset <= edit.end(),
          () -> item.label() + ": edit " + edit + " does not cover the cursor " + offset);
      String typed = text.substring(edit.offset(), offset);
      assertTrue(
          item.filterText().toLowerCase(Locale.ROOT).startsWith(typed.toLowerCase(Locale.ROOT)),
          () -> item.label() + ": filter text " + item.filterText() + " drops typed " + typed);
      assertFalse(
          text.substring(edit.offset(), edit.end()).contains("\n"),
          () -> item.label() + ": edit spans lines");
      assertNotNull(item.sortText(), item.label());
    }
  }

  /** The document text after applying the proposal's edits. */
  String apply(String label) {
    return apply(text, item(label));
  }

  static String apply(String text, CompletionItem item) {
    List<TextEdit> edits = new ArrayList<>(item.additionalEdits());
    edits.add(item.edit());
    edits.sort(Comparator.comparingInt(TextEdit::offset).reversed());
    String out = text;
    for (TextEdit e : edits) {
      out = out.substring(0, e.offset()) + e.newText() + out.substring(e.end());
    }
    return out;
  }

  @Override
  protected Completions self() {
    return this;
  }
}
