package dev.iampolicyls.schema;

import dev.iampolicyls.syntax.ArrayNode;
import dev.iampolicyls.syntax.JsonNode;
import dev.iampolicyls.syntax.LiteralNode;
import dev.iampolicyls.syntax.NumberNode;
import dev.iampolicyls.syntax.ObjectNode;
import dev.iampolicyls.syntax.PropertyNode;
import dev.iampolicyls.syntax.StringNode;
import java.util.function.Predicate;

/**
 * A fast, conservative answer to "would the schema find a type mismatch here?". Loading the
 * validator costs more than half a second of start-up, and almost every document it sees is well
 * typed; this walk recognises those documents so the validator runs (and loads) only for the rest.
 *
 * <p>It answers true only when every element is one the grammar names, holding exactly the JSON
 * type the grammar wants. Anything else, including elements it does not know, answers false, which
 * means "ask the validator", never "wrong". A test holds it to that over real and generated
 * policies: whenever it answers true, the validator agrees that nothing is mistyped.
 */
final class WellTypedShape {
  private WellTypedShape() {}

  /** True when the schema certainly finds no type mismatch in the document. */
  static boolean certainlyWellTyped(JsonNode root) {
    if (!(root instanceof ObjectNode policy)) {
      return false;
    }
    for (PropertyNode p : policy.properties()) {
      JsonNode value = p.value();
      if (value == null) {
        continue; // still being typed: the validator never sees it either
      }
      boolean ok =
          switch (p.name()) {
            case "Version", "Id" -> value instanceof StringNode;
            case "Statement" -> statements(value);
            default -> false;
          };
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  private static boolean statements(JsonNode value) {
    if (value instanceof ArrayNode array) {
      return all(array, WellTypedShape::statement);
    }
    return statement(value);
  }

  private static boolean statement(JsonNode node) {
    if (!(node instanceof ObjectNode statement)) {
      return false;
    }
    for (PropertyNode p : statement.properties()) {
      JsonNode value = p.value();
      if (value == null) {
        continue;
      }
      boolean ok =
          switch (p.name()) {
            case "Sid", "Effect" -> value instanceof StringNode;
            case "Action", "NotAction", "Resource", "NotResource" -> stringOrStrings(value);
            case "Principal", "NotPrincipal" -> principal(value);
            case "Condition" -> condition(value);
            default -> false;
          };
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  private static boolean principal(JsonNode value) {
    if (value instanceof StringNode s) {
      return s.value().equals("*");
    }
    if (!(value instanceof ObjectNode map)) {
      return false;
    }
    for (PropertyNode p : map.properties()) {
      if (p.value() == null) {
        continue;
      }
      boolean known =
          switch (p.name()) {
            case "AWS", "Federated", "Service", "CanonicalUser" -> true;
            default -> false;
          };
      if (!known || !stringOrStrings(p.value())) {
        return false;
      }
    }
    return true;
  }

  private static boolean condition(JsonNode value) {
    if (!(value instanceof ObjectNode operators)) {
      return false;
    }
    for (PropertyNode operator : operators.properties()) {
      if (operator.value() == null) {
        continue;
      }
      if (!(operator.value() instanceof ObjectNode keys)) {
        return false;
      }
      for (PropertyNode key : keys.properties()) {
        JsonNode values = key.value();
        if (values == null) {
          continue;
        }
        boolean ok =
            values instanceof ArrayNode array
                ? all(array, WellTypedShape::conditionValue)
                : conditionValue(values);
        if (!ok) {
          return false;
        }
      }
    }
    return true;
  }

  private static boolean conditionValue(JsonNode node) {
    return node instanceof StringNode
        || node instanceof NumberNode
        || (node instanceof LiteralNode l && l.kind() != LiteralNode.Kind.NULL);
  }

  private static boolean stringOrStrings(JsonNode value) {
    return value instanceof StringNode
        || (value instanceof ArrayNode array && all(array, item -> item instanceof StringNode));
  }

  private static boolean all(ArrayNode array, Predicate<JsonNode> test) {
    for (JsonNode item : array.items()) {
      if (!test.test(item)) {
        return false;
      }
    }
    return true;
  }
}
