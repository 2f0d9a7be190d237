package dev.iampolicyls.syntax;

/** A JSON number, kept as its source text (IAM compares numbers as text in many places). */
public final class NumberNode extends JsonNode {
  private final String text;

  NumberNode(int offset, String text) {
    super(offset, text.length());
    this.text = text;
  }

  public String text() {
    return text;
  }
}
