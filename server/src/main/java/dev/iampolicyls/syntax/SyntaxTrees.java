package dev.iampolicyls.syntax;

import java.util.List;

/**
 * Builds syntax trees from another source than JSON text: a policy embedded in a template becomes
 * the same tree a JSON policy parses to, with every node at its span in the template's text, so the
 * engines read it and answer in the template's positions without any mapping.
 */
public final class SyntaxTrees {
  private SyntaxTrees() {}

  public static ObjectNode object(int offset, int length) {
    ObjectNode node = new ObjectNode(offset);
    node.setEnd(offset + length);
    node.markClosed();
    return node;
  }

  public static ArrayNode array(int offset, int length) {
    ArrayNode node = new ArrayNode(offset);
    node.setEnd(offset + length);
    node.markClosed();
    return node;
  }

  /**
   * A string at {@code [offset, offset + length)}.
   *
   * @param quoteWidth 1 for a quoted token, 0 for an unquoted one (a YAML plain scalar)
   * @param valueOffsets the source offset of each value character plus one past the last, or null
   *     when the value maps onto the source character for character, or not at all
   * @param opaque the value is only known once the template is deployed
   */
  public static StringNode string(
      int offset, int length, String value, int quoteWidth, int[] valueOffsets, boolean opaque) {
    if (valueOffsets != null && valueOffsets.length != value.length() + 1) {
      throw new IllegalArgumentException("one offset per character, and one past the last");
    }
    return new StringNode(offset, length, value, true, quoteWidth, valueOffsets, opaque);
  }

  public static NumberNode number(int offset, int length, String text) {
    NumberNode node = new NumberNode(offset, text);
    node.setEnd(offset + length);
    return node;
  }

  public static LiteralNode literal(int offset, int length, LiteralNode.Kind kind) {
    return new LiteralNode(offset, length, kind);
  }

  /** A property {@code key: value}, added to its object. */
  public static PropertyNode property(ObjectNode object, StringNode key, JsonNode value) {
    PropertyNode property = new PropertyNode(key);
    property.setValue(value);
    object.add(property);
    return property;
  }

  public static void add(ArrayNode array, JsonNode item) {
    array.add(item);
  }

  /**
   * A document over a host's text whose tree was built with these methods. Positions, lines and
   * node look-ups are the host's.
   *
   * @param policyText the policy as JSON text, for what counts characters (size quotas)
   */
  public static JsonDocument document(
      String hostText, JsonNode root, List<SyntaxError> errors, String policyText) {
    return new JsonDocument(hostText, root, errors, policyText);
  }
}
