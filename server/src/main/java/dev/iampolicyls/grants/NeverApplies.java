package dev.iampolicyls.grants;

import dev.iampolicyls.catalog.Catalog;
import dev.iampolicyls.policy.ConditionEntry;
import dev.iampolicyls.policy.ConditionOperator;
import dev.iampolicyls.policy.ConditionOperator.Base;
import dev.iampolicyls.policy.ConditionOperator.Category;
import dev.iampolicyls.policy.Statement;
import dev.iampolicyls.syntax.JsonNode;
import dev.iampolicyls.syntax.LiteralNode;
import dev.iampolicyls.syntax.NumberNode;
import dev.iampolicyls.syntax.StringNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Whether a statement's Condition can never hold, so the statement never applies: a {@code
 * DateLessThan} on the current time with a date that has passed, two tests of one key that no
 * request passes both (StringEquals a and b, NumericLessThan 5 and NumericGreaterThan 10, Bool true
 * and false, and the rules of {@link KeyTestClash}), a service key no action of the statement
 * carries ({@link UnsupportedKey}), or an aws:SourceIp test with only private ranges ({@link
 * SourceIpRanges}).
 *
 * <p>Exact and conservative: only plain operators (no IfExists, which holds when the key is absent;
 * no ForAllValues, which holds for an empty set), only literal values, and for contradictions of
 * values only keys the catalog knows to hold one value (a multi-valued key may hold a and b at
 * once).
 */
public final class NeverApplies {
  private NeverApplies() {}

  /**
   * Why a statement never applies.
   *
   * @param at the key of the condition test that kills it
   * @param why a sentence for the message
   * @param reportedAs the code of another check that already reports this test as never true, so
   *     that STATEMENT_NEVER_APPLIES does not say it twice; null when it is ours to report
   */
  public record Reason(JsonNode at, String why, String reportedAs) {
    public Reason(JsonNode at, String why) {
      this(at, why, null);
    }

    /** Whether STATEMENT_NEVER_APPLIES reports it (no other check does). */
    public boolean ownFinding() {
      return reportedAs == null;
    }
  }

  /** The first condition test that makes the statement never apply, if any. */
  public static Optional<Reason> of(Statement s, Catalog catalog, Instant now) {
    List<ConditionEntry> plain = new ArrayList<>();
    for (ConditionEntry c : s.conditionEntries()) {
      ConditionOperator op = c.operator().orElse(null);
      if (op == null || op.ifExists() || op.qualifier() != ConditionOperator.Qualifier.NONE) {
        continue;
      }
      // Plain ifs, not Optional.or: per condition of every statement, and a capturing lambda
      // is a call into the VM under C1 (the launcher's batch).
      Optional<Reason> past = pastDate(c, op.base(), now);
      if (past.isPresent()) {
        return past;
      }
      Optional<Reason> expired = SessionAge.expired(c, now);
      if (expired.isPresent()) {
        return expired;
      }
      for (ConditionEntry earlier : plain) {
        if (earlier.key().equalsIgnoreCase(c.key()) && singleValued(catalog, c.key())) {
          Optional<Reason> clash = contradiction(earlier, c);
          if (clash.isPresent()) {
            return clash;
          }
        }
      }
      plain.add(c);
    }
    Optional<Reason> clash = KeyTestClash.first(s.conditionEntries(), catalog);
    if (clash.isPresent()) {
      return clash;
    }
    Optional<Reason> unsupported = UnsupportedKey.of(s, catalog);
    return unsupported.isPresent() ? unsupported : SourceIpRanges.neverTrue(s);
  }

  /**
   * Whether a Condition holds for every request although it is there: a Deny with it then applies
   * as one without it. Each test must hold: NotIpAddress of private ranges on aws:SourceIp, or a
   * test true without its key ({@link #alwaysTrueWithoutKey}).
   */
  public static boolean alwaysHolds(Statement s, Catalog catalog) {
    return SourceIpRanges.alwaysTrue(s) || UnsupportedKey.allAbsentAndTrue(s, catalog);
  }

  /**
   * Whether one test of a statement is true for every request, so it narrows nothing: NotIpAddress
   * of private ranges on aws:SourceIp, or a test true without its key ({@link
   * #alwaysTrueWithoutKey}).
   */
  public static boolean narrowsNothing(Statement s, ConditionEntry test, Catalog catalog) {
    return SourceIpRanges.alwaysTrue(test) || UnsupportedKey.absentAndTrue(s, test, catalog);
  }

  /**
   * Why one test of a statement is true for every request because its key is never there, or empty:
   * a test true without its key (negated, IfExists, ForAllValues, Null true) of a service key none
   * of the statement's actions carries.
   */
  public static Optional<String> alwaysTrueWithoutKey(
      Statement s, ConditionEntry test, Catalog catalog) {
    return UnsupportedKey.alwaysTrue(s, test, catalog);
  }

  static boolean singleValued(Catalog catalog, String key) {
    return catalog.conditionKey(key).map(k -> !k.type().startsWith("ArrayOf")).orElse(false);
  }

  /** DateLessThan(Equals) on aws:CurrentTime or aws:EpochTime where every value has passed. */
  private static Optional<Reason> pastDate(ConditionEntry c, Base base, Instant now) {
    if ((base != Base.DateLessThan && base != Base.DateLessThanEquals)
        || !(c.key().equalsIgnoreCase("aws:CurrentTime")
            || c.key().equalsIgnoreCase("aws:EpochTime"))
        || c.values().isEmpty()) {
      return Optional.empty();
    }
    Instant latest = null;
    for (JsonNode v : c.values()) {
      Instant t = latestInstant(literal(v));
      if (t == null) {
        return Optional.empty(); // a variable or a value we cannot read: it may hold
      }
      latest = latest == null || t.isAfter(latest) ? t : latest;
    }
    if (!latest.isBefore(now)) {
      return Optional.empty();
    }
    return Optional.of(
        new Reason(
            c.keyProperty().key(),
            base
                + " "
                + c.key()
                + " "
                + literal(c.values().get(c.values().size() - 1))
                + (c.values().size() > 1 ? " (and the other values)" : "")
                + ": that time has passed, so the condition never holds"));
  }

  /**
   * The latest instant a date value may stand for: a date or time with no zone is read in the
   * latest zone and to the end of its day, so a value is called past only when it is in every
   * reading. Null when the value is not a date IAM reads.
   */
  static Instant latestInstant(String value) {
    return DateReading.latest(value);
  }

  /** Two tests of one key that no single value passes, as a reason on the later one. */
  private static Optional<Reason> contradiction(ConditionEntry a, ConditionEntry b) {
    Base x = a.operator().orElseThrow().base();
    Base y = b.operator().orElseThrow().base();
    boolean clash = false;
    if (isStringEquality(x) && isStringEquality(y)) {
      boolean ignoreCase = x == Base.StringEqualsIgnoreCase || y == Base.StringEqualsIgnoreCase;
      clash = disjoint(strings(a, ignoreCase), strings(b, ignoreCase));
    } else if (x == Base.Bool && y == Base.Bool) {
      clash = disjoint(bools(a), bools(b));
    } else if (x.category() == Category.NUMERIC && y.category() == Category.NUMERIC) {
      Interval i = Interval.of(x, number(a));
      Interval j = Interval.of(y, number(b));
      clash = i != null && j != null && !i.meets(j);
    }
    if (!clash) {
      return Optional.empty();
    }
    return Optional.of(
        new Reason(
            b.keyProperty().key(),
            b.key()
                + " is tested with "
                + describe(a)
                + " and with "
                + describe(b)
                + ": no value passes both, so the condition never holds"));
  }

  static String describe(ConditionEntry c) {
    List<String> values = c.values().stream().map(NeverApplies::literal).toList();
    return c.operatorText() + " " + (values.size() == 1 ? values.get(0) : values.toString());
  }

  private static boolean isStringEquality(Base b) {
    return b == Base.StringEquals || b == Base.StringEqualsIgnoreCase;
  }

  private static boolean disjoint(Set<String> a, Set<String> b) {
    if (a == null || b == null || a.isEmpty() || b.isEmpty()) {
      return false;
    }
    for (String v : a) {
      if (b.contains(v)) {
        return false;
      }
    }
    return true;
  }

  /** The literal values, or null when one is not a plain string (a variable, an object). */
  private static Set<String> strings(ConditionEntry c, boolean ignoreCase) {
    Set<String> out = new HashSet<>();
    for (JsonNode v : c.values()) {
      String text = literal(v);
      if (text == null || text.contains("${")) {
        return null;
      }
      out.add(ignoreCase ? text.toLowerCase(Locale.ROOT) : text);
    }
    return out;
  }

  private static Set<String> bools(ConditionEntry c) {
    Set<String> out = strings(c, true);
    return out != null && out.stream().allMatch(v -> v.equals("true") || v.equals("false"))
        ? out
        : null;
  }

  /** The single numeric value of a test, or null. */
  private static BigDecimal number(ConditionEntry c) {
    if (c.values().size() != 1) {
      return null;
    }
    String text = literal(c.values().get(0));
    try {
      return text == null ? null : new BigDecimal(text);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  static String literal(JsonNode v) {
    if (v instanceof StringNode s) {
      return s.value();
    }
    if (v instanceof NumberNode n) {
      return n.text();
    }
    if (v instanceof LiteralNode l && l.kind() != LiteralNode.Kind.NULL) {
      return l.text();
    }
    return null;
  }

  /** The values one numeric test lets through; a null bound is open. */
  private record Interval(BigDecimal low, boolean lowStrict, BigDecimal high, boolean highStrict) {
    static Interval of(Base op, BigDecimal v) {
      if (v == null) {
        return null;
      }
      return switch (op) {
        case NumericEquals -> new Interval(v, false, v, false);
        case NumericLessThan -> new Interval(null, false, v, true);
        case NumericLessThanEquals -> new Interval(null, false, v, false);
        case NumericGreaterThan -> new Interval(v, true, null, false);
        case NumericGreaterThanEquals -> new Interval(v, false, null, false);
        default -> null; // NumericNotEquals lets almost everything through
      };
    }

    /** Whether some number is in both. */
    boolean meets(Interval o) {
      return below(low, lowStrict, o.high, o.highStrict)
          && below(o.low, o.lowStrict, high, highStrict);
    }

    /** Whether some number is at least {@code low} and at most {@code high}. */
    private static boolean below(
        BigDecimal low, boolean lowStrict, BigDecimal high, boolean highStrict) {
      if (low == null || high == null) {
        return true;
      }
      int cmp = low.compareTo(high);
      return cmp < 0 || (cmp == 0 && !lowStrict && !highStrict);
    }
  }
}
