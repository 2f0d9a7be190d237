package dev.iampolicyls.syntax;

import java.util.Locale;

/** {@code true}, {@code false} or {@code null}. */
public final class LiteralNode extends JsonNode {
  public enum Kind {
    TRUE,
    FALSE,
    NULL
  }

  private final Kind kind;

  LiteralNode(int offset, int length, Kind kind) {
    super(offset, length);
    this.kind = kind;
  }

  public Kind kind() {
    return kind;
  }

  public String text() {
    return kind.name().toLowerCase(Locale.ROOT);
  }
}
