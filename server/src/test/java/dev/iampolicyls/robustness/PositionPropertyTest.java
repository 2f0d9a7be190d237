package dev.iampolicyls.robustness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.iampolicyls.syntax.LineIndex;
import dev.iampolicyls.syntax.TextPosition;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Offset and position conversions over seeded random texts full of awkward characters: CRLF, lone
 * CR and LF, surrogate pairs and lone surrogates, BOMs and NULs. Input {@code i} comes from {@code
 * new Random(SEED + i)}, so a failure names the one text to replay.
 */
class PositionPropertyTest {
  private static final long SEED = 20261128L;
  private static final int TEXTS = 2_000;

  private static final String[] PIECES = {
    "\r\n",
    "\r",
    "\n",
    "\r\r\n",
    "\n\r",
    "\uD83D\uDE00",
    "\uD800",
    "\uDC00",
    "\uFEFF",
    "\u0000",
    "a",
    "{",
    "\"",
    " ",
    "\t",
    "\u00E9",
    "\u2028"
  };

  @Test
  void offsetToPositionToOffsetIsIdentityOutsideLineEndsAndSurrogatePairs() {
    for (int i = 0; i < TEXTS; i++) {
      Random random = new Random(SEED + i);
      String text = randomText(random);
      LineIndex index = new LineIndex(text);
      for (int offset = 0; offset <= text.length(); offset++) {
        TextPosition p = index.positionAt(offset);
        assertTrue(
            p.line() >= 0 && p.line() < index.lineCount() && p.character() >= 0,
            "text " + i + ", offset " + offset + ": " + p);
        if (!insideCrlf(text, offset) && !insideSurrogatePair(text, offset)) {
          assertEquals(offset, index.offsetAt(p), "text " + i + ", offset " + offset + ": " + p);
        }
      }
    }
  }

  @Test
  void everyPositionMapsIntoTheDocument() {
    for (int i = 0; i < TEXTS; i++) {
      Random random = new Random(SEED + i);
      String text = randomText(random);
      LineIndex index = new LineIndex(text);
      for (int k = 0; k < 50; k++) {
        TextPosition p = new TextPosition(anyInt(random, index.lineCount()), anyInt(random, 40));
        int offset = index.offsetAt(p);
        assertTrue(
            offset >= 0 && offset <= text.length(), "text " + i + ", " + p + " -> " + offset);
        // A position never lands inside a line end: mapping back gives the same line.
        if (p.line() >= 0 && p.line() < index.lineCount()) {
          assertEquals(p.line(), index.positionAt(offset).line(), "text " + i + ", " + p);
        }
      }
      for (int offset : new int[] {-1, Integer.MIN_VALUE, text.length() + 1, Integer.MAX_VALUE}) {
        TextPosition p = index.positionAt(offset);
        assertTrue(p.line() >= 0 && p.line() < index.lineCount(), "text " + i + ": " + p);
      }
    }
  }

  private static String randomText(Random random) {
    StringBuilder text = new StringBuilder();
    int pieces = random.nextInt(40);
    for (int i = 0; i < pieces; i++) {
      text.append(PIECES[random.nextInt(PIECES.length)]);
    }
    return text.toString();
  }

  /** Mostly plausible values, sometimes far out of range either way. */
  private static int anyInt(Random random, int plausible) {
    return switch (random.nextInt(6)) {
      case 0 -> -1 - random.nextInt(5);
      case 1 -> Integer.MAX_VALUE - random.nextInt(3);
      case 2 -> plausible + random.nextInt(5);
      default -> random.nextInt(plausible + 1);
    };
  }

  private static boolean insideCrlf(String text, int offset) {
    return offset > 0
        && offset < text.length()
        && text.charAt(offset - 1) == '\r'
        && text.charAt(offset) == '\n';
  }

  private static boolean insideSurrogatePair(String text, int offset) {
    return offset > 0
        && offset < text.length()
        && Character.isHighSurrogate(text.charAt(offset - 1))
        && Character.isLowSurrogate(text.charAt(offset));
  }
}
