package dev.iampolicyls.checks;

import dev.iampolicyls.policy.ConditionEntry;
import dev.iampolicyls.policy.ConditionOperator;
import dev.iampolicyls.policy.PolicyType;
import dev.iampolicyls.policy.Statement;
import dev.iampolicyls.syntax.JsonNode;
import dev.iampolicyls.syntax.LiteralNode;
import dev.iampolicyls.syntax.StringNode;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * What the RCP guard-rail checks share. An RCP Deny that tests a principal or source key also hits
 * the requests where that key is absent (a negated or IfExists operator is true then), and AWS
 * services acting for you often send no such key: the statement must say whom it is about.
 */
final class RcpConditions {
  private RcpConditions() {}

  /** Deny statements of an RCP: the only ones whose conditions the RCP checks look at. */
  static boolean applies(CheckContext context, Statement s) {
    return context.policyType() == PolicyType.RESOURCE_CONTROL_POLICY && s.isDeny();
  }

  /** A test that is true when the request lacks the key, so the Deny reaches those requests. */
  static boolean trueWhenAbsent(ConditionEntry entry) {
    ConditionOperator op = entry.operator().orElse(null);
    return op != null
        && op.base() != ConditionOperator.Base.Null
        && (op.ifExists() || op.base().negated());
  }

  static boolean keyIs(ConditionEntry entry, String key) {
    return entry.key().equalsIgnoreCase(key);
  }

  static boolean keyStartsWith(ConditionEntry entry, String prefix) {
    return entry.key().toLowerCase(Locale.ROOT).startsWith(prefix.toLowerCase(Locale.ROOT));
  }

  /**
   * Whether the statement tests {@code key} with {@code base} (IfExists or not) for {@code value}.
   */
  static boolean tests(Statement s, ConditionOperator.Base base, String key, String value) {
    Predicate<ConditionEntry> matches =
        e ->
            keyIs(e, key)
                && e.operator().filter(op -> op.base() == base).isPresent()
                && e.values().stream().anyMatch(v -> value.equalsIgnoreCase(text(v)));
    return s.conditionEntries().stream().anyMatch(matches);
  }

  private static String text(JsonNode value) {
    if (value instanceof StringNode s) {
      return s.value();
    }
    return value instanceof LiteralNode l ? l.text() : null;
  }
}
