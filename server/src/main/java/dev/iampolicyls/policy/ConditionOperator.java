package dev.iampolicyls.policy;

import dev.iampolicyls.cache.BoundedMemo;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A condition operator as written: an optional set qualifier ({@code ForAllValues:} or {@code
 * ForAnyValue:}), a base operator and an optional {@code IfExists} suffix. IAM matches operator
 * names exactly, so parsing is case-sensitive; {@link #parseIgnoringCase} helps say "did you mean".
 */
public record ConditionOperator(Qualifier qualifier, Base base, boolean ifExists) {

  /** What kind of values an operator compares. */
  public enum Category {
    STRING,
    NUMERIC,
    DATE,
    BOOL,
    BINARY,
    IP_ADDRESS,
    ARN,
    NULL
  }

  /** The set qualifiers for multi-valued keys. */
  public enum Qualifier {
    NONE(""),
    FOR_ALL_VALUES("ForAllValues:"),
    FOR_ANY_VALUE("ForAnyValue:");

    private final String prefix;

    Qualifier(String prefix) {
      this.prefix = prefix;
    }

    public String prefix() {
      return prefix;
    }
  }

  /** Every base operator IAM knows, with its category and whether it negates. */
  public enum Base {
    StringEquals(Category.STRING, false),
    StringNotEquals(Category.STRING, true),
    StringEqualsIgnoreCase(Category.STRING, false),
    StringNotEqualsIgnoreCase(Category.STRING, true),
    StringLike(Category.STRING, false),
    StringNotLike(Category.STRING, true),
    NumericEquals(Category.NUMERIC, false),
    NumericNotEquals(Category.NUMERIC, true),
    NumericLessThan(Category.NUMERIC, false),
    NumericLessThanEquals(Category.NUMERIC, false),
    NumericGreaterThan(Category.NUMERIC, false),
    NumericGreaterThanEquals(Category.NUMERIC, false),
    DateEquals(Category.DATE, false),
    DateNotEquals(Category.DATE, true),
    DateLessThan(Category.DATE, false),
    DateLessThanEquals(Category.DATE, false),
    DateGreaterThan(Category.DATE, false),
    DateGreaterThanEquals(Category.DATE, false),
    Bool(Category.BOOL, false),
    BinaryEquals(Category.BINARY, false),
    IpAddress(Category.IP_ADDRESS, false),
    NotIpAddress(Category.IP_ADDRESS, true),
    ArnEquals(Category.ARN, false),
    ArnLike(Category.ARN, false),
    ArnNotEquals(Category.ARN, true),
    ArnNotLike(Category.ARN, true),
    Null(Category.NULL, false);

    private final Category category;
    private final boolean negated;

    Base(Category category, boolean negated) {
      this.category = category;
      this.negated = negated;
    }

    public Category category() {
      return category;
    }

    public boolean negated() {
      return negated;
    }

    /** Whether values may hold the wildcards * and ? (the Like operators). */
    public boolean matchesWildcards() {
      return this == StringLike || this == StringNotLike || this == ArnLike || this == ArnNotLike;
    }
  }

  /** Parses an operator exactly as IAM does; empty when IAM would not know it. */
  public static Optional<ConditionOperator> parse(String text) {
    // Every condition check asks for every key test's operator: few distinct texts, asked often.
    return BoundedMemo.remember(PARSED, text, MAX_PARSED, t -> parse(t, false));
  }

  private static final int MAX_PARSED = 1_000;
  private static final Map<String, Optional<ConditionOperator>> PARSED = new ConcurrentHashMap<>();

  /** Parses ignoring case, to suggest the right spelling of a mistyped operator. */
  public static Optional<ConditionOperator> parseIgnoringCase(String text) {
    return parse(text, true);
  }

  private static Optional<ConditionOperator> parse(String text, boolean ignoreCase) {
    String rest = text;
    Qualifier qualifier = Qualifier.NONE;
    for (Qualifier q : new Qualifier[] {Qualifier.FOR_ALL_VALUES, Qualifier.FOR_ANY_VALUE}) {
      if (rest.regionMatches(ignoreCase, 0, q.prefix(), 0, q.prefix().length())) {
        qualifier = q;
        rest = rest.substring(q.prefix().length());
        break;
      }
    }
    boolean ifExists = false;
    if (rest.length() > "IfExists".length()
        && rest.regionMatches(ignoreCase, rest.length() - 8, "IfExists", 0, 8)) {
      ifExists = true;
      rest = rest.substring(0, rest.length() - 8);
    }
    if (!ignoreCase) {
      Base b = BASES_BY_NAME.get(rest);
      return b == null
          ? Optional.empty()
          : Optional.of(new ConditionOperator(qualifier, b, ifExists));
    }
    for (Base b : Base.values()) {
      if (b.name().equalsIgnoreCase(rest)) {
        return Optional.of(new ConditionOperator(qualifier, b, ifExists));
      }
    }
    return Optional.empty();
  }

  /** Every check parses every operator: a lookup, not a scan over a fresh copy of values(). */
  private static final Map<String, Base> BASES_BY_NAME = basesByName();

  private static Map<String, Base> basesByName() {
    Map<String, Base> map = new HashMap<>();
    for (Base b : Base.values()) {
      map.put(b.name(), b);
    }
    return Map.copyOf(map);
  }

  /** The operator as IAM spells it. */
  public String text() {
    return qualifier.prefix() + base.name() + (ifExists ? "IfExists" : "");
  }

  public Category category() {
    return base.category();
  }

  @Override
  public String toString() {
    return text();
  }

  static String lower(String s) {
    return s.toLowerCase(Locale.ROOT);
  }
}
