package dev.iampolicyls.checks;

import dev.iampolicyls.syntax.JsonNode;
import dev.iampolicyls.syntax.PropertyNode;

/** Small helpers for where findings sit. */
final class Nodes {
  private Nodes() {}

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
