package dev.iampolicyls.lsp;

import dev.iampolicyls.syntax.LineIndex;
import dev.iampolicyls.syntax.TextPosition;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;

/**
 * The one conversion between the engines' offsets and LSP positions. Both count UTF-16 code units
 * (what Java strings count and LSP's default encoding), so the line index converts directly;
 * positions past a line's or the text's end are clamped, as LSP asks.
 */
final class Positions {
  private Positions() {}

  static int offset(LineIndex lines, Position position) {
    return lines.offsetAt(new TextPosition(position.getLine(), position.getCharacter()));
  }

  static Position position(LineIndex lines, int offset) {
    TextPosition p = lines.positionAt(offset);
    return new Position(p.line(), p.character());
  }

  static Range range(LineIndex lines, int start, int end) {
    return new Range(position(lines, start), position(lines, end));
  }
}
