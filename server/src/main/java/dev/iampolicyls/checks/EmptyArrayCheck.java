package dev.iampolicyls.checks;

import dev.iampolicyls.policy.Statement;
import dev.iampolicyls.syntax.ArrayNode;
import dev.iampolicyls.syntax.JsonNode;
import dev.iampolicyls.syntax.ObjectNode;
import dev.iampolicyls.syntax.PropertyNode;
import java.util.List;

/**
 * An empty array where a list of values belongs matches nothing. One class serves the three codes,
 * one instance per element family, because the rule is the same.
 */
final class EmptyArrayCheck extends PolicyCheck {
  private final List<String> elements;
  private final boolean principalMap;

  private EmptyArrayCheck(CheckCode code, List<String> elements, boolean principalMap) {
    super(code);
    this.elements = elements;
    this.principalMap = principalMap;
  }

  static EmptyArrayCheck action() {
    return new EmptyArrayCheck(CheckCode.EMPTY_ARRAY_ACTION, List.of("Action", "NotAction"), false);
  }

  static EmptyArrayCheck resource() {
    return new EmptyArrayCheck(
        CheckCode.EMPTY_ARRAY_RESOURCE, List.of("Resource", "NotResource"), false);
  }

  static EmptyArrayCheck principal() {
    return new EmptyArrayCheck(
        CheckCode.EMPTY_ARRAY_PRINCIPAL, List.of("Principal", "NotPrincipal"), true);
  }

  @Override
  public void run(CheckContext context) {
    for (Statement s : context.policy().statements()) {
      for (String element : elements) {
        JsonNode value = s.property(element).map(PropertyNode::value).orElse(null);
        if (isEmptyArray(value)) {
          context.report(
              this, value, "The " + element + " array is empty: add values or remove the element");
        } else if (principalMap && value instanceof ObjectNode map) {
          for (PropertyNode entry : map.properties()) {
            if (isEmptyArray(entry.value())) {
              context.report(
                  this,
                  entry.value(),
                  "The "
                      + element
                      + " "
                      + entry.name()
                      + " array is empty: add values or remove it");
            }
          }
        }
      }
    }
  }

  private static boolean isEmptyArray(JsonNode node) {
    return node instanceof ArrayNode array && array.items().isEmpty();
  }
}
