package dev.iampolicyls.checks;

import dev.iampolicyls.syntax.JsonNode;

/** Small helpers for where findings sit. */
final class Nodes {
  private Nodes() {}

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
