package dev.iampolicyls.syntax;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

class LineIndexTest {

  @Test
  void countsLfCrlfAndLoneCrAsLineEnds() {
    String text = "a\nbb\r\nccc\rd";
    LineIndex idx = new LineIndex(text);
    assertEquals(4, idx.lineCount());
    assertEquals(new TextPosition(0, 0), idx.positionAt(0));
    assertEquals(new TextPosition(1, 1), idx.positionAt(text.indexOf("bb") + 1));
    assertEquals(new TextPosition(2, 0), idx.positionAt(text.indexOf("ccc")));
    assertEquals(new TextPosition(3, 0), idx.positionAt(text.indexOf("d")));
    assertEquals(new TextPosition(3, 1), idx.positionAt(text.length()));
  }

  @Test
  void surrogatePairsCountTwoUtf16Units() {
    String text = "x\n\uD83D\uDE00y";
    LineIndex idx = new LineIndex(text);
    assertEquals(new TextPosition(1, 2), idx.positionAt(text.indexOf('y')));
    assertEquals(text.indexOf('y'), idx.offsetAt(new TextPosition(1, 2)));
  }

  @Test
  void roundTripsEveryOffset() {
    String text = "{\r\n  \"S\u00e9\": \"\uD83D\uDE00\"\r}\n\n\u00e9";
    LineIndex idx = new LineIndex(text);
    for (int off = 0; off <= text.length(); off++) {
      TextPosition p = idx.positionAt(off);
      int back = idx.offsetAt(p);
      // An offset between \r and \n has no position of its own; it maps to the line end.
      if (off > 0
          && text.charAt(off - 1) == '\r'
          && off < text.length()
          && text.charAt(off) == '\n') {
        continue;
      }
      assertEquals(off, back, "offset " + off + " -> " + p);
    }
  }

  @Test
  void clampsPositionsOutsideTheText() {
    String text = "ab\ncd";
    LineIndex idx = new LineIndex(text);
    assertEquals(2, idx.offsetAt(new TextPosition(0, 99)));
    assertEquals(text.length(), idx.offsetAt(new TextPosition(7, 0)));
    assertEquals(0, idx.offsetAt(new TextPosition(-1, 5)));
    assertEquals(new TextPosition(1, 2), idx.positionAt(999));
  }
}
