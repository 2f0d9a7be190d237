package dev.iampolicyls.service;

import dev.iampolicyls.checks.CheckCode;
import dev.iampolicyls.checks.Finding;
import dev.iampolicyls.syntax.ArrayNode;
import dev.iampolicyls.syntax.JsonDocument;
import dev.iampolicyls.syntax.JsonNode;
import dev.iampolicyls.syntax.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * One mistake, one finding: while a string, object or array is unterminated, the syntax error says
 * so, and the findings the parser's guesswork made up after it are held back. An unterminated
 * {@code "s3:Get} before {@code ],} swallows the bracket, so {@code "Resource"} becomes an action
 * and the statement seems to lack a Resource: ten findings, all gone with the closing quote.
 *
 * <p>The rule: from {@link JsonDocument#damageStart()} on, only the first syntax error is reported
 * (the parser's later ones are its recovery going astray: the next key is "Expected ',' between
 * values" in the array that swallowed it); before it, the findings stay, because the tree there is
 * as the author wrote it, except those about the damaged element or one that encloses it (the
 * policy, the statement, the Action array: whether they lack something cannot be known while part
 * of them is guesswork or not yet typed). A real mistake after the damage shows again once the
 * string is closed, a keystroke later.
 */
final class SyntaxDamage {
  private SyntaxDamage() {}

  static List<Finding> withoutCascades(JsonDocument document, List<Finding> findings) {
    int damage = document.damageStart();
    if (damage < 0) {
      return findings;
    }
    List<Object> damagedPath = pathAt(document, damage);
    List<Finding> kept = new ArrayList<>(findings.size());
    boolean damageReported = false;
    for (Finding f : findings) {
      boolean syntax = f.code() == CheckCode.JSON_SYNTAX_ERROR;
      if (f.offset() < damage) {
        if (syntax || !isAround(f.path(), damagedPath)) {
          kept.add(f);
        }
      } else if (syntax && !damageReported) {
        kept.add(f); // findings are sorted by offset: this is the error where the damage starts
        damageReported = true;
      }
    }
    return kept;
  }

  /**
   * The path of the element where the damage starts: the unterminated string, or the innermost
   * unclosed object or array (not a complete token that merely ends there).
   */
  private static List<Object> pathAt(JsonDocument document, int offset) {
    JsonNode node = document.nodeAt(offset);
    while (node != null && node.end() == offset && node.offset() < offset && !unclosed(node)) {
      node = node.parent();
    }
    return node == null ? List.of() : node.path();
  }

  private static boolean unclosed(JsonNode node) {
    return node instanceof ObjectNode o ? !o.closed() : node instanceof ArrayNode a && !a.closed();
  }

  /** Whether the finding is about the damaged element or one around it. */
  private static boolean isAround(List<Object> findingPath, List<Object> damagedPath) {
    return findingPath.size() <= damagedPath.size()
        && damagedPath.subList(0, findingPath.size()).equals(findingPath);
  }
}
