package dev.iampolicyls.schema;

import dev.iampolicyls.syntax.ArrayNode;
import dev.iampolicyls.syntax.JsonNode;
import dev.iampolicyls.syntax.LiteralNode;
import dev.iampolicyls.syntax.NumberNode;
import dev.iampolicyls.syntax.ObjectNode;
import dev.iampolicyls.syntax.PropertyNode;
import dev.iampolicyls.syntax.StringNode;
import java.math.BigDecimal;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Converts our tolerant tree into a Jackson tree for the validator. The document may be half typed:
 * a property without a value is left out (so the schema does not complain about what the user has
 * not written yet), and a malformed number still counts as a number (the syntax check reports its
 * text).
 */
final class TreeConverter {
  /** Deeper than any real policy; beyond it the input is garbage and not worth validating. */
  static final int MAX_DEPTH = 64;

  private static final JsonNodeFactory FACTORY = JsonNodeFactory.instance;

  private TreeConverter() {}

  /** The Jackson form of the tree, or null when it is nested deeper than {@link #MAX_DEPTH}. */
  static tools.jackson.databind.JsonNode convert(JsonNode node) {
    try {
      return convert(node, 0);
    } catch (TooDeep e) {
      return null;
    }
  }

  private static tools.jackson.databind.JsonNode convert(JsonNode node, int depth) {
    if (depth > MAX_DEPTH) {
      throw new TooDeep();
    }
    if (node instanceof ObjectNode object) {
      tools.jackson.databind.node.ObjectNode out = FACTORY.objectNode();
      for (PropertyNode p : object.properties()) {
        if (p.value() != null) {
          // A duplicate name replaces the earlier value, as in any JSON reader; NodeLocator
          // resolves names to the last occurrence to match.
          out.set(p.name(), convert(p.value(), depth + 1));
        }
      }
      return out;
    }
    if (node instanceof ArrayNode array) {
      tools.jackson.databind.node.ArrayNode out = FACTORY.arrayNode(array.items().size());
      for (JsonNode item : array.items()) {
        out.add(convert(item, depth + 1));
      }
      return out;
    }
    if (node instanceof StringNode s) {
      return FACTORY.stringNode(s.value());
    }
    if (node instanceof NumberNode n) {
      return FACTORY.numberNode(number(n.text()));
    }
    if (node instanceof LiteralNode l) {
      return switch (l.kind()) {
        case TRUE -> FACTORY.booleanNode(true);
        case FALSE -> FACTORY.booleanNode(false);
        case NULL -> FACTORY.nullNode();
      };
    }
    // A bare property cannot be a value; treat it as nothing rather than fail.
    return FACTORY.missingNode();
  }

  private static BigDecimal number(String text) {
    try {
      return new BigDecimal(text);
    } catch (NumberFormatException e) {
      return BigDecimal.ZERO;
    }
  }

  private static final class TooDeep extends RuntimeException {
    TooDeep() {
      super(null, null, false, false);
    }
  }
}
