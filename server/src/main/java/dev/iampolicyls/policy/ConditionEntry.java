package dev.iampolicyls.policy;

import dev.iampolicyls.syntax.ArrayNode;
import dev.iampolicyls.syntax.JsonNode;
import dev.iampolicyls.syntax.PropertyNode;
import java.util.List;
import java.util.Optional;

/**
 * One condition test of a statement: {@code "StringEquals": {"aws:SourceVpc": ["vpc-1"]}} gives one
 * entry per key, with the operator's and key's properties (for exact ranges) and the values.
 *
 * @param operatorProperty the operator's member of the Condition object
 * @param keyProperty the key's member of the operator's object
 */
public record ConditionEntry(PropertyNode operatorProperty, PropertyNode keyProperty) {

  public String operatorText() {
    return operatorProperty.name();
  }

  /** The operator, when IAM knows it. */
  public Optional<ConditionOperator> operator() {
    return ConditionOperator.parse(operatorText());
  }

  public String key() {
    return keyProperty.name();
  }

  /** The value nodes: a single value is a list of one, an array its items; none while typing. */
  public List<JsonNode> values() {
    JsonNode value = keyProperty.value();
    if (value == null) {
      return List.of();
    }
    return value instanceof ArrayNode array ? array.items() : List.of(value);
  }
}
