package dev.iampolicyls.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class TextReportTest {
  @Test
  void caretKeepsTabsSoItLinesUpWithTheSource() {
    assertEquals("\t  ^~~", TextReport.caret("\t  \"a\": 1", 3, 6));
  }

  @Test
  void anEmptySpanStillGetsACaret() {
    assertEquals("  ^", TextReport.caret("  {", 2, 2));
  }

  @Test
  void aSurrogatePairIsOneColumnOfMarker() {
    String source = "\"\uD83D\uDE00\": \"x\"";
    // The emoji is two UTF-16 units but one character on screen.
    assertEquals("^~~", TextReport.caret(source, 0, 4));
    assertEquals("     ^~~", TextReport.caret(source, 6, 9));
  }
}
