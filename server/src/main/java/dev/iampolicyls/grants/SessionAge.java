package dev.iampolicyls.grants;

import dev.iampolicyls.policy.ConditionEntry;
import dev.iampolicyls.policy.ConditionOperator;
import dev.iampolicyls.policy.ConditionOperator.Base;
import dev.iampolicyls.syntax.JsonNode;
import dev.iampolicyls.syntax.NumberNode;
import dev.iampolicyls.syntax.StringNode;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * A {@code DateLessThan} on {@code aws:TokenIssueTime} whose every date is more than the longest
 * session ago: every temporary credential issued before it has expired, and long-term keys carry no
 * issue time at all, so the test never holds. AWS's "revoke older sessions" Deny is such a test
 * once its sessions are gone.
 */
final class SessionAge {
  /** The longest a temporary credential lives: a role or federated session, GetSessionToken. */
  static final Duration LONGEST_SESSION = Duration.ofHours(36);

  private SessionAge() {}

  /** The reason a plain test never holds, if it is such a test. */
  static Optional<NeverApplies.Reason> expired(ConditionEntry c, Instant now) {
    ConditionOperator op = c.operator().orElse(null);
    if (op == null
        || (op.base() != Base.DateLessThan && op.base() != Base.DateLessThanEquals)
        || !c.key().equalsIgnoreCase("aws:TokenIssueTime")
        || c.values().isEmpty()) {
      return Optional.empty();
    }
    Instant latest = null;
    String last = null;
    for (JsonNode v : c.values()) {
      last = text(v);
      Instant t = NeverApplies.latestInstant(last);
      if (t == null) {
        return Optional.empty(); // a variable or a value we cannot read: it may hold
      }
      latest = latest == null || t.isAfter(latest) ? t : latest;
    }
    if (!latest.plus(LONGEST_SESSION).isBefore(now)) {
      return Optional.empty();
    }
    return Optional.of(
        new NeverApplies.Reason(
            c.keyProperty().key(),
            op.base()
                + " "
                + c.key()
                + " "
                + last
                + (c.values().size() > 1 ? " (and the other values)" : "")
                + ": every session issued before then has expired, so the condition never"
                + " holds"));
  }

  private static String text(JsonNode v) {
    if (v instanceof StringNode s) {
      return s.value();
    }
    return v instanceof NumberNode n ? n.text() : null;
  }
}
