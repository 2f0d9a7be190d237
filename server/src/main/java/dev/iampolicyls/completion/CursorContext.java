package dev.iampolicyls.completion;

import dev.iampolicyls.syntax.ArrayNode;
import dev.iampolicyls.syntax.JsonDocument;
import dev.iampolicyls.syntax.JsonNode;
import dev.iampolicyls.syntax.ObjectNode;
import dev.iampolicyls.syntax.PropertyNode;
import dev.iampolicyls.syntax.StringNode;
import java.util.List;
import java.util.Optional;

/**
 * Where the cursor is, in terms completion needs: at a property key of an object, at the value of a
 * property, or at an item of an array; the string under the cursor, if any; the text typed so far;
 * and the span a proposal replaces. Found from the tolerant tree plus a look at the characters just
 * before the cursor, so it works while the document is broken (an unterminated string, a missing
 * comma or value, a trailing comma, a bare word).
 *
 * @param position which of the three places
 * @param object KEY: the object whose key is typed; VALUE: the object holding the property
 * @param property KEY: the property whose key is being edited, or null for a new one; VALUE: the
 *     property whose value is typed
 * @param array ITEM: the array; otherwise null
 * @param string the string under the cursor, or null
 * @param offset the cursor
 * @param replaceStart start of the span a proposal replaces: the string with its quotes, a bare
 *     word, or the cursor when nothing is typed yet
 * @param replaceEnd end of that span
 * @param prefix what is typed between the opening quote (or the word start) and the cursor
 * @param commaBefore where a comma must go so a new member follows the previous one, or -1
 * @param commaAfter whether a new member needs a comma after it, because another one follows
 */
public record CursorContext(
    Position position,
    ObjectNode object,
    PropertyNode property,
    ArrayNode array,
    StringNode string,
    int offset,
    int replaceStart,
    int replaceEnd,
    String prefix,
    int commaBefore,
    boolean commaAfter) {

  public enum Position {
    KEY,
    VALUE,
    ITEM
  }

  /** The JSON path of the place: the object for a key, the property or the array's owner. */
  public List<Object> path() {
    return switch (position) {
      case KEY -> object.path();
      case VALUE -> property.path();
      case ITEM -> array.path();
    };
  }

  /** Whether the proposal replaces a string, so the editor's typed text starts with a quote. */
  public boolean quoted() {
    return string != null;
  }

  /** A key item adds ": value" only where the property has neither colon nor value yet. */
  public boolean newKey() {
    return property == null || (property.colonOffset() < 0 && property.value() == null);
  }

  /** The context at the offset, or empty where nothing sensible can be typed. */
  public static Optional<CursorContext> find(JsonDocument document, int offset) {
    String text = document.text();
    if (document.root() == null || offset < 0 || offset > text.length()) {
      return Optional.empty();
    }
    JsonNode node = document.nodeAt(offset);
    if (node instanceof StringNode s && offset > s.offset() && offset <= s.contentEnd()) {
      return inString(text, s, offset);
    }
    return between(document, text, offset);
  }

  private static Optional<CursorContext> inString(String text, StringNode s, int offset) {
    String prefix = text.substring(s.contentOffset(), offset);
    int end = typedStringEnd(text, s, offset);
    boolean commaAfter = nextStartsMember(text, end);
    JsonNode parent = s.parent();
    if (parent instanceof PropertyNode p && p.key() == s) {
      return Optional.of(
          new CursorContext(
              Position.KEY,
              (ObjectNode) p.parent(),
              p,
              null,
              s,
              offset,
              s.offset(),
              end,
              prefix,
              -1,
              commaAfter && p.colonOffset() < 0 && p.value() == null));
    }
    if (parent instanceof PropertyNode p) {
      return Optional.of(
          new CursorContext(
              Position.VALUE,
              (ObjectNode) p.parent(),
              p,
              null,
              s,
              offset,
              s.offset(),
              end,
              prefix,
              -1,
              commaAfter));
    }
    if (parent instanceof ArrayNode a) {
      return Optional.of(
          new CursorContext(
              Position.ITEM, null, null, a, s, offset, s.offset(), end, prefix, -1, commaAfter));
    }
    return Optional.empty();
  }

  /**
   * Where the string being typed ends: at its closing quote when it has one, else at the first
   * character after the cursor that cannot belong to a typed value. An unterminated string runs to
   * its line end in the tree, and a quote further on the line (the next string's opening quote)
   * seems to close it; replacing either span would delete the brackets, braces and commas the user
   * typed after it.
   */
  private static int typedStringEnd(String text, StringNode s, int offset) {
    if (s.terminated() && (s.end() >= text.length() || endsToken(text.charAt(s.end())))) {
      return s.end();
    }
    int end = offset;
    while (end < s.end() && !endsToken(text.charAt(end)) && text.charAt(end) != '"') {
      end++;
    }
    return end;
  }

  /** Whether the character may follow a complete JSON token: a delimiter or a space. */
  private static boolean endsToken(char c) {
    return Character.isWhitespace(c) || c == ',' || c == ':' || c == ']' || c == '}';
  }

  /**
   * Whether the string under the cursor is closed by its own quote, so a proposal that leaves the
   * closing quote in place can end before it.
   */
  public boolean stringClosed() {
    return string != null && string.terminated() && replaceEnd == string.end();
  }

  /** The cursor is not inside a string: decide from the characters before it. */
  private static Optional<CursorContext> between(JsonDocument document, String text, int offset) {
    int wordStart = offset;
    while (wordStart > 0 && isWordChar(text.charAt(wordStart - 1))) {
      wordStart--;
    }
    int wordEnd = offset;
    while (wordEnd < text.length() && isWordChar(text.charAt(wordEnd))) {
      wordEnd++;
    }
    int q = wordStart - 1;
    while (q >= 0 && Character.isWhitespace(text.charAt(q))) {
      q--;
    }
    if (q < 0) {
      return Optional.empty();
    }
    JsonNode container = containerAt(document.root(), q, wordStart);
    if (container == null) {
      return Optional.empty();
    }
    String prefix = text.substring(wordStart, offset);
    boolean commaAfter = nextStartsMember(text, wordEnd);
    char c = text.charAt(q);
    if (c == ':') {
      if (!(container instanceof ObjectNode object)) {
        return Optional.empty();
      }
      for (PropertyNode p : object.properties()) {
        if (p.colonOffset() == q) {
          if (hasValueAfter(text, p, wordEnd)) {
            return Optional.empty(); // a value is already there: a proposal would add a second
          }
          return Optional.of(
              new CursorContext(
                  Position.VALUE,
                  object,
                  p,
                  null,
                  null,
                  offset,
                  wordStart,
                  wordEnd,
                  prefix,
                  -1,
                  commaAfter));
        }
      }
      return Optional.empty();
    }
    int commaBefore = -1;
    if (c == '{' || c == '[') {
      if (container.offset() != q) {
        return Optional.empty();
      }
    } else if (c != ',') {
      // After a member with no comma yet: the new one needs a comma before it. Right against
      // the member (no space between) is no place for a new one.
      if (q + 1 == wordStart || !endsMember(container, q + 1)) {
        return Optional.empty();
      }
      commaBefore = q + 1;
    }
    if (container instanceof ObjectNode object) {
      return Optional.of(
          new CursorContext(
              Position.KEY,
              object,
              null,
              null,
              null,
              offset,
              wordStart,
              wordEnd,
              prefix,
              commaBefore,
              commaAfter));
    }
    return Optional.of(
        new CursorContext(
            Position.ITEM,
            null,
            null,
            (ArrayNode) container,
            null,
            offset,
            wordStart,
            wordEnd,
            prefix,
            commaBefore,
            commaAfter));
  }

  /**
   * The innermost object or array that has the character at {@code q} inside it (its opening
   * bracket counts) and reaches to {@code to}: an unclosed one reaches to its end.
   */
  private static JsonNode containerAt(JsonNode root, int q, int to) {
    JsonNode found = null;
    JsonNode node = root;
    while (node != null) {
      boolean container = node instanceof ObjectNode || node instanceof ArrayNode;
      boolean closed =
          node instanceof ObjectNode o ? o.closed() : node instanceof ArrayNode a && a.closed();
      int lastInside = closed ? node.end() - 1 : node.end();
      if (!(container || node instanceof PropertyNode) || node.offset() > q || to > lastInside) {
        break;
      }
      if (container) {
        found = node;
      }
      JsonNode next = null;
      for (JsonNode child : node.children()) {
        if (child.offset() <= q && q < child.end()) {
          next = child;
        }
      }
      node = next;
    }
    return found;
  }

  /** Whether a member of the container (a property with a value, or an item) ends at end. */
  private static boolean endsMember(JsonNode container, int end) {
    for (JsonNode child : container.children()) {
      if (child.end() == end) {
        return !(child instanceof PropertyNode p) || p.value() != null;
      }
    }
    return false;
  }

  /**
   * Whether the property already has a value after the cursor. A string followed by a colon is the
   * next property's key that the parser took as this one's value while it is being typed.
   */
  private static boolean hasValueAfter(String text, PropertyNode p, int wordEnd) {
    JsonNode value = p.value();
    if (value == null || value.offset() < wordEnd) {
      return false;
    }
    int i = value.end();
    while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
      i++;
    }
    return i >= text.length() || text.charAt(i) != ':';
  }

  /** Whether the next token after the offset starts another member or item. */
  private static boolean nextStartsMember(String text, int from) {
    int i = from;
    while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
      i++;
    }
    if (i >= text.length()) {
      return false;
    }
    char c = text.charAt(i);
    return c == '"' || c == '{' || c == '[';
  }

  private static boolean isWordChar(char c) {
    return Character.isLetterOrDigit(c) || c == '_' || c == '$' || c == '.' || c == '+' || c == '-';
  }
}
