package dev.iampolicyls.embedded;

/**
 * Sets aside the resource of a YAML template where a syntax error is, so the rest of a template
 * being typed can still be read: the resource's lines become spaces (line ends kept), so every
 * other offset stays what it is in the real text.
 */
final class ResourceBlanking {
  private ResourceBlanking() {}

  /**
   * The text with the top-level resource holding {@code errorOffset} blanked, or null when the
   * error is not inside a resource under {@code Resources:}.
   */
  static String withoutResourceAt(String text, int errorOffset) {
    int resources = lineStartOf(text, "Resources:");
    if (resources < 0 || errorOffset <= resources) {
      return null;
    }
    int firstEntry = nextContentLine(text, text.indexOf('\n', resources) + 1);
    if (firstEntry < 0) {
      return null;
    }
    int indent = indentation(text, firstEntry);
    if (indent == 0) {
      return null;
    }
    // The resource starts at the last line of that indentation at or before the error...
    int start = -1;
    for (int line = firstEntry; line >= 0 && line <= errorOffset; line = nextLine(text, line)) {
      if (isContent(text, line) && indentation(text, line) == indent) {
        start = line;
      }
    }
    if (start < 0) {
      return null;
    }
    // ...and ends before the next line indented as much or less.
    int end = text.length();
    for (int line = nextLine(text, start); line >= 0; line = nextLine(text, line)) {
      if (line > errorOffset && isContent(text, line) && indentation(text, line) <= indent) {
        end = line;
        break;
      }
    }
    StringBuilder out = new StringBuilder(text);
    for (int i = start; i < end; i++) {
      char c = out.charAt(i);
      if (c != '\n' && c != '\r') {
        out.setCharAt(i, ' ');
      }
    }
    return out.toString();
  }

  /** The start of the first line that is exactly {@code key} at column 0 (spaces after allowed). */
  private static int lineStartOf(String text, String key) {
    for (int line = 0; line >= 0; line = nextLine(text, line)) {
      if (text.startsWith(key, line)) {
        int after = line + key.length();
        int eol = lineEnd(text, line);
        if (text.substring(after, eol).isBlank()) {
          return line;
        }
      }
    }
    return -1;
  }

  private static int nextContentLine(String text, int from) {
    for (int line = from; line >= 0 && line < text.length(); line = nextLine(text, line)) {
      if (isContent(text, line)) {
        return line;
      }
    }
    return -1;
  }

  /** Not blank and not a comment. */
  private static boolean isContent(String text, int line) {
    return isContentAt(text, line + indentation(text, line));
  }

  /** Whether the line whose first character that is no space is at {@code i} has content. */
  private static boolean isContentAt(String text, int i) {
    if (i >= text.length()) {
      return false;
    }
    char c = text.charAt(i); // the first character that is no space: not past the line's end
    return c != '\n' && c != '\r' && c != '#';
  }

  private static int indentation(String text, int line) {
    int i = line;
    while (i < text.length() && text.charAt(i) == ' ') {
      i++;
    }
    return i - line;
  }

  private static int lineEnd(String text, int line) {
    int i = line;
    while (i < text.length() && text.charAt(i) != '\n' && text.charAt(i) != '\r') {
      i++;
    }
    return i;
  }

  /** The start of the next line, or -1 after the last. */
  private static int nextLine(String text, int line) {
    int eol = text.indexOf('\n', line);
    return eol < 0 || eol + 1 > text.length() ? -1 : eol + 1;
  }
}
