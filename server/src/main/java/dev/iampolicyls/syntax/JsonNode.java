package dev.iampolicyls.syntax;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A node of the tolerant JSON tree. Every node knows its exact span in the source text (UTF-16
 * offsets, as Java strings index them) and its parent, so any finding can point at the token that
 * causes it.
 */
public abstract sealed class JsonNode
    permits ObjectNode, ArrayNode, PropertyNode, StringNode, NumberNode, LiteralNode {

  private final int offset;
  private int length;
  JsonNode parent;

  /** Position in the parent array, kept so that a path costs its depth, not the array's size. */
  int indexInArray = -1;

  JsonNode(int offset, int length) {
    this.offset = offset;
    this.length = length;
  }

  /** Offset of the first character of this node. */
  public int offset() {
    return offset;
  }

  /** Number of UTF-16 units this node spans. */
  public int length() {
    return length;
  }

  /** Offset just past the last character of this node. */
  public int end() {
    return offset + length;
  }

  void setEnd(int end) {
    this.length = Math.max(0, end - offset);
  }

  /** The enclosing node, or null for the root. */
  public JsonNode parent() {
    return parent;
  }

  /** Children in source order: properties of an object, items of an array, key and value. */
  public List<JsonNode> children() {
    return Collections.emptyList();
  }

  public boolean contains(int off) {
    return off >= offset && off <= end();
  }

  /**
   * The JSON path of this node as Access Analyzer reports it: object keys as strings, array
   * positions as integers. A property's path ends with its key.
   */
  public List<Object> path() {
    List<Object> path = new ArrayList<>();
    JsonNode node = this;
    while (node != null && node.parent != null) {
      JsonNode p = node.parent;
      if (p instanceof PropertyNode prop) {
        path.add(prop.name());
        node = p.parent; // skip the object holding the property
        continue;
      }
      if (node instanceof PropertyNode prop) {
        path.add(prop.name());
      } else if (p instanceof ArrayNode arr) {
        path.add(node.indexInArray);
      }
      node = p;
    }
    Collections.reverse(path);
    return path;
  }
}
