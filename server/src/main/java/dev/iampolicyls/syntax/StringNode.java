package dev.iampolicyls.syntax;

/** A JSON string; {@link #value()} is the decoded text, the span includes the quotes. */
public final class StringNode extends JsonNode {
  private final String value;
  private final boolean terminated;

  StringNode(int offset, int length, String value, boolean terminated) {
    super(offset, length);
    this.value = value;
    this.terminated = terminated;
  }

  public String value() {
    return value;
  }

  /** False when the closing quote is missing (the string ran to the end of its line). */
  public boolean terminated() {
    return terminated;
  }

  /** Offset of the first character inside the quotes. */
  public int contentOffset() {
    return offset() + 1;
  }

  /** Offset just past the last character inside the quotes. */
  public int contentEnd() {
    return terminated ? end() - 1 : end();
  }
}
