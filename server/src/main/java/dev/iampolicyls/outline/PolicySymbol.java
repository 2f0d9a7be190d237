package dev.iampolicyls.outline;

import java.util.List;

/**
 * One entry of the outline: a statement or one of its elements. Offsets are UTF-16 into the text;
 * the selection span is the part to highlight (the Sid, or the element's key).
 */
public record PolicySymbol(
    String name,
    String detail,
    Kind kind,
    int offset,
    int end,
    int selectionOffset,
    int selectionEnd,
    List<PolicySymbol> children) {
  /** What the entry is, for the editor's icon. */
  public enum Kind {
    STATEMENT,
    ELEMENT
  }

  public PolicySymbol {
    children = List.copyOf(children);
  }
}
