package dev.iampolicyls.syntax;

import java.util.ArrayList;
import java.util.List;

/** A member of an object: a key, maybe a colon, maybe a value (null while still being typed). */
public final class PropertyNode extends JsonNode {
  private final StringNode key;
  private JsonNode value;
  private int colonOffset = -1;

  PropertyNode(StringNode key) {
    super(key.offset(), key.length());
    this.key = key;
    key.parent = this;
  }

  void setValue(JsonNode value) {
    this.value = value;
    value.parent = this;
    setEnd(value.end());
  }

  void setColonOffset(int colonOffset) {
    this.colonOffset = colonOffset;
    if (value == null) {
      setEnd(colonOffset + 1);
    }
  }

  public StringNode key() {
    return key;
  }

  public String name() {
    return key.value();
  }

  /** The value, or null when none was typed yet. */
  public JsonNode value() {
    return value;
  }

  /** Offset of the colon, or -1 when it is missing. */
  public int colonOffset() {
    return colonOffset;
  }

  @Override
  public List<JsonNode> children() {
    List<JsonNode> c = new ArrayList<>(2);
    c.add(key);
    if (value != null) {
      c.add(value);
    }
    return c;
  }
}
