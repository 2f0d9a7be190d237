package dev.iampolicyls.embedded;

/**
 * Finds where each character of a decoded string sits in its source text, so that a finding on part
 * of a value (a variable inside an ARN) points at the right characters of a template. The value is
 * matched in order against the source: characters a quoting style drops (the indentation of a block
 * scalar) are skipped, and an escape ({@code \"}, {@code \u00e9}) stands for the one character it
 * writes.
 */
final class SourceAlignment {
  private SourceAlignment() {}

  /**
   * The source offset of each value character plus one past the last, or null when the value is not
   * found in order in {@code source[from, to)} (folded lines, unknown escapes).
   */
  static int[] align(String source, int from, int to, String value, boolean escapes) {
    int[] offsets = new int[value.length() + 1];
    int p = from;
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      boolean byEscape = false;
      while (p < to && source.charAt(p) != c) {
        if (escapes && source.charAt(p) == '\\' && p + 1 < to) {
          offsets[i] = p;
          p += escapeLength(source.charAt(p + 1));
          byEscape = true;
          break;
        }
        p++;
      }
      if (byEscape) {
        continue;
      }
      if (p >= to) {
        return null;
      }
      if (escapes && c == '\\' && p + 1 < to && source.charAt(p + 1) == '\\') {
        offsets[i] = p;
        p += 2;
        continue;
      }
      offsets[i] = p++;
    }
    offsets[value.length()] = p;
    return offsets;
  }

  /** Source characters of an escape starting with a backslash and {@code kind}. */
  private static int escapeLength(char kind) {
    return switch (kind) {
      case 'u' -> 6;
      case 'x' -> 4;
      case 'U' -> 10;
      default -> 2;
    };
  }
}
