package dev.iampolicyls.lsp;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.junit.jupiter.api.Test;

class TextChangesTest {
  private static TextDocumentContentChangeEvent edit(int l1, int c1, int l2, int c2, String text) {
    return new TextDocumentContentChangeEvent(
        new Range(new Position(l1, c1), new Position(l2, c2)), text);
  }

  @Test
  void insertsAndReplacesInAscii() {
    assertEquals("{\"a\": 1}", TextChanges.apply("{}", List.of(edit(0, 1, 0, 1, "\"a\": 1"))));
    assertEquals("{\"b\"}", TextChanges.apply("{\"a\"}", List.of(edit(0, 2, 0, 3, "b"))));
  }

  @Test
  void countsSurrogatePairsAsTwoUnits() {
    String text = "\"\uD83D\uDE00x\"";
    // x sits at character 3: quote 1 + emoji 2.
    assertEquals("\"\uD83D\uDE00y\"", TextChanges.apply(text, List.of(edit(0, 3, 0, 4, "y"))));
    // Deleting the whole pair takes two units.
    assertEquals("\"x\"", TextChanges.apply(text, List.of(edit(0, 1, 0, 3, ""))));
  }

  @Test
  void handlesNonAsciiOnLaterLines() {
    String text = "{\n  \"S\u00e9\": \"\u00e9\uD83D\uDE00\"\n}";
    // line 1: 2 spaces, quote, S, é, quote, colon, space, quote, é, emoji(2), quote -> 13 units
    String out = TextChanges.apply(text, List.of(edit(1, 9, 1, 12, "z")));
    assertEquals("{\n  \"S\u00e9\": \"z\"\n}", out);
  }

  @Test
  void respectsCrlfLineEnds() {
    String text = "{\r\n  \"a\": 1\r\n}";
    // Appending at the end of line 1 lands before its \r\n.
    assertEquals("{\r\n  \"a\": 1,\r\n}", TextChanges.apply(text, List.of(edit(1, 8, 1, 8, ","))));
    // Joining lines 0 and 1 removes the whole \r\n.
    assertEquals("{  \"a\": 1\r\n}", TextChanges.apply(text, List.of(edit(0, 1, 1, 0, ""))));
    // Inserting a CRLF line keeps the others intact.
    assertEquals(
        "{\r\n  \"b\": 2,\r\n  \"a\": 1\r\n}",
        TextChanges.apply(text, List.of(edit(1, 0, 1, 0, "  \"b\": 2,\r\n"))));
  }

  @Test
  void appliesChangesInOrderEachOnThePreviousResult() {
    String text = "ab\ncd";
    List<TextDocumentContentChangeEvent> changes =
        List.of(edit(0, 0, 0, 0, "X\n"), edit(1, 0, 1, 1, "A"), edit(2, 2, 2, 2, "!"));
    assertEquals("X\nAb\ncd!", TextChanges.apply(text, changes));
  }

  @Test
  void fullTextChangeReplacesEverything() {
    assertEquals(
        "new",
        TextChanges.apply(
            "old", List.of(edit(0, 0, 0, 0, "x"), new TextDocumentContentChangeEvent("new"))));
  }

  @Test
  void clampsPositionsPastTheEnd() {
    // A character past the line end means the line end; a line past the end means the text end.
    assertEquals("ab!\ncd", TextChanges.apply("ab\ncd", List.of(edit(0, 99, 0, 99, "!"))));
    assertEquals("ab\ncd!", TextChanges.apply("ab\ncd", List.of(edit(9, 0, 9, 0, "!"))));
  }
}
