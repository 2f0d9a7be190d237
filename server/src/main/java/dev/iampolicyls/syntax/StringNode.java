package dev.iampolicyls.syntax;

/**
 * A JSON string; {@link #value()} is the decoded text, the span includes the quotes.
 *
 * <p>A string built from a host document (a template) may instead be unquoted (a YAML plain
 * scalar), carry the host offset of every character of its value (a {@code !Sub} whose references
 * were replaced), or be opaque: a value only known once deployed ({@code !GetAtt Role.Arn}).
 */
public final class StringNode extends JsonNode {
  private final String value;
  private final boolean terminated;
  private final int quoteWidth;

  /** Host offset of each value character, plus one past the last; null where none is known. */
  private final int[] valueOffsets;

  private final boolean opaque;

  StringNode(int offset, int length, String value, boolean terminated) {
    this(offset, length, value, terminated, 1, null, false);
  }

  StringNode(
      int offset,
      int length,
      String value,
      boolean terminated,
      int quoteWidth,
      int[] valueOffsets,
      boolean opaque) {
    super(offset, length);
    this.value = value;
    this.terminated = terminated;
    this.quoteWidth = quoteWidth;
    this.valueOffsets = valueOffsets;
    this.opaque = opaque;
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
    return offset() + quoteWidth;
  }

  /** Offset just past the last character inside the quotes. */
  public int contentEnd() {
    return terminated ? end() - quoteWidth : end();
  }

  /**
   * Whether the value is unknown until the template is deployed (a reference to another resource, a
   * parameter, an import): checks take it for some specific value and judge nothing about it.
   */
  public boolean opaque() {
    return opaque;
  }

  /**
   * The source offset of the value's character {@code index} ({@code value().length()} gives the
   * end), or -1 when escapes or substitutions make it unknown.
   */
  public int sourceOffset(int index) {
    if (index < 0 || index > value.length()) {
      return -1;
    }
    if (valueOffsets != null) {
      return valueOffsets[index];
    }
    // Without escapes every character of the value is one character of the source.
    return contentEnd() - contentOffset() == value.length() ? contentOffset() + index : -1;
  }
}
