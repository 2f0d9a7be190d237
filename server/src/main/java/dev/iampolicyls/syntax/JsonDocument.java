package dev.iampolicyls.syntax;

import java.util.List;

/**
 * The result of parsing: the source text, the tree (null only for an empty or all-garbage
 * document), the syntax errors, and the line index for position conversion.
 */
public final class JsonDocument {
  private final String text;
  private final JsonNode root;
  private final List<SyntaxError> errors;
  private final int damageStart;
  private final String policyText;
  private LineIndex lines;

  JsonDocument(String text, JsonNode root, List<SyntaxError> errors, int damageStart) {
    this(text, root, errors, damageStart, null);
  }

  /** A tree built from a host document: see {@link #policyText()}. */
  JsonDocument(String text, JsonNode root, List<SyntaxError> errors, String policyText) {
    this(text, root, errors, -1, policyText);
  }

  private JsonDocument(
      String text, JsonNode root, List<SyntaxError> errors, int damageStart, String policyText) {
    this.text = text;
    this.root = root;
    this.errors = List.copyOf(errors);
    this.damageStart = damageStart;
    this.policyText = policyText;
  }

  public static JsonDocument parse(String text) {
    return new JsonParser(text).parse();
  }

  /**
   * Parses only {@code [from, to)} of the text, as if everything else were blank: the tree's
   * offsets are the text's own, and the rest of the text is neither copied nor scanned.
   */
  public static JsonDocument parse(String text, int from, int to) {
    return new JsonParser(text, from, to).parse();
  }

  public String text() {
    return text;
  }

  /**
   * The policy's own JSON text: the text itself, or for a policy embedded in a template (whose
   * {@link #text()} is the whole template) the policy written out as JSON. Size quotas count this.
   */
  public String policyText() {
    return policyText != null ? policyText : text;
  }

  /** Whether the tree was built from a host document (a template) rather than parsed from JSON. */
  public boolean embedded() {
    return policyText != null;
  }

  public JsonNode root() {
    return root;
  }

  public List<SyntaxError> errors() {
    return errors;
  }

  /**
   * Where an unterminated string, object or array starts to make the tree guess, or -1 when
   * everything is terminated. From there on the tree is the parser's best guess: an unterminated
   * string takes in the brackets and commas after it on its line, and what follows lands in the
   * wrong container (the next key becomes an item of the Action array). Other syntax errors (a
   * missing or trailing comma, a bare word) leave the tree's shape as the author meant it.
   */
  public int damageStart() {
    return damageStart;
  }

  public synchronized LineIndex lines() {
    if (lines == null) {
      lines = new LineIndex(text);
    }
    return lines;
  }

  public TextPosition positionAt(int offset) {
    return lines().positionAt(offset);
  }

  public int offsetAt(TextPosition position) {
    return lines().offsetAt(position);
  }

  /**
   * The innermost node whose span contains the offset (an offset at a node's end counts as inside
   * it, so a cursor right after a token finds that token).
   */
  public JsonNode nodeAt(int offset) {
    if (root == null || !root.contains(offset)) {
      return null;
    }
    JsonNode node = root;
    outer:
    while (true) {
      for (JsonNode child : node.children()) {
        if (child.offset() <= offset && offset <= child.end()) {
          node = child;
          continue outer;
        }
        if (child.offset() > offset) {
          break;
        }
      }
      return node;
    }
  }
}
