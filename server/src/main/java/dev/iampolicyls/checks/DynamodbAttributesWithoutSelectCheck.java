package dev.iampolicyls.checks;

import dev.iampolicyls.policy.ConditionEntry;
import dev.iampolicyls.policy.ConditionOperator;
import dev.iampolicyls.policy.Statement;
import dev.iampolicyls.syntax.JsonNode;
import dev.iampolicyls.syntax.StringNode;
import java.util.List;

/**
 * An Allow that limits dynamodb:Attributes without requiring dynamodb:Select to be
 * SPECIFIC_ATTRIBUTES: DynamoDB checks the attribute list only for requests that name attributes,
 * so a read without a projection returns whole items.
 */
final class DynamodbAttributesWithoutSelectCheck extends PolicyCheck {
  DynamodbAttributesWithoutSelectCheck() {
    super(CheckCode.DYNAMODB_ATTRIBUTES_WITHOUT_SELECT);
  }

  @Override
  public void run(CheckContext context) {
    for (Statement s : context.policy().statements()) {
      if (!s.isAllow()) {
        continue;
      }
      List<ConditionEntry> entries = s.conditionEntries();
      if (anyRequiresSpecificSelect(entries)) {
        continue;
      }
      for (ConditionEntry entry : entries) {
        if (entry.key().equalsIgnoreCase("dynamodb:Attributes")) {
          context.report(
              this,
              entry.keyProperty().key(),
              "dynamodb:Attributes limits only requests that name the attributes to return: add"
                  + " \"StringEquals\": {\"dynamodb:Select\": \"SPECIFIC_ATTRIBUTES\"} to this"
                  + " statement so that reads without a projection are not allowed");
        }
      }
    }
  }

  /** A dynamodb:Select test that only SPECIFIC_ATTRIBUTES passes. */
  private static boolean requiresSpecificSelect(ConditionEntry entry) {
    if (!entry.key().equalsIgnoreCase("dynamodb:Select")) {
      return false;
    }
    ConditionOperator op = entry.operator().orElse(null);
    if (op == null || op.category() != ConditionOperator.Category.STRING || op.base().negated()) {
      return false;
    }
    List<JsonNode> values = entry.values();
    return !values.isEmpty()
        && values.stream()
            .allMatch(
                v ->
                    v instanceof StringNode str
                        && str.value().equalsIgnoreCase("SPECIFIC_ATTRIBUTES"));
  }

  /** A loop, not a stream: asked for every Allow statement (see CheckContext#shared). */
  private static boolean anyRequiresSpecificSelect(List<ConditionEntry> entries) {
    for (ConditionEntry entry : entries) {
      if (requiresSpecificSelect(entry)) {
        return true;
      }
    }
    return false;
  }
}
