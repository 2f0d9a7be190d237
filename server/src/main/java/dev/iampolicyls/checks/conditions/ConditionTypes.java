package dev.iampolicyls.checks.conditions;

import dev.iampolicyls.catalog.Catalog;
import dev.iampolicyls.catalog.ConditionKey;
import dev.iampolicyls.policy.ConditionOperator;
import dev.iampolicyls.policy.ConditionOperator.Category;
import dev.iampolicyls.syntax.JsonNode;
import java.util.Optional;
import java.util.Set;

/** Which operator categories suit a key's type. */
final class ConditionTypes {
  private ConditionTypes() {}

  /**
   * The categories that suit a value type, or empty for a type this table does not know. String and
   * ARN keys take both string and ARN operators, as IAM allows; aws:EpochTime is seconds, so
   * numeric operators suit it too.
   */
  static Optional<Set<Category>> suitable(ConditionKey key) {
    Set<Category> set =
        switch (ConditionKeys.valueType(key)) {
          case "String", "ARN" -> Set.of(Category.STRING, Category.ARN);
          case "Numeric" -> Set.of(Category.NUMERIC);
          case "Date" ->
              key.name().equalsIgnoreCase("aws:EpochTime")
                  ? Set.of(Category.DATE, Category.NUMERIC)
                  : Set.of(Category.DATE);
          case "Bool" -> Set.of(Category.BOOL);
          case "IPAddress" -> Set.of(Category.IP_ADDRESS);
          case "Binary" -> Set.of(Category.BINARY);
          default -> null;
        };
    return Optional.ofNullable(set);
  }

  /**
   * Whether the test's operator does not suit its key's type. Null suits every key; keys of
   * identity providers are not judged; a string operator whose values hold policy variables is how
   * one key is compared with another (IpAddress takes no variables), so it suits any key.
   */
  static boolean mismatched(Catalog catalog, KeyTest t) {
    Optional<ConditionOperator> operator = t.operator();
    if (operator.isEmpty() || operator.get().category() == Category.NULL) {
      return false;
    }
    ConditionOperator op = operator.get();
    if (!ConditionKeys.isAwsKey(catalog, t.key())) {
      return false;
    }
    if (op.category() == Category.STRING && hasVariable(t)) {
      return false;
    }
    return ConditionKeys.resolve(catalog, t.key())
        .flatMap(ConditionTypes::suitable)
        .map(set -> !set.contains(op.category()))
        .orElse(false);
  }

  private static boolean hasVariable(KeyTest t) {
    for (JsonNode value : t.values()) { // a loop, not a stream: streams are slow under C1
      String v = ConditionValues.text(value);
      if (v != null && ConditionValues.hasVariable(v)) {
        return true;
      }
    }
    return false;
  }

  /** The operator family to name in messages for a key's type. */
  static String operatorsFor(ConditionKey key) {
    return switch (ConditionKeys.valueType(key)) {
      case "String" -> "String";
      case "ARN" -> "ARN (ArnEquals, ArnLike) or String";
      case "Numeric" -> "Numeric";
      case "Date" -> "Date";
      case "Bool" -> "Bool";
      case "IPAddress" -> "IpAddress or NotIpAddress";
      case "Binary" -> "BinaryEquals";
      default -> key.type();
    };
  }
}
