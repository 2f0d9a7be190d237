package dev.iampolicyls.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.iampolicyls.codeactions.TextEdit;
import dev.iampolicyls.completion.CompletionItem;
import dev.iampolicyls.completion.CompletionListAssert;
import dev.iampolicyls.completion.CompletionOptions;
import dev.iampolicyls.completion.CompletionResult;
import dev.iampolicyls.service.CancelChecker;
import dev.iampolicyls.service.PolicyLanguageService;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Test helper: a template with the cursor marked {@code ‸} (YAML has its own uses for {@code |})
 * in, proposals out; every proposal's edit must cover the cursor and stay on its line, and can be
 * applied to see the resulting template.
 */
final class TemplateCompletions extends CompletionListAssert<TemplateCompletions> {
  static final String CURSOR = "‸";

  final String text;
  final int offset;

  private TemplateCompletions(String text, int offset, CompletionResult result) {
    super(result);
    this.text = text;
    this.offset = offset;
  }

  static TemplateCompletions at(String marked) {
    return at(marked, CompletionOptions.PLAIN);
  }

  static TemplateCompletions at(String marked, CompletionOptions options) {
    int offset = marked.indexOf(CURSOR);
    assertTrue(offset >= 0, "no cursor in the template");
    String text = marked.substring(0, offset) + marked.substring(offset + CURSOR.length());
    CompletionResult result =
        PolicyLanguageService.bundled()
            .completeInTemplate(text, offset, options, CancelChecker.NEVER)
            .orElseThrow(() -> new AssertionError("not read as a template"));
    TemplateCompletions c = new TemplateCompletions(text, offset, result);
    for (CompletionItem item : result.items()) {
      TextEdit edit = item.edit();
      assertTrue(
          edit.offset() <= offset && offset <= edit.end(),
          () -> item.label() + ": edit " + edit + " does not cover the cursor " + offset);
      assertFalse(
          text.substring(edit.offset(), edit.end()).contains("\n"),
          () -> item.label() + ": edit spans lines");
      String typed = text.substring(edit.offset(), offset);
      assertTrue(
          item.filterText().toLowerCase(Locale.ROOT).startsWith(typed.toLowerCase(Locale.ROOT)),
          () -> item.label() + ": filter text " + item.filterText() + " drops typed " + typed);
    }
    return c;
  }

  /** The template after applying the proposal, with the cursor where the edit's text ends. */
  String apply(String label) {
    CompletionItem item = item(label);
    List<TextEdit> edits = new ArrayList<>(item.additionalEdits());
    edits.add(item.edit());
    edits.sort(Comparator.comparingInt(TextEdit::offset).reversed());
    String out = text;
    for (TextEdit e : edits) {
      out = out.substring(0, e.offset()) + e.newText() + out.substring(e.end());
    }
    return out;
  }

  /** Asserts the line the cursor was on reads {@code expected} once the proposal is applied. */
  TemplateCompletions applies(String label, String expectedLine) {
    String after = apply(label);
    int lineStart = text.lastIndexOf('\n', offset - 1) + 1;
    int lineEnd = after.indexOf('\n', lineStart);
    assertEquals(expectedLine, after.substring(lineStart, lineEnd < 0 ? after.length() : lineEnd));
    return this;
  }

  @Override
  protected TemplateCompletions self() {
    return this;
  }
}
