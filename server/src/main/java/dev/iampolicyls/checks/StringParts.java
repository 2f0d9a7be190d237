package dev.iampolicyls.checks;

import dev.iampolicyls.syntax.StringNode;

/** Findings on part of a string token, where the part can be located in the source. */
final class StringParts {
  private StringParts() {}

  /**
   * Whether decoded offsets map one to one onto the source: true when the token has no escapes,
   * since every escape is longer in the source than in the value.
   */
  static boolean mapsDirectly(StringNode node) {
    return node.contentEnd() - node.contentOffset() == node.value().length();
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
    if (mapsDirectly(node)) {
      context.report(check, node.contentOffset() + start, length, node.path(), message);
    } else {
      context.report(check, node, message);
    }
  }
}
