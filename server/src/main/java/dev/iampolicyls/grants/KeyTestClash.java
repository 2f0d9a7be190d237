package dev.iampolicyls.grants;

import dev.iampolicyls.catalog.Catalog;
import dev.iampolicyls.policy.ConditionEntry;
import dev.iampolicyls.policy.ConditionOperator;
import dev.iampolicyls.policy.ConditionOperator.Base;
import dev.iampolicyls.policy.ConditionOperator.Category;
import dev.iampolicyls.policy.ConditionOperator.Qualifier;
import dev.iampolicyls.syntax.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Two tests of one key in a Condition that no request passes both, beyond equal values: the key
 * required absent and present, a value required and refused, patterns that share no string, a date
 * window that closes before it opens. One rule per method; each answers only when it is sure.
 */
final class KeyTestClash {
  private KeyTestClash() {}

  /** The first pair of tests of one key that no request passes, as a reason on the later one. */
  static Optional<NeverApplies.Reason> first(List<ConditionEntry> entries, Catalog catalog) {
    for (int j = 1; j < entries.size(); j++) {
      ConditionEntry b = entries.get(j);
      if (b.operator().isEmpty()) {
        continue;
      }
      for (int i = 0; i < j; i++) {
        ConditionEntry a = entries.get(i);
        if (a.operator().isEmpty() || !a.key().equalsIgnoreCase(b.key())) {
          continue;
        }
        Optional<String> why = clash(a, b, catalog).or(() -> clash(b, a, catalog));
        if (why.isPresent()) {
          return Optional.of(new NeverApplies.Reason(b.keyProperty().key(), why.get()));
        }
      }
    }
    return Optional.empty();
  }

  /** One direction of every rule: {@code a} in the first role. */
  private static Optional<String> clash(ConditionEntry a, ConditionEntry b, Catalog catalog) {
    if (absentAndPresent(a, b)) {
      return Optional.of(
          a.key()
              + " must be absent ("
              + NeverApplies.describe(a)
              + ") and "
              + (isNull(b) ? "present (" : "is tested with ")
              + NeverApplies.describe(b)
              + (isNull(b) ? ")" : ", which needs it present")
              + ", so the condition never holds");
    }
    if (!NeverApplies.singleValued(catalog, a.key())
        || !plain(a.operator().get())
        || b.operator().get().qualifier() != Qualifier.NONE) {
      return Optional.empty();
    }
    if (requiredAndRefused(a, b) || patternsNeverMeet(a, b) || windowCloses(a, b)) {
      return Optional.of(
          a.key()
              + " is tested with "
              + NeverApplies.describe(a)
              + " and with "
              + NeverApplies.describe(b)
              + ": no value passes both, so the condition never holds");
    }
    return Optional.empty();
  }

  /**
   * {@code Null: true} (the key is absent) with a test that needs the key: any plain test that is
   * false without it, or {@code Null: false}. Holds for multi-valued keys too.
   */
  static boolean absentAndPresent(ConditionEntry a, ConditionEntry b) {
    if (!isNull(a) || !nullValues(a).equals("true")) {
      return false;
    }
    if (isNull(b)) {
      return nullValues(b).equals("false");
    }
    ConditionOperator op = b.operator().get();
    return !op.ifExists() && !op.base().negated() && op.qualifier() != Qualifier.FOR_ALL_VALUES;
  }

  /**
   * {@code StringEquals} values that a {@code StringNotEquals} (or {@code StringNotLike}) of the
   * same key refuses, every one of them.
   */
  static boolean requiredAndRefused(ConditionEntry a, ConditionEntry b) {
    Base eq = a.operator().get().base();
    Base neq = b.operator().get().base();
    if (eq != Base.StringEquals && eq != Base.StringEqualsIgnoreCase) {
      return false;
    }
    if (neq != Base.StringNotEquals
        && neq != Base.StringNotEqualsIgnoreCase
        && neq != Base.StringNotLike) {
      return false;
    }
    if (eq == Base.StringEqualsIgnoreCase && neq != Base.StringNotEqualsIgnoreCase) {
      return false; // another spelling of the value may pass the case-sensitive refusal
    }
    List<String> required = literals(a);
    List<String> refused = literals(b);
    if (required == null || refused == null) {
      return false;
    }
    boolean ignoreCase = neq == Base.StringNotEqualsIgnoreCase;
    for (String value : required) {
      boolean isRefused = false;
      for (String r : refused) {
        isRefused |= StringGlobs.mayMeet(value, false, r, neq == Base.StringNotLike, ignoreCase);
      }
      if (!isRefused) {
        return false;
      }
    }
    return true;
  }

  /**
   * Two positive string or ARN tests whose values (literals or patterns) share no string: every
   * value of one against every value of the other. Two plain equality tests are {@link
   * NeverApplies}'s own rule.
   */
  static boolean patternsNeverMeet(ConditionEntry a, ConditionEntry b) {
    Base x = a.operator().get().base();
    Base y = b.operator().get().base();
    if (!positiveMatch(x) || !positiveMatch(y) || !plain(b.operator().get())) {
      return false;
    }
    if (!x.matchesWildcards()
        && !y.matchesWildcards()
        && x.category() == Category.STRING
        && y.category() == Category.STRING) {
      return false;
    }
    List<String> as = literals(a);
    List<String> bs = literals(b);
    if (as == null || bs == null) {
      return false;
    }
    boolean ignoreCase = x == Base.StringEqualsIgnoreCase || y == Base.StringEqualsIgnoreCase;
    for (String p : as) {
      for (String q : bs) {
        if (StringGlobs.mayMeet(p, wildcards(x), q, wildcards(y), ignoreCase)) {
          return false;
        }
      }
    }
    return true;
  }

  /**
   * A lower bound on a date at or after an upper bound: {@code DateGreaterThan 2025} with {@code
   * DateLessThan 2024}. Values are alternatives, so the loosest of each side counts.
   */
  static boolean windowCloses(ConditionEntry a, ConditionEntry b) {
    Base low = a.operator().get().base();
    Base high = b.operator().get().base();
    boolean lowStrict = low == Base.DateGreaterThan;
    boolean highStrict = high == Base.DateLessThan;
    if (!(lowStrict || low == Base.DateGreaterThanEquals || low == Base.DateEquals)
        || !(highStrict || high == Base.DateLessThanEquals || high == Base.DateEquals)
        || !plain(b.operator().get())) {
      return false;
    }
    Instant lowest = null;
    for (String v : orEmpty(literals(a))) {
      Instant t = DateReading.earliest(v);
      if (t == null) {
        return false;
      }
      lowest = lowest == null || t.isBefore(lowest) ? t : lowest;
    }
    Instant highest = null;
    for (String v : orEmpty(literals(b))) {
      Instant t = DateReading.latest(v);
      if (t == null) {
        return false;
      }
      highest = highest == null || t.isAfter(highest) ? t : highest;
    }
    if (lowest == null || highest == null) {
      return false;
    }
    int cmp = lowest.compareTo(highest);
    return cmp > 0 || (cmp == 0 && (lowStrict || highStrict));
  }

  private static boolean plain(ConditionOperator op) {
    return !op.ifExists() && op.qualifier() == Qualifier.NONE;
  }

  private static boolean isNull(ConditionEntry e) {
    ConditionOperator op = e.operator().get();
    return op.base() == Base.Null && !op.ifExists() && op.qualifier() == Qualifier.NONE;
  }

  /** "true" or "false" when every value of a Null test says so, else "". */
  private static String nullValues(ConditionEntry e) {
    List<String> values = literals(e);
    if (values == null || values.isEmpty()) {
      return "";
    }
    String first = values.get(0).toLowerCase(Locale.ROOT);
    for (String v : values) {
      if (!v.toLowerCase(Locale.ROOT).equals(first)) {
        return "";
      }
    }
    return first.equals("true") || first.equals("false") ? first : "";
  }

  private static boolean positiveMatch(Base b) {
    return switch (b) {
      case StringEquals, StringEqualsIgnoreCase, StringLike, ArnEquals, ArnLike -> true;
      default -> false;
    };
  }

  /** Whether the operator reads * and ? as wildcards: the Like operators, and ArnEquals too. */
  private static boolean wildcards(Base b) {
    return b.matchesWildcards() || b == Base.ArnEquals;
  }

  /** The literal values, or null when one is not a plain literal (a variable, an object). */
  private static List<String> literals(ConditionEntry c) {
    List<String> out = new ArrayList<>();
    for (JsonNode v : c.values()) {
      String text = NeverApplies.literal(v);
      if (text == null || text.contains("${")) {
        return null;
      }
      out.add(text);
    }
    return out;
  }

  private static List<String> orEmpty(List<String> list) {
    return list == null ? List.of() : list;
  }
}
