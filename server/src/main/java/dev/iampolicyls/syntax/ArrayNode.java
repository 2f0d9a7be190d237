package dev.iampolicyls.syntax;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** A JSON array: its items in source order. */
public final class ArrayNode extends JsonNode {
  private final List<JsonNode> items = new ArrayList<>();
  private boolean closed;

  ArrayNode(int offset) {
    super(offset, 1);
  }

  void add(JsonNode item) {
    item.parent = this;
    item.indexInArray = items.size();
    items.add(item);
  }

  void markClosed() {
    closed = true;
  }

  /** False when the closing bracket is missing. */
  public boolean closed() {
    return closed;
  }

  public List<JsonNode> items() {
    return Collections.unmodifiableList(items);
  }

  @Override
  public List<JsonNode> children() {
    return items();
  }
}
