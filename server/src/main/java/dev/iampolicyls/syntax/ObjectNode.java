package dev.iampolicyls.syntax;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/** A JSON object: its properties in source order, duplicates kept. */
public final class ObjectNode extends JsonNode {
  private final List<PropertyNode> properties = new ArrayList<>();
  private boolean closed;

  ObjectNode(int offset) {
    super(offset, 1);
  }

  void add(PropertyNode property) {
    property.parent = this;
    properties.add(property);
  }

  void markClosed() {
    closed = true;
  }

  /** False when the closing brace is missing (the document ended first). */
  public boolean closed() {
    return closed;
  }

  public List<PropertyNode> properties() {
    return Collections.unmodifiableList(properties);
  }

  /** The first property with exactly this name. */
  public Optional<PropertyNode> property(String name) {
    for (int i = 0; i < properties.size(); i++) { // indexed: no iterator per lookup
      PropertyNode p = properties.get(i);
      if (p.name().equals(name)) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }

  /** The value of the first property with exactly this name, if it has one. */
  public Optional<JsonNode> get(String name) {
    return property(name).map(PropertyNode::value);
  }

  @Override
  public List<JsonNode> children() {
    return Collections.unmodifiableList(properties);
  }
}
