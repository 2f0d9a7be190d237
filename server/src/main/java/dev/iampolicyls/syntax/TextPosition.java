package dev.iampolicyls.syntax;

/** A position as LSP counts it: 0-based line, 0-based UTF-16 character within the line. */
public record TextPosition(int line, int character) implements Comparable<TextPosition> {
  @Override
  public int compareTo(TextPosition o) {
    return line != o.line ? Integer.compare(line, o.line) : Integer.compare(character, o.character);
  }
}
