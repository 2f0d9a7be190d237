package dev.iampolicyls.catalog;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A tolerant reader for JavaScript array/object literals as found in the package's compiled {@code
 * globalConditionKeys.js}: single- or double-quoted strings, unquoted or quoted property names,
 * nested arrays and objects, trailing commas, comments. Other scalar values (numbers, booleans,
 * identifiers) are returned as their source text. It is not a JavaScript parser.
 */
final class JsLiteralReader {
  private final String src;
  private int pos;

  private JsLiteralReader(String src, int pos) {
    this.src = src;
    this.pos = pos;
  }

  /**
   * Finds {@code <variable> = [} in the source and reads that array.
   *
   * @throws IOException if the assignment is not found or the literal is malformed
   */
  static List<Object> readArrayAssignedTo(String source, String variable) throws IOException {
    int at = 0;
    while (true) {
      int idx = source.indexOf(variable, at);
      if (idx < 0) {
        throw new IOException("No array literal assigned to " + variable);
      }
      int p = idx + variable.length();
      while (p < source.length() && Character.isWhitespace(source.charAt(p))) {
        p++;
      }
      if (p < source.length() && source.charAt(p) == '=') {
        p++;
        while (p < source.length() && Character.isWhitespace(source.charAt(p))) {
          p++;
        }
        if (p < source.length() && source.charAt(p) == '[') {
          JsLiteralReader r = new JsLiteralReader(source, p);
          @SuppressWarnings("unchecked")
          List<Object> list = (List<Object>) r.value();
          return list;
        }
      }
      at = idx + 1;
    }
  }

  private Object value() throws IOException {
    skipSpace();
    char c = peek();
    if (c == '[') {
      pos++;
      List<Object> list = new ArrayList<>();
      while (true) {
        skipSpace();
        if (peek() == ']') {
          pos++;
          return list;
        }
        list.add(value());
        skipSpace();
        if (peek() == ',') {
          pos++;
        } else if (peek() != ']') {
          throw error("expected ',' or ']'");
        }
      }
    }
    if (c == '{') {
      pos++;
      Map<String, Object> map = new LinkedHashMap<>();
      while (true) {
        skipSpace();
        if (peek() == '}') {
          pos++;
          return map;
        }
        String key = peek() == '\'' || peek() == '"' ? string() : bare();
        skipSpace();
        if (peek() != ':') {
          throw error("expected ':'");
        }
        pos++;
        map.put(key, value());
        skipSpace();
        if (peek() == ',') {
          pos++;
        } else if (peek() != '}') {
          throw error("expected ',' or '}'");
        }
      }
    }
    if (c == '\'' || c == '"' || c == '`') {
      return string();
    }
    return bare();
  }

  private String string() throws IOException {
    char quote = src.charAt(pos++);
    StringBuilder sb = new StringBuilder();
    while (true) {
      char c = peek();
      pos++;
      if (c == quote) {
        return sb.toString();
      }
      if (c == '\\') {
        char e = peek();
        pos++;
        switch (e) {
          case 'n' -> sb.append('\n');
          case 't' -> sb.append('\t');
          case 'r' -> sb.append('\r');
          case 'b' -> sb.append('\b');
          case 'f' -> sb.append('\f');
          case '0' -> sb.append('\0');
          case 'u' -> {
            if (pos + 4 > src.length()) {
              throw error("bad \\u escape");
            }
            try {
              sb.append((char) Integer.parseInt(src.substring(pos, pos + 4), 16));
            } catch (NumberFormatException ex) {
              throw error("bad \\u escape");
            }
            pos += 4;
          }
          case '\n' -> {} // line continuation
          default -> sb.append(e);
        }
      } else {
        sb.append(c);
      }
    }
  }

  private String bare() throws IOException {
    int start = pos;
    while (pos < src.length()) {
      char c = src.charAt(pos);
      if (c == ',' || c == ':' || c == '}' || c == ']' || Character.isWhitespace(c)) {
        break;
      }
      pos++;
    }
    if (pos == start) {
      throw error("unexpected character");
    }
    return src.substring(start, pos);
  }

  private void skipSpace() throws IOException {
    while (pos < src.length()) {
      char c = src.charAt(pos);
      if (Character.isWhitespace(c)) {
        pos++;
      } else if (src.startsWith("//", pos)) {
        int nl = src.indexOf('\n', pos);
        pos = nl < 0 ? src.length() : nl + 1;
      } else if (src.startsWith("/*", pos)) {
        int end = src.indexOf("*/", pos + 2);
        if (end < 0) {
          throw error("unterminated comment");
        }
        pos = end + 2;
      } else {
        return;
      }
    }
  }

  private char peek() throws IOException {
    if (pos >= src.length()) {
      throw error("unexpected end of input");
    }
    return src.charAt(pos);
  }

  private IOException error(String message) {
    return new IOException("Cannot read JavaScript literal at offset " + pos + ": " + message);
  }
}
