package dev.iampolicyls.outline;

import java.util.List;

/**
 * One entry of the outline: a statement or one of its elements, and in a template the resource and
 * the policy that hold them. Offsets are UTF-16 into the text; the selection span is the part to
 * highlight (the Sid, the element's key, the resource's logical id).
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
    RESOURCE,
    POLICY,
    STATEMENT,
    ELEMENT
  }

  public PolicySymbol {
    children = List.copyOf(children);
  }
}
