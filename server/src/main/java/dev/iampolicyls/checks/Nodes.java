package dev.iampolicyls.checks;

import dev.iampolicyls.syntax.JsonNode;
import dev.iampolicyls.syntax.ObjectNode;
import dev.iampolicyls.syntax.PropertyNode;

/** Small helpers for where findings sit. */
final class Nodes {
  private Nodes() {}

  /**
   * Where to report that an object lacks an element: on its opening brace, so the squiggle is small
   * and sits at the start of the statement rather than under all of it.
   */
  static int[] openingBrace(ObjectNode object) {
    return new int[] {object.offset(), 1};
  }

  /** The value of a property, or its key when no value was typed yet. */
  static JsonNode valueOrKey(PropertyNode property) {
    return property.value() != null ? property.value() : property.key();
  }

  static String describe(JsonNode node) {
    return switch (node.getClass().getSimpleName()) {
      case "ObjectNode" -> "an object";
      case "ArrayNode" -> "an array";
      case "NumberNode" -> "a number";
      case "LiteralNode" -> "a literal";
      default -> "a string";
    };
  }
}
