package dev.iampolicyls.codeactions;

import dev.iampolicyls.syntax.JsonNode;
import dev.iampolicyls.syntax.StringNode;
import java.util.regex.Pattern;

/**
 * Edits of a template value at its own characters. A string written through a template function
 * ({@code !Sub 'arn:${AWS::Partition}:...'}) reads as a value with stand-ins for the references;
 * writing that value back would lose the function, so only the characters that change are spliced
 * in, and only where they are literal characters of the template.
 */
final class Splices {
  /** What may be spliced into any scalar without quoting or escaping. */
  private static final Pattern PLAIN_CHARACTERS = Pattern.compile("[A-Za-z0-9:/*_.\\-?=@+!]*");

  private Splices() {}

  /**
   * Whether the node is a value written as it reads: a plain or quoted scalar, not a function, a
   * block scalar or a value with references.
   */
  static boolean writtenAsIs(String text, JsonNode node) {
    if (!(node instanceof StringNode s)) {
      return true;
    }
    if (s.opaque() || s.length() == 0) {
      return false;
    }
    char first = text.charAt(s.offset());
    if (first == '!' || first == '{' || first == '[' || first == '|' || first == '>') {
      return false;
    }
    String value = s.value();
    for (int i = 0; i < value.length(); i++) {
      int at = s.sourceOffset(i);
      int next = s.sourceOffset(i + 1);
      if (at < 0 || next <= at) {
        return false;
      }
      char written = text.charAt(at);
      boolean escaped = written == '\\' || (written == '\'' && value.charAt(i) == '\'');
      if (!escaped && (written != value.charAt(i) || next != at + 1)) {
        return false;
      }
    }
    return true;
  }

  /** The edit that turns the node's value into {@code value} by changing only what differs. */
  static TextEdit splice(String text, StringNode node, String value) {
    String old = node.value();
    int prefix = 0;
    while (prefix < old.length()
        && prefix < value.length()
        && old.charAt(prefix) == value.charAt(prefix)) {
      prefix++;
    }
    int suffix = 0;
    while (suffix < old.length() - prefix
        && suffix < value.length() - prefix
        && old.charAt(old.length() - 1 - suffix) == value.charAt(value.length() - 1 - suffix)) {
      suffix++;
    }
    int from = prefix;
    int to = old.length() - suffix;
    String middle = value.substring(prefix, value.length() - suffix);
    if (!PLAIN_CHARACTERS.matcher(middle).matches()) {
      throw new EditWriter.NotWritable("needs quoting inside a template value");
    }
    for (int i = from; i < to; i++) {
      if (!literal(text, node, i)) {
        throw new EditWriter.NotWritable("changes a reference of a template value");
      }
    }
    if (from == to) {
      // An insertion goes next to a literal character, never into a reference.
      boolean anchored =
          (from > 0 && literal(text, node, from - 1))
              || (from < old.length() && literal(text, node, from));
      if (!anchored) {
        throw new EditWriter.NotWritable("inserts into a reference of a template value");
      }
    }
    int start = node.sourceOffset(from);
    int end = node.sourceOffset(to);
    if (start < 0 || end < start) {
      throw new EditWriter.NotWritable("value not located in the template");
    }
    return new TextEdit(start, end - start, middle);
  }

  /** Whether the value's character {@code i} is that same character, alone, in the text. */
  private static boolean literal(String text, StringNode node, int i) {
    int at = node.sourceOffset(i);
    return at >= 0
        && node.sourceOffset(i + 1) == at + 1
        && text.charAt(at) == node.value().charAt(i);
  }

  /**
   * Whether only separators lie between the node and its neighbours in the text: it is an item of
   * the list as written, not one brought in by a function ({@code !If}) whose text would break.
   */
  static boolean direct(String text, JsonNode node, JsonNode previous, JsonNode next) {
    int before = previous != null ? previous.end() : node.parent().offset();
    int after = next != null ? next.offset() : node.end();
    return separators(text, before, node.offset()) && separators(text, node.end(), after);
  }

  private static boolean separators(String text, int from, int to) {
    boolean comment = false;
    for (int i = Math.max(0, from); i < to && i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n') {
        comment = false;
      } else if (comment || Character.isWhitespace(c) || c == ',' || c == '-' || c == '[') {
        continue;
      } else if (c == '{' && i == from) {
        continue;
      } else if (c == '#') {
        comment = true;
      } else {
        return false;
      }
    }
    return true;
  }
}
