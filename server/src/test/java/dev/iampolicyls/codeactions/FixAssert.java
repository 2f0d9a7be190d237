package dev.iampolicyls.codeactions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.iampolicyls.catalog.Catalog;
import dev.iampolicyls.service.PolicyLanguageService;
import dev.iampolicyls.syntax.JsonDocument;
import java.util.List;

/** Quick fixes and refactorings as text in, text out; every result must still parse. */
final class FixAssert {
  static final PolicyLanguageService SERVICE = new PolicyLanguageService(Catalog.bundled());

  private FixAssert() {}

  /** The actions offered with the cursor just inside the first occurrence of {@code at}. */
  static List<PolicyCodeAction> offered(String text, String at) {
    int i = text.indexOf(at);
    assertTrue(i >= 0, "no " + at + " in the text");
    return SERVICE.codeActions(text, i + 1, i + 1, null);
  }

  /** Applies the action whose title starts with {@code title} and returns the new text. */
  static String apply(String text, String at, String title) {
    List<PolicyCodeAction> actions = offered(text, at);
    PolicyCodeAction action =
        actions.stream()
            .filter(a -> a.title().startsWith(title))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no action " + title + " in " + titles(actions)));
    String after = CodeActionEngineTest.apply(text, action.edits());
    int before = JsonDocument.parse(text).errors().size();
    assertTrue(
        JsonDocument.parse(after).errors().size() <= before, "the edit broke the JSON:\n" + after);
    return after;
  }

  static void assertFix(String before, String at, String title, String expected) {
    assertEquals(expected, apply(before, at, title));
  }

  static void assertNotOffered(String text, String at, String title) {
    List<PolicyCodeAction> actions = offered(text, at);
    assertTrue(
        actions.stream().noneMatch(a -> a.title().startsWith(title)),
        "unexpected " + title + " in " + titles(actions));
  }

  static List<String> titles(List<PolicyCodeAction> actions) {
    return actions.stream().map(PolicyCodeAction::title).toList();
  }

  /** Lines joined with newlines, for readable multi-line policies. */
  static String lines(String... lines) {
    return String.join("\n", lines);
  }
}
