package dev.iampolicyls.checks;

import dev.iampolicyls.syntax.JsonNode;
import java.nio.charset.StandardCharsets;

/** Measuring and comparing policy text the way IAM and Organizations count it. */
final class PolicyText {
  private PolicyText() {}

  /** Characters outside JSON strings that are whitespace do not count toward IAM's quotas. */
  static String compact(String text) {
    StringBuilder out = new StringBuilder(text.length());
    boolean inString = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (inString) {
        out.append(c);
        if (c == '\\' && i + 1 < text.length()) {
          out.append(text.charAt(++i));
        } else if (c == '"') {
          inString = false;
        }
      } else if (c == '"') {
        inString = true;
        out.append(c);
      } else if (!Character.isWhitespace(c)) {
        out.append(c);
      }
    }
    return out.toString();
  }

  /** The size IAM counts: characters without whitespace outside strings. */
  static int sizeWithoutWhitespace(String text) {
    // Counts what compact(text) would keep, without building it.
    int size = 0;
    boolean inString = false;
    char[] chars = text.toCharArray(); // read per character: an array beats charAt under C1
    for (int i = 0; i < chars.length; i++) {
      char c = chars[i];
      if (inString) {
        size++;
        if (c == '\\' && i + 1 < chars.length) {
          size++;
          i++;
        } else if (c == '"') {
          inString = false;
        }
      } else if (c == '"') {
        inString = true;
        size++;
      } else if ((c > ' ' && c < 0x80) || !Character.isWhitespace(c)) {
        size++; // ASCII above the space is never whitespace: no table look-up for most text
      }
    }
    return size;
  }

  /** The size Organizations counts: every character (leading and trailing blank lines aside). */
  static int sizeWithWhitespace(String text) {
    return text.strip().length();
  }

  static int utf8Bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8).length;
  }

  /** A node's JSON text without insignificant whitespace, to compare two elements. */
  static String compact(String text, JsonNode node) {
    return compact(text.substring(node.offset(), Math.min(text.length(), node.end())));
  }
}
