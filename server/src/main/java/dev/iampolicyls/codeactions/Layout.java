package dev.iampolicyls.codeactions;

import dev.iampolicyls.syntax.ArrayNode;
import dev.iampolicyls.syntax.JsonNode;
import java.util.List;

/**
 * Writes a list of strings where one string was, in the document's own style: items of an array
 * that has one item per line go one per line at the same indentation; a single string becomes an
 * array indented with the document's indent unit; a one-line document stays on one line.
 */
public final class Layout {
  private Layout() {}

  /** The new text for {@code node} (a string) holding {@code values} instead. */
  static String replaceString(String text, JsonNode node, List<String> values) {
    if (values.size() == 1) {
      return quote(values.get(0));
    }
    if (node.parent() instanceof ArrayNode) {
      String separator =
          firstOnLine(text, node.offset()) ? ",\n" + lineIndent(text, node.offset()) : ", ";
      return join(values, separator);
    }
    return array(text, node.offset(), values);
  }

  /** A JSON array of the values, laid out for a value that starts at {@code at}. */
  static String array(String text, int at, List<String> values) {
    if (text.indexOf('\n') < 0) {
      return "[" + join(values, ", ") + "]";
    }
    String base = lineIndent(text, at);
    String inner = base + indentUnit(text);
    return "[\n" + inner + join(values, ",\n" + inner) + "\n" + base + "]";
  }

  /** The document's indent unit: a tab, or the smallest run of leading spaces; else two spaces. */
  public static String indentUnit(String text) {
    int smallest = Integer.MAX_VALUE;
    int lineStart = 0;
    while (lineStart < text.length()) {
      int i = lineStart;
      if (text.charAt(i) == '\t') {
        return "\t";
      }
      while (i < text.length() && text.charAt(i) == ' ') {
        i++;
      }
      boolean blank = i >= text.length() || text.charAt(i) == '\n' || text.charAt(i) == '\r';
      if (i > lineStart && !blank) {
        smallest = Math.min(smallest, i - lineStart);
      }
      int next = text.indexOf('\n', lineStart);
      if (next < 0) {
        break;
      }
      lineStart = next + 1;
    }
    return smallest == Integer.MAX_VALUE ? "  " : " ".repeat(smallest);
  }

  /**
   * Where the text of a node that ends at {@code end} really ends. A YAML block collection's span
   * runs on to the next token, over the blank lines and comment lines after it (and the next line's
   * indentation); this backs off to just past its last written character. A no-op for JSON, whose
   * nodes end at their own closing character.
   */
  public static int contentEnd(String text, int end) {
    int e = Math.min(end, text.length());
    while (true) {
      while (e > 0 && Character.isWhitespace(text.charAt(e - 1))) {
        e--;
      }
      int lineStart = text.lastIndexOf('\n', Math.max(0, e - 1)) + 1;
      if (e > lineStart && text.substring(lineStart, e).stripLeading().startsWith("#")) {
        e = lineStart; // a comment line of its own: not the node's
      } else {
        return e;
      }
    }
  }

  /** The whitespace that starts the line holding {@code offset}. */
  public static String lineIndent(String text, int offset) {
    int start = text.lastIndexOf('\n', Math.max(0, offset - 1)) + 1;
    int i = start;
    while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
      i++;
    }
    return text.substring(start, i);
  }

  static boolean firstOnLine(String text, int offset) {
    int start = text.lastIndexOf('\n', Math.max(0, offset - 1)) + 1;
    return text.substring(start, offset).isBlank();
  }

  /** A JSON string literal: quotes, backslashes and control characters escaped. */
  static String quote(String value) {
    StringBuilder sb = new StringBuilder(value.length() + 2).append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        default -> {
          if (c < 0x20) {
            sb.append(String.format("\\u%04x", (int) c)); // a raw control character breaks JSON
          } else {
            sb.append(c);
          }
        }
      }
    }
    return sb.append('"').toString();
  }

  private static String join(List<String> values, String separator) {
    StringBuilder sb = new StringBuilder();
    for (String v : values) {
      if (sb.length() > 0) {
        sb.append(separator);
      }
      sb.append(quote(v));
    }
    return sb.toString();
  }
}
