package dev.iampolicyls.compare;

import dev.iampolicyls.compare.GlobClasses.Observed;
import dev.iampolicyls.evaluation.StatementParts;
import dev.iampolicyls.policy.ConditionEntry;
import dev.iampolicyls.policy.ConditionOperator;
import dev.iampolicyls.policy.IpRange;
import dev.iampolicyls.syntax.JsonNode;
import dev.iampolicyls.syntax.LiteralNode;
import dev.iampolicyls.syntax.NumberNode;
import dev.iampolicyls.syntax.StringNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The values of one condition key worth trying: one of each class of values that the tests on the
 * key (in both policies) tell apart, so that every statement's condition on the key is constant on
 * each class.
 *
 * <ul>
 *   <li>strings and ARNs: the classes of the equality, caseless and wildcard patterns ({@link
 *       GlobClasses});
 *   <li>numbers and dates: each bound, a value between each two neighbours, one below and above;
 *   <li>IP addresses: for each range an address in it and in no narrower range of the list, and an
 *       address outside all of them, per address family;
 *   <li>booleans: true and false; binary values: each value and another one;
 *   <li>the key absent, and for a multi-valued key every non-empty set of the classes above.
 * </ul>
 */
final class ContextCandidates {
  private ContextCandidates() {}

  /** More element classes than the sets of a multi-valued key are enumerated for. */
  static final int MAX_SET_ELEMENTS = 10;

  /** Why a key's values could not be enumerated. */
  static final class TooMany extends Exception {
    TooMany(String message) {
      super(message);
    }
  }

  /**
   * The candidate values, the first being the key absent (an empty list) unless the key is always
   * present.
   *
   * @param type the key's type as the catalog spells it ({@code Bool}, {@code ArrayOfARN}...), or
   *     null when the catalog does not know the key
   * @param literalShortcut when every string test is a case-sensitive equality, take the classes
   *     without the search: each value, and one value equal to none ({@link #literalClasses}). The
   *     same classes as the search finds, with another value standing for the last
   */
  static List<List<String>> of(
      String key,
      String type,
      List<ConditionEntry> entries,
      boolean multiValued,
      boolean alwaysPresent,
      List<String> extraValues,
      int maxStates,
      boolean literalShortcut)
      throws TooMany {
    List<String> elements = elements(key, type, entries, extraValues, maxStates, literalShortcut);
    List<List<String>> out = new ArrayList<>();
    if (!alwaysPresent) {
      out.add(List.of());
    }
    if (!multiValued) {
      for (String e : elements) {
        out.add(List.of(e));
      }
      return out;
    }
    if (elements.size() > MAX_SET_ELEMENTS) {
      throw new TooMany(
          "the multi-valued key "
              + key
              + " is compared in "
              + elements.size()
              + " classes of values; sets of more than "
              + MAX_SET_ELEMENTS
              + " classes are not enumerated");
    }
    int n = elements.size();
    for (int mask = 1; mask < (1 << n); mask++) {
      List<String> set = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        if ((mask & (1 << i)) != 0) {
          set.add(elements.get(i));
        }
      }
      out.add(List.copyOf(set));
    }
    return out;
  }

  /**
   * The classes of values of string tests found before, by the tests (kind and value, in order):
   * the same tests recur across the values of policy variables, the policies of a batch, and
   * keystrokes. Bounded like the other memos; thread-safe for a batch's parallel checks.
   */
  private static final Map<String, List<String>> STRING_CLASSES = new ConcurrentHashMap<>();

  private static final int STRING_CLASSES_BOUND = 4_096;

  /** Appends one test to a memo key: its kind and its value, preceded by the value's length. */
  private static void describe(StringBuilder key, char kind, String value) {
    key.append(kind).append(value.length()).append(':').append(value);
  }

  private static List<String> elements(
      String key,
      String type,
      List<ConditionEntry> entries,
      List<String> extraValues,
      int maxStates,
      boolean literalShortcut)
      throws TooMany {
    Set<String> out = new LinkedHashSet<>();
    // The values of the case-sensitive equality tests, while every string test is one.
    Set<String> literals = new LinkedHashSet<>();
    boolean onlyLiterals = true;
    List<Observed> strings = new ArrayList<>();
    StringBuilder stringsKey = new StringBuilder().append(maxStates);
    TreeSet<BigDecimal> numbers = new TreeSet<>();
    TreeSet<Instant> dates = new TreeSet<>();
    List<IpRange> ranges = new ArrayList<>();
    for (ConditionEntry entry : entries) {
      ConditionOperator op = entry.operator().orElse(null);
      if (op == null) {
        continue; // never holds, whatever the value
      }
      for (JsonNode node : entry.values()) {
        String v = text(node);
        if (v == null) {
          continue;
        }
        switch (op.base()) {
          case StringEquals, StringNotEquals -> {
            strings.add(Observed.of(GlobClasses.literal(v, false)));
            describe(stringsKey, 'E', v);
            literals.add(v);
          }
          case StringEqualsIgnoreCase, StringNotEqualsIgnoreCase -> {
            strings.add(Observed.of(GlobClasses.literal(v, true)));
            describe(stringsKey, 'I', v);
            onlyLiterals = false;
          }
          case StringLike, StringNotLike -> {
            strings.add(Observed.of(GlobClasses.glob(v, false)));
            describe(stringsKey, 'G', v);
            onlyLiterals = false;
          }
          case ArnEquals, ArnLike, ArnNotEquals, ArnNotLike -> {
            strings.add(Observed.arn(v));
            describe(stringsKey, 'A', v);
            onlyLiterals = false;
          }
          case BinaryEquals -> {
            out.add(v);
            out.add("ZXhhbXBsZQ==");
          }
          case Bool -> {
            out.add("true");
            out.add("false");
          }
          case NumericEquals,
              NumericNotEquals,
              NumericLessThan,
              NumericLessThanEquals,
              NumericGreaterThan,
              NumericGreaterThanEquals -> {
            BigDecimal d = StatementParts.number(v);
            if (d != null) {
              numbers.add(d);
            }
          }
          case DateEquals,
              DateNotEquals,
              DateLessThan,
              DateLessThanEquals,
              DateGreaterThan,
              DateGreaterThanEquals -> {
            Instant i = StatementParts.instant(v);
            if (i != null) {
              dates.add(i);
            }
          }
          case IpAddress, NotIpAddress ->
              IpRange.parse(v.strip()).ifPresent(r -> ranges.add(r.network()));
          case Null -> {}
        }
      }
    }
    for (String v : extraValues) {
      strings.add(Observed.of(GlobClasses.literal(v, false)));
      describe(stringsKey, 'E', v);
      literals.add(v);
    }
    if (!strings.isEmpty() && onlyLiterals && literalShortcut) {
      out.addAll(literalClasses(literals));
    } else if (!strings.isEmpty()) {
      List<String> classes = STRING_CLASSES.get(stringsKey.toString());
      if (classes == null) {
        try {
          classes = List.copyOf(GlobClasses.classes(List.of(), strings, maxStates).values());
        } catch (GlobClasses.TooManyStates e) {
          throw new TooMany("the string tests on " + key + " have too many classes of values");
        }
        if (STRING_CLASSES.size() > STRING_CLASSES_BOUND) {
          STRING_CLASSES.clear();
        }
        STRING_CLASSES.put(stringsKey.toString(), classes);
      }
      out.addAll(classes);
    }
    for (BigDecimal d : between(new ArrayList<>(numbers))) {
      out.add(d.stripTrailingZeros().toPlainString());
    }
    for (Instant i : betweenDates(new ArrayList<>(dates))) {
      out.add(i.toString());
    }
    out.addAll(addresses(ranges));
    if (out.isEmpty()) {
      out.add(presentValue(type)); // only Null tests: any present value will do
    }
    return List.copyOf(out);
  }

  /**
   * The classes of values that case-sensitive equality tests tell apart: each value (the tests
   * equal to it hold), and any other (none holds), for which a value equal to none stands.
   */
  static List<String> literalClasses(Set<String> values) {
    List<String> out = new ArrayList<>(values);
    String other = "example";
    for (int i = 1; values.contains(other); i++) {
      other = "example" + i;
    }
    out.add(other);
    return out;
  }

  /** A value of the type, for a key whose tests only ask whether it is present. */
  static String presentValue(String type) {
    String single = type == null ? "" : type.replaceFirst("^ArrayOf", "");
    return switch (single.toLowerCase(Locale.ROOT)) {
      case "bool", "boolean" -> "true";
      case "numeric", "long", "integer" -> "1";
      case "date" -> "2026-01-01T00:00:00Z";
      case "ipaddress" -> "203.0.113.0";
      case "arn" -> "arn:aws:iam::111122223333:role/example";
      default -> "example";
    };
  }

  /** Each point, one between each two neighbours, one below the least and one above the most. */
  private static List<BigDecimal> between(List<BigDecimal> points) {
    List<BigDecimal> out = new ArrayList<>();
    if (points.isEmpty()) {
      return out;
    }
    out.add(points.get(0).subtract(BigDecimal.ONE));
    for (int i = 0; i < points.size(); i++) {
      out.add(points.get(i));
      if (i + 1 < points.size()) {
        out.add(points.get(i).add(points.get(i + 1)).divide(BigDecimal.valueOf(2)));
      }
    }
    out.add(points.get(points.size() - 1).add(BigDecimal.ONE));
    return out;
  }

  private static List<Instant> betweenDates(List<Instant> points) {
    List<Instant> out = new ArrayList<>();
    if (points.isEmpty()) {
      return out;
    }
    out.add(points.get(0).minus(Duration.ofDays(1)));
    for (int i = 0; i < points.size(); i++) {
      out.add(points.get(i));
      if (i + 1 < points.size()) {
        Duration gap = Duration.between(points.get(i), points.get(i + 1));
        out.add(points.get(i).plus(gap.dividedBy(2)));
      }
    }
    out.add(points.get(points.size() - 1).plus(Duration.ofDays(1)));
    return out;
  }

  /**
   * For each range an address in it outside its narrower ranges (when there is one), and per family
   * an address outside every range.
   */
  private static List<String> addresses(List<IpRange> ranges) {
    List<String> out = new ArrayList<>();
    if (ranges.isEmpty()) {
      return out;
    }
    for (boolean v6 : new boolean[] {false, true}) {
      List<IpRange> family = ranges.stream().filter(r -> r.isV6() == v6).toList();
      if (family.isEmpty() && v6) {
        continue; // IPv6 requests meet no IPv4 range: the outside address of IPv4 stands for them
      }
      int bits = v6 ? 128 : 32;
      IpRange whole = new IpRange(new byte[bits / 8], 0);
      List<IpRange> all = new ArrayList<>(family);
      all.add(whole);
      for (IpRange r : all) {
        List<IpRange> inner =
            family.stream().filter(o -> o.prefix() > r.prefix() && r.contains(o)).toList();
        BigInteger found = outside(toInteger(r.address()), r.prefix(), bits, inner);
        if (found != null) {
          out.add(new IpRange(toBytes(found, bits / 8), bits).text().replaceAll("/\\d+$", ""));
        }
      }
    }
    return out;
  }

  /** An address of the block (base, prefix) in none of the ranges; halving, so at most 128 deep. */
  private static BigInteger outside(BigInteger base, int prefix, int bits, List<IpRange> ranges) {
    for (IpRange r : ranges) {
      if (r.prefix() <= prefix && contains(r, base, bits)) {
        return null; // the whole block is in a range
      }
    }
    boolean anyInside = false;
    for (IpRange r : ranges) {
      if (r.prefix() > prefix && sameBlock(toInteger(r.address()), base, prefix, bits)) {
        anyInside = true;
        break;
      }
    }
    if (!anyInside || prefix == bits) {
      return anyInside ? null : base;
    }
    BigInteger low = outside(base, prefix + 1, bits, ranges);
    if (low != null) {
      return low;
    }
    return outside(base.setBit(bits - prefix - 1), prefix + 1, bits, ranges);
  }

  private static boolean contains(IpRange r, BigInteger address, int bits) {
    return sameBlock(toInteger(r.address()), address, r.prefix(), bits);
  }

  private static boolean sameBlock(BigInteger a, BigInteger b, int prefix, int bits) {
    return a.shiftRight(bits - prefix).equals(b.shiftRight(bits - prefix));
  }

  private static BigInteger toInteger(byte[] bytes) {
    return new BigInteger(1, bytes);
  }

  private static byte[] toBytes(BigInteger value, int length) {
    byte[] raw = value.toByteArray();
    byte[] out = new byte[length];
    int copy = Math.min(raw.length, length);
    System.arraycopy(raw, raw.length - copy, out, length - copy, copy);
    return out;
  }

  /** A condition value's text, as the evaluator reads it. */
  static String text(JsonNode node) {
    if (node instanceof StringNode s) {
      return s.value();
    }
    if (node instanceof NumberNode n) {
      return n.text();
    }
    if (node instanceof LiteralNode l && l.kind() != LiteralNode.Kind.NULL) {
      return l.text();
    }
    return null;
  }
}
