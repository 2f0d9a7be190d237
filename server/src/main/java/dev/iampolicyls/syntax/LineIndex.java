package dev.iampolicyls.syntax;

import java.util.Arrays;

/**
 * Converts between offsets and LSP positions. Java strings are UTF-16, as LSP columns are, so a
 * column is simply the distance from the line start; surrogate pairs count two, as LSP wants. Line
 * ends are LF, CRLF and lone CR, as LSP defines them.
 */
public final class LineIndex {
  private final int[] lineStarts;
  private final int length;
  private final CharSequence text;

  public LineIndex(CharSequence text) {
    this.text = text;
    int[] starts = new int[16];
    int count = 1;
    int n = text.length();
    // An array read, not charAt through the interface: a batch indexes every file with findings.
    char[] chars = text.toString().toCharArray(); // a String's toString is itself
    for (int i = 0; i < n; i++) {
      char c = chars[i];
      if (c == '\r' || c == '\n') {
        if (c == '\r' && i + 1 < n && chars[i + 1] == '\n') {
          i++;
        }
        if (count == starts.length) {
          starts = Arrays.copyOf(starts, count * 2);
        }
        starts[count++] = i + 1;
      }
    }
    this.lineStarts = Arrays.copyOf(starts, count);
    this.length = n;
  }

  private LineIndex(CharSequence text, int[] lineStarts) {
    this.text = text;
    this.lineStarts = lineStarts;
    this.length = text.length();
  }

  /**
   * The index of a text whose line starts are already known, as this class finds them (0, then the
   * offset after each LF, CRLF or lone CR), so that one pass over a large text serves both.
   */
  public static LineIndex ofLineStarts(CharSequence text, int[] lineStarts) {
    return new LineIndex(text, lineStarts);
  }

  public int lineCount() {
    return lineStarts.length;
  }

  public int lineStart(int line) {
    return lineStarts[Math.max(0, Math.min(line, lineStarts.length - 1))];
  }

  /** The offset just past the line's content (before its line end). */
  public int lineEnd(int line) {
    line = Math.max(0, Math.min(line, lineStarts.length - 1));
    int end = line + 1 < lineStarts.length ? lineStarts[line + 1] : length;
    while (end > lineStarts[line]
        && (text.charAt(end - 1) == '\n' || text.charAt(end - 1) == '\r')) {
      end--;
    }
    return end;
  }

  /** The position of an offset; offsets outside the text are clamped. */
  public TextPosition positionAt(int offset) {
    int off = Math.max(0, Math.min(offset, length));
    int idx = Arrays.binarySearch(lineStarts, off);
    int line = idx >= 0 ? idx : -idx - 2;
    return new TextPosition(line, off - lineStarts[line]);
  }

  /**
   * The offset of a position. Lines past the end give the end of the text; characters past the end
   * of a line give the end of that line (LSP says to clamp, not to fail).
   */
  public int offsetAt(TextPosition position) {
    if (position.line() < 0) {
      return 0;
    }
    if (position.line() >= lineStarts.length) {
      return length;
    }
    int start = lineStarts[position.line()];
    int end = lineEnd(position.line());
    // Compared as a distance, not summed: start + a huge character would overflow.
    return start + Math.min(Math.max(0, position.character()), end - start);
  }
}
