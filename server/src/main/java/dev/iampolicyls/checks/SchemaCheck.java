package dev.iampolicyls.checks;

import dev.iampolicyls.schema.PolicySchema;
import dev.iampolicyls.schema.TypeMismatch;
import dev.iampolicyls.syntax.ArrayNode;
import dev.iampolicyls.syntax.JsonNode;
import dev.iampolicyls.syntax.LiteralNode;
import dev.iampolicyls.syntax.ObjectNode;
import dev.iampolicyls.syntax.PropertyNode;
import dev.iampolicyls.syntax.StringNode;
import java.util.List;
import java.util.Set;

/**
 * Values of the wrong JSON type, found by validating against the grammar schema: {@code "Action":
 * 5}, {@code "Condition": []}, a number inside a Resource array. The schema decides what is wrong;
 * this class decides where to point and how to say it.
 *
 * <p>Missing elements, unknown element names and wrong Effect or Version values have dedicated
 * checks with better messages, so only type mismatches are reported here. Effect, Version and Sid
 * of the wrong type are left to their own checks too, which already say so.
 */
final class SchemaCheck extends PolicyCheck {
  private static final Set<String> STRING_LISTS =
      Set.of("Action", "NotAction", "Resource", "NotResource");
  private static final Set<String> PRINCIPALS = Set.of("Principal", "NotPrincipal");
  private static final Set<String> OWNED_ELSEWHERE = Set.of("Effect", "Sid");

  private final PolicySchema schema;

  SchemaCheck() {
    this(PolicySchema.get());
  }

  SchemaCheck(PolicySchema schema) {
    super(CheckCode.INVALID_POLICY_ELEMENT);
    this.schema = schema;
  }

  /** A failure of the validator is the engine's to catch and log, as for any check. */
  @Override
  public void run(CheckContext context) {
    JsonNode root = context.policy().document().root();
    for (TypeMismatch mismatch : schema.typeMismatches(root)) {
      JsonNode node = locate(root, mismatch.path());
      String message = node == null ? null : message(mismatch, node);
      if (message != null) {
        context.report(this, node, message);
      }
    }
  }

  /**
   * The node at a path of keys and indices. A repeated key resolves to its last occurrence with a
   * value, as the validator saw it.
   */
  static JsonNode locate(JsonNode root, List<Object> path) {
    JsonNode node = root;
    for (Object step : path) {
      if (node instanceof ObjectNode object && step instanceof String name) {
        JsonNode found = null;
        for (PropertyNode p : object.properties()) {
          if (p.name().equals(name) && p.value() != null) {
            found = p.value();
          }
        }
        node = found;
      } else if (node instanceof ArrayNode array
          && step instanceof Integer index
          && index >= 0
          && index < array.items().size()) {
        node = array.items().get(index);
      } else {
        return null;
      }
    }
    return node;
  }

  /** The message for a mismatch, or null when another check owns this value. */
  private static String message(TypeMismatch mismatch, JsonNode node) {
    List<Object> path = mismatch.path();
    String not = ", not " + describe(node);
    if (path.isEmpty()) {
      return "A policy must be a JSON object" + not;
    }
    if (path.size() == 1) {
      return switch (String.valueOf(path.get(0))) {
        case "Version" -> null;
        case "Id" -> "Id must be a string" + not;
        case "Statement" -> "Statement must be an object or an array of objects" + not;
        default -> fallback(mismatch);
      };
    }
    if (!"Statement".equals(path.get(0))) {
      return fallback(mismatch);
    }
    // Inside a statement: drop "Statement" and the index, if Statement is an array.
    List<Object> in = path.subList(path.get(1) instanceof Integer ? 2 : 1, path.size());
    if (in.isEmpty()) {
      return "Each statement must be an object" + not;
    }
    String element = String.valueOf(in.get(0));
    if (OWNED_ELSEWHERE.contains(element)) {
      return null;
    }
    if (STRING_LISTS.contains(element)) {
      return stringList(element, in.size(), not);
    }
    if (PRINCIPALS.contains(element)) {
      if (in.size() == 1) {
        return element
            + " must be \"*\" or an object such as {\"AWS\": \"arn:aws:iam::123456789012:root\"}"
            + not;
      }
      return stringList(element + " " + in.get(1), in.size() - 1, not);
    }
    if (element.equals("Condition")) {
      return condition(in, not);
    }
    return fallback(mismatch);
  }

  private static String stringList(String what, int depth, String not) {
    return depth == 1
        ? what + " must be a string or an array of strings" + not
        : "Each entry of " + what + " must be a string" + not;
  }

  private static String condition(List<Object> in, String not) {
    return switch (in.size()) {
      case 1 ->
          "Condition must be an object of condition operators, such as {\"StringEquals\": {...}}"
              + not;
      case 2 ->
          "Condition operator "
              + in.get(1)
              + " must hold an object of condition keys and values"
              + not;
      case 3 ->
          "The value of condition key "
              + in.get(2)
              + " must be a string, a number, a boolean or an array of those"
              + not;
      default ->
          "Each value of condition key "
              + in.get(2)
              + " must be a string, a number or a boolean"
              + not;
    };
  }

  private static String fallback(TypeMismatch mismatch) {
    return "This value has the wrong type here: " + mismatch.detail();
  }

  /** How a value reads in a message: strings quoted (so "*" versus "foo" is visible). */
  static String describe(JsonNode node) {
    if (node instanceof StringNode s) {
      String v = s.value();
      return "\"" + (v.length() > 40 ? v.substring(0, 40) + "..." : v) + "\"";
    }
    if (node instanceof LiteralNode l) {
      return l.kind() == LiteralNode.Kind.NULL ? "null" : "a boolean";
    }
    return Nodes.describe(node);
  }
}
