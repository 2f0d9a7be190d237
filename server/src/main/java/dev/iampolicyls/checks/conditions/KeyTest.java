package dev.iampolicyls.checks.conditions;

import dev.iampolicyls.checks.CheckContext;
import dev.iampolicyls.policy.ConditionEntry;
import dev.iampolicyls.policy.ConditionOperator;
import dev.iampolicyls.policy.Policy;
import dev.iampolicyls.policy.Statement;
import dev.iampolicyls.syntax.ArrayNode;
import dev.iampolicyls.syntax.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** One condition key test together with the statement it belongs to. */
record KeyTest(Statement statement, ConditionEntry entry) {

  /**
   * Every key test of the context's policy, in document order; read-only, found once per run for
   * the twenty-odd condition checks that walk them.
   */
  static List<KeyTest> all(CheckContext context) {
    return context.shared(KeyTest.class, (c, key) -> collect(c.policy()));
  }

  private static List<KeyTest> collect(Policy policy) {
    List<KeyTest> tests = new ArrayList<>();
    for (Statement s : policy.statements()) {
      for (ConditionEntry e : s.conditionEntries()) {
        tests.add(new KeyTest(s, e));
      }
    }
    return List.copyOf(tests);
  }

  Optional<ConditionOperator> operator() {
    return entry.operator();
  }

  String key() {
    return entry.key();
  }

  /** The key's name in the policy: where findings about the key sit. */
  JsonNode keyNode() {
    return entry.keyProperty().key();
  }

  /** The value as written: a single value or an array; null while typing. */
  JsonNode valueNode() {
    return entry.keyProperty().value();
  }

  List<JsonNode> values() {
    return entry.values();
  }

  boolean valueIsArray() {
    return valueNode() instanceof ArrayNode;
  }

  /**
   * Whether the test is false when the key is absent from the request: a plain, non-negated
   * operator without IfExists. Only then does a key that the request lacks decide the outcome.
   */
  boolean failsWhenKeyIsAbsent() {
    return operator()
        .filter(
            o ->
                !o.ifExists()
                    && !o.base().negated()
                    && o.base() != ConditionOperator.Base.Null
                    && o.qualifier() != ConditionOperator.Qualifier.FOR_ALL_VALUES)
        .isPresent();
  }
}
