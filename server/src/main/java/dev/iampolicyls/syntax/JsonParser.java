package dev.iampolicyls.syntax;

import java.util.ArrayList;
import java.util.List;

/**
 * A JSON parser that never throws. It builds the tree it can and records every syntax error with
 * its span, recovering from what people type mid-edit: unterminated strings (they end at the line
 * end), missing commas and colons, trailing commas, empty values, unclosed objects and arrays.
 * Comments are reported as errors because IAM rejects them. Nesting deeper than {@link #MAX_DEPTH}
 * is reported and skipped without recursion, so no input can overflow the stack.
 */
final class JsonParser {
  /** Real policies nest five or six levels; anything this deep is hostile or broken. */
  static final int MAX_DEPTH = 256;

  private final String text;

  /**
   * The text's characters, read one by one: an array index is much cheaper than {@code charAt}
   * (coder test and bounds check per call) in code compiled by C1, the launcher's only compiler.
   */
  private final char[] chars;

  /** The offset of {@code chars[0]} in the text: positions stay the text's own. */
  private final int base;

  /** Where the parsed span ends in the text. */
  private final int n;

  private final List<SyntaxError> errors = new ArrayList<>();

  /** See {@link JsonDocument#damageStart()}; -1 while nothing is unterminated. */
  private int damageStart = -1;

  private int pos;
  private int depth;

  // The current token.
  private Token token;
  private int tokenStart;
  private int tokenEnd;
  private String tokenString;
  private boolean tokenTerminated;

  private enum Token {
    OPEN_BRACE,
    CLOSE_BRACE,
    OPEN_BRACKET,
    CLOSE_BRACKET,
    COLON,
    COMMA,
    STRING,
    NUMBER,
    TRUE,
    FALSE,
    NULL,
    UNKNOWN,
    EOF
  }

  JsonParser(String text) {
    this(text, 0, text.length());
  }

  /**
   * Parses only {@code [from, to)} of the text as if the rest were blank, without copying or
   * scanning the rest: a policy inside a large template at its offsets in the template.
   */
  JsonParser(String text, int from, int to) {
    this.text = text;
    this.base = from;
    this.n = to;
    this.chars = new char[to - from];
    text.getChars(from, to, chars, 0);
    this.pos = from;
  }

  JsonDocument parse() {
    if (n > base && chars[0] == '\uFEFF') {
      pos = base + 1; // a byte order mark is tolerated: editors keep it invisible
    }
    next();
    JsonNode root = null;
    if (token == Token.EOF) {
      error(tokenStart, 0, "Expected a JSON value, but the document is empty");
    } else {
      root = parseValue();
      if (root == null) {
        error(tokenStart, tokenEnd - tokenStart, "Expected a JSON value");
      }
      if (token != Token.EOF) {
        error(
            tokenStart,
            Math.max(1, tokenEnd - tokenStart),
            "Unexpected content after the end of the document");
      }
    }
    return new JsonDocument(text, root, errors, damageStart);
  }

  // ---- values -------------------------------------------------------------------------------

  /** Parses the value at the current token, or returns null (without consuming) if none starts. */
  private JsonNode parseValue() {
    switch (token) {
      case OPEN_BRACE:
        return depthGuard() ? parseObject() : skipNested();
      case OPEN_BRACKET:
        return depthGuard() ? parseArray() : skipNested();
      case STRING:
        {
          StringNode s =
              new StringNode(tokenStart, tokenEnd - tokenStart, tokenString, tokenTerminated);
          next();
          return s;
        }
      case NUMBER:
        {
          NumberNode num = new NumberNode(tokenStart, text.substring(tokenStart, tokenEnd));
          next();
          return num;
        }
      case TRUE:
      case FALSE:
      case NULL:
        {
          LiteralNode.Kind kind =
              token == Token.TRUE
                  ? LiteralNode.Kind.TRUE
                  : token == Token.FALSE ? LiteralNode.Kind.FALSE : LiteralNode.Kind.NULL;
          LiteralNode lit = new LiteralNode(tokenStart, tokenEnd - tokenStart, kind);
          next();
          return lit;
        }
      default:
        return null;
    }
  }

  private boolean depthGuard() {
    return depth < MAX_DEPTH;
  }

  /**
   * Past the depth limit: report once and skip the balanced bracket run iteratively. The skipped
   * part becomes an empty, unclosed container so the tree above it stays intact.
   */
  private JsonNode skipNested() {
    int start = tokenStart;
    boolean object = token == Token.OPEN_BRACE;
    error(start, 1, "Nesting is deeper than " + MAX_DEPTH + " levels; the content is skipped");
    int level = 0;
    while (token != Token.EOF) {
      if (token == Token.OPEN_BRACE || token == Token.OPEN_BRACKET) {
        level++;
      } else if (token == Token.CLOSE_BRACE || token == Token.CLOSE_BRACKET) {
        level--;
      }
      int end = tokenEnd;
      next();
      if (level == 0) {
        JsonNode skipped = object ? new ObjectNode(start) : new ArrayNode(start);
        skipped.setEnd(end);
        return skipped;
      }
    }
    JsonNode skipped = object ? new ObjectNode(start) : new ArrayNode(start);
    skipped.setEnd(n);
    return skipped;
  }

  private ObjectNode parseObject() {
    depth++;
    ObjectNode object = new ObjectNode(tokenStart);
    next(); // '{'
    boolean needComma = false;
    while (true) {
      if (token == Token.CLOSE_BRACE) {
        object.setEnd(tokenEnd);
        object.markClosed();
        next();
        break;
      }
      if (token == Token.EOF) {
        error(n, 0, "Expected '}' to close the object");
        object.setEnd(n);
        unclosed(object, true);
        break;
      }
      if (token == Token.COMMA) {
        if (!needComma) {
          error(tokenStart, 1, "Expected a property, found ','");
        }
        int commaStart = tokenStart;
        next();
        if (token == Token.CLOSE_BRACE) {
          error(commaStart, 1, "Trailing comma: remove it, JSON does not allow it");
        }
        needComma = false;
        continue;
      }
      if (token == Token.CLOSE_BRACKET) {
        error(tokenStart, 1, "Expected '}' but found ']'");
        object.setEnd(tokenStart);
        unclosed(object, false);
        break; // leave ']' to an enclosing array
      }
      if (needComma) {
        error(tokenStart, tokenLength(), "Expected ',' between properties");
      }
      PropertyNode property = parseProperty();
      if (property == null) {
        // Not a key: report and skip the token so the loop always makes progress.
        error(tokenStart, tokenLength(), "Expected a property name in double quotes");
        next();
        needComma = false;
        continue;
      }
      object.add(property);
      object.setEnd(property.end());
      needComma = true;
    }
    depth--;
    return object;
  }

  private PropertyNode parseProperty() {
    if (token != Token.STRING) {
      return null;
    }
    StringNode key =
        new StringNode(tokenStart, tokenEnd - tokenStart, tokenString, tokenTerminated);
    PropertyNode property = new PropertyNode(key);
    next();
    if (token == Token.COLON) {
      property.setColonOffset(tokenStart);
      next();
    } else {
      error(key.end(), 0, "Expected ':' after the property name");
      if (!startsValue()) {
        return property; // a bare key, e.g. while typing
      }
    }
    JsonNode value = parseValue();
    if (value == null && token == Token.UNKNOWN) {
      // A bare word such as Allow: say what is wrong and skip it, as the value it meant to be.
      error(tokenStart, tokenLength(), "Expected a value: strings need double quotes");
      next();
    } else if (value == null) {
      int at = token == Token.EOF ? n : tokenStart;
      error(at, token == Token.EOF ? 0 : tokenLength(), "Expected a value");
    } else {
      property.setValue(value);
    }
    return property;
  }

  private boolean startsValue() {
    return switch (token) {
      case OPEN_BRACE, OPEN_BRACKET, NUMBER, TRUE, FALSE, NULL -> true;
      // A string right after a key with no colon is more likely its value than the next key
      // only if it sits on the same line.
      case STRING -> !lineBreakBetween(tokenStart);
      default -> false;
    };
  }

  private boolean lineBreakBetween(int offset) {
    for (int i = offset - 1; i >= base; i--) {
      char c = chars[i - base];
      if (c == '\n' || c == '\r') {
        return true;
      }
      if (c != ' ' && c != '\t') {
        return false;
      }
    }
    return false;
  }

  private ArrayNode parseArray() {
    depth++;
    ArrayNode array = new ArrayNode(tokenStart);
    next(); // '['
    boolean needComma = false;
    while (true) {
      if (token == Token.CLOSE_BRACKET) {
        array.setEnd(tokenEnd);
        array.markClosed();
        next();
        break;
      }
      if (token == Token.EOF) {
        error(n, 0, "Expected ']' to close the array");
        array.setEnd(n);
        unclosed(array, true);
        break;
      }
      if (token == Token.COMMA) {
        if (!needComma) {
          error(tokenStart, 1, "Expected a value, found ','");
        }
        int commaStart = tokenStart;
        next();
        if (token == Token.CLOSE_BRACKET) {
          error(commaStart, 1, "Trailing comma: remove it, JSON does not allow it");
        }
        needComma = false;
        continue;
      }
      if (token == Token.CLOSE_BRACE) {
        error(tokenStart, 1, "Expected ']' but found '}'");
        array.setEnd(tokenStart);
        unclosed(array, false);
        break; // leave '}' to an enclosing object
      }
      if (needComma) {
        error(tokenStart, tokenLength(), "Expected ',' between values");
      }
      JsonNode value = parseValue();
      if (value == null) {
        error(tokenStart, tokenLength(), "Expected a value");
        next();
        needComma = false;
        continue;
      }
      array.add(value);
      array.setEnd(value.end());
      needComma = true;
    }
    depth--;
    return array;
  }

  // ---- scanner ------------------------------------------------------------------------------

  private int tokenLength() {
    return Math.max(1, tokenEnd - tokenStart);
  }

  /**
   * An object or array that ends without its bracket: the tree is sure of it up to the first error
   * inside it, which is where its shape goes wrong (a missing bracket is noticed only later). One
   * that another bracket closed ({@code "Action": ["s3:GetObject",} then {@code "Resource": "*"}})
   * took in the member where that error is: the next key became an item.
   *
   * @param atEnd whether the document ended first (then the members are as typed so far)
   */
  private void unclosed(JsonNode container, boolean atEnd) {
    for (SyntaxError e : errors) {
      if (e.offset() >= container.offset()) {
        int at = e.offset();
        if (!atEnd) {
          for (JsonNode member : container.children()) {
            if (member.offset() <= e.offset()) {
              at = member.offset();
            }
          }
        }
        damaged(at);
        return;
      }
    }
  }

  private void damaged(int at) {
    if (damageStart < 0 || at < damageStart) {
      damageStart = at;
    }
  }

  private void error(int offset, int length, String message) {
    // A pathological document could produce one error per character; a few hundred tell enough.
    if (errors.size() < 1000) {
      errors.add(new SyntaxError(offset, length, message));
    }
  }

  private void next() {
    skipTrivia();
    tokenStart = pos;
    if (pos >= n) {
      token = Token.EOF;
      tokenEnd = n;
      return;
    }
    char c = chars[pos - base];
    switch (c) {
      case '{' -> single(Token.OPEN_BRACE);
      case '}' -> single(Token.CLOSE_BRACE);
      case '[' -> single(Token.OPEN_BRACKET);
      case ']' -> single(Token.CLOSE_BRACKET);
      case ':' -> single(Token.COLON);
      case ',' -> single(Token.COMMA);
      case '"' -> scanString();
      default -> {
        if (c == '-' || (c >= '0' && c <= '9')) {
          scanNumber();
        } else if (isWordChar(c)) {
          scanWord();
        } else {
          pos++;
          if (Character.isHighSurrogate(c)
              && pos < n
              && Character.isLowSurrogate(chars[pos - base])) {
            pos++;
          }
          token = Token.UNKNOWN;
          tokenEnd = pos;
        }
      }
    }
  }

  private void single(Token t) {
    token = t;
    pos++;
    tokenEnd = pos;
  }

  private void skipTrivia() {
    while (pos < n) {
      char c = chars[pos - base];
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
        pos++;
      } else if (c == '/' && pos + 1 < n && chars[pos + 1 - base] == '/') {
        int start = pos;
        while (pos < n && chars[pos - base] != '\n' && chars[pos - base] != '\r') {
          pos++;
        }
        error(start, pos - start, "Comments are not allowed in IAM policies");
      } else if (c == '/' && pos + 1 < n && chars[pos + 1 - base] == '*') {
        int start = pos;
        int close = text.indexOf("*/", pos + 2);
        pos = close < 0 || close + 2 > n ? n : close + 2;
        error(start, pos - start, "Comments are not allowed in IAM policies");
      } else {
        return;
      }
    }
  }

  private static boolean isWordChar(char c) {
    return Character.isLetterOrDigit(c) || c == '_' || c == '$' || c == '.' || c == '+';
  }

  private void scanWord() {
    int start = pos;
    while (pos < n && isWordChar(chars[pos - base])) {
      pos++;
    }
    tokenEnd = pos;
    String word = text.substring(start, pos);
    switch (word) {
      case "true" -> token = Token.TRUE;
      case "false" -> token = Token.FALSE;
      case "null" -> token = Token.NULL;
      default -> {
        token = Token.UNKNOWN;
        error(
            start,
            pos - start,
            "Unexpected '" + abbreviate(word) + "': strings need double quotes");
        // The caller reports what it expected; this token is then skipped.
        errors.remove(errors.size() - 1);
      }
    }
  }

  private void scanNumber() {
    int start = pos;
    if (chars[pos - base] == '-') {
      pos++;
    }
    boolean valid = true;
    int digits = pos;
    while (pos < n && Character.isDigit(chars[pos - base])) {
      pos++;
    }
    if (pos == digits) {
      valid = false;
    } else if (chars[digits - base] == '0' && pos - digits > 1) {
      valid = false; // leading zeros
    }
    if (pos < n && chars[pos - base] == '.') {
      pos++;
      int frac = pos;
      while (pos < n && Character.isDigit(chars[pos - base])) {
        pos++;
      }
      valid &= pos > frac;
    }
    if (pos < n && (chars[pos - base] == 'e' || chars[pos - base] == 'E')) {
      pos++;
      if (pos < n && (chars[pos - base] == '+' || chars[pos - base] == '-')) {
        pos++;
      }
      int exp = pos;
      while (pos < n && Character.isDigit(chars[pos - base])) {
        pos++;
      }
      valid &= pos > exp;
    }
    token = Token.NUMBER;
    tokenEnd = pos;
    if (!valid) {
      error(start, pos - start, "Invalid number '" + abbreviate(text.substring(start, pos)) + "'");
    }
  }

  private void scanString() {
    int start = pos;
    pos++; // opening quote
    StringBuilder sb = null;
    int chunk = pos;
    while (true) {
      if (pos >= n) {
        finishString(start, sb, chunk, pos, false);
        return;
      }
      char c = chars[pos - base];
      if (c == '"') {
        finishString(start, sb, chunk, pos, true);
        pos++;
        tokenEnd = pos;
        return;
      }
      if (c == '\n' || c == '\r') {
        // Unterminated: end the string at the line end so the rest of the document still parses.
        finishString(start, sb, chunk, pos, false);
        return;
      }
      if (c == '\\') {
        if (sb == null) {
          sb = new StringBuilder();
        }
        sb.append(text, chunk, pos);
        int escStart = pos;
        pos++;
        if (pos >= n || chars[pos - base] == '\n' || chars[pos - base] == '\r') {
          error(escStart, 1, "Incomplete escape sequence");
          chunk = pos;
          continue;
        }
        char e = chars[pos - base];
        pos++;
        switch (e) {
          case '"' -> sb.append('"');
          case '\\' -> sb.append('\\');
          case '/' -> sb.append('/');
          case 'b' -> sb.append('\b');
          case 'f' -> sb.append('\f');
          case 'n' -> sb.append('\n');
          case 'r' -> sb.append('\r');
          case 't' -> sb.append('\t');
          case 'u' -> {
            int value = 0;
            int k = 0;
            while (k < 4 && pos < n && Character.digit(chars[pos - base], 16) >= 0) {
              value = value * 16 + Character.digit(chars[pos - base], 16);
              pos++;
              k++;
            }
            if (k < 4) {
              error(escStart, pos - escStart, "Invalid unicode escape: \\u needs four hex digits");
            } else {
              sb.append((char) value);
            }
          }
          default -> error(escStart, 2, "Invalid escape sequence '\\" + e + "'");
        }
        chunk = pos;
        continue;
      }
      if (c < 0x20) {
        error(
            pos, 1, String.format("Control character U+%04X is not allowed in a string", (int) c));
      }
      pos++;
    }
  }

  private void finishString(int start, StringBuilder sb, int chunk, int end, boolean terminated) {
    String value = sb == null ? text.substring(chunk, end) : sb.append(text, chunk, end).toString();
    token = Token.STRING;
    tokenString = value;
    tokenTerminated = terminated;
    tokenEnd = end;
    if (!terminated) {
      error(start, end - start, "Unterminated string: add the closing '\"'");
      damaged(start);
    }
  }

  private static String abbreviate(String s) {
    return s.length() <= 40 ? s : s.substring(0, 37) + "...";
  }
}
