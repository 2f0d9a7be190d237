package dev.iampolicyls.cli;

import dev.iampolicyls.syntax.JsonDocument;
import dev.iampolicyls.syntax.LineIndex;
import dev.iampolicyls.syntax.TextPosition;

/**
 * A checked file's text and its line index: all that reports need for positions, source lines and
 * fingerprints. A batch keeps one per file until it prints, so it must not hold the parsed tree
 * (several times the size of the text).
 */
final class SourceText {
  private final String text;
  private LineIndex lines;

  SourceText(String text) {
    this.text = text;
  }

  /** The text of a parsed document, or null for none. */
  static SourceText of(JsonDocument document) {
    return document == null ? null : new SourceText(document.text());
  }

  String text() {
    return text;
  }

  synchronized LineIndex lines() {
    if (lines == null) {
      lines = new LineIndex(text);
    }
    return lines;
  }

  TextPosition positionAt(int offset) {
    return lines().positionAt(offset);
  }
}
