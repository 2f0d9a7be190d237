package dev.iampolicyls.codeactions;

/**
 * Replace {@code length} UTF-16 units at {@code offset} with {@code newText}: the edits of code
 * actions and of completions alike.
 */
public record TextEdit(int offset, int length, String newText) {
  /** The offset just past the replaced text. */
  public int end() {
    return offset + length;
  }
}
