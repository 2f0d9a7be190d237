package dev.iampolicyls.checks;

import dev.iampolicyls.syntax.StringNode;

/** Findings on part of a string token, where the part can be located in the source. */
final class StringParts {
  private StringParts() {}

  /**
   * Whether decoded offsets can be located in the source: true when the token has no escapes (every
   * escape is longer in the source than in the value), or when its builder kept a map.
   */
  static boolean mapsDirectly(StringNode node) {
    return node.sourceOffset(0) >= 0;
  }

  /**
   * Reports on {@code value.substring(start, start + length)} of the string; on the whole token
   * when escapes make the part's position in the source uncertain.
   */
  static void report(
      CheckContext context,
      PolicyCheck check,
      StringNode node,
      int start,
      int length,
      String message) {
    int from = node.sourceOffset(start);
    int to = node.sourceOffset(start + length);
    if (from >= 0 && to >= from) {
      context.report(check, from, to - from, node.path(), message);
    } else {
      context.report(check, node, message);
    }
  }
}
