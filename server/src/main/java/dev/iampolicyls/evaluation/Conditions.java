package dev.iampolicyls.evaluation;

import dev.iampolicyls.policy.ConditionEntry;
import dev.iampolicyls.policy.ConditionOperator;
import dev.iampolicyls.policy.ConditionOperator.Base;
import dev.iampolicyls.policy.ConditionOperator.Qualifier;
import dev.iampolicyls.policy.IpRange;
import dev.iampolicyls.syntax.JsonNode;
import dev.iampolicyls.syntax.LiteralNode;
import dev.iampolicyls.syntax.NumberNode;
import dev.iampolicyls.syntax.StringNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Evaluates a statement's Condition block against a request: every key test must hold (operators
 * and keys are ANDed), a test holds when the request's value matches any of its values (ORed).
 * Missing keys, {@code ...IfExists}, {@code ForAllValues:} and {@code ForAnyValue:} follow the IAM
 * User Guide's condition operator and multivalued context key pages.
 */
final class Conditions {
  private Conditions() {}

  /** Why the block is false, or null when every test holds. */
  static String firstFailure(
      List<ConditionEntry> entries, RequestContext context, boolean variablesOn) {
    for (ConditionEntry entry : entries) {
      String failure = failure(entry, context, variablesOn, true);
      if (failure != null) {
        return failure;
      }
    }
    return null;
  }

  /**
   * Whether one test holds, as {@link #firstFailure} decides it, without writing why not (policy
   * comparison asks for every class of values of every key).
   */
  static boolean holds(ConditionEntry entry, RequestContext context, boolean variablesOn) {
    return failure(entry, context, variablesOn, false) == null;
  }

  /** What {@link #failure} gives for a test that is false when the reason is not wanted. */
  private static final String FALSE = "false";

  /** Why the test is false ({@link #FALSE} unless {@code explain}), or null when it holds. */
  private static String failure(
      ConditionEntry entry, RequestContext context, boolean variablesOn, boolean explain) {
    ConditionOperator operator = entry.operator().orElse(null);
    if (operator == null) {
      return explain
          ? label(entry) + ": IAM does not know the operator " + entry.operatorText()
          : FALSE;
    }
    List<String> policyValues = new ArrayList<>();
    for (JsonNode node : entry.values()) {
      String text = text(node);
      if (text == null) {
        return explain ? label(entry) + ": a value is not a string, number or boolean" : FALSE;
      }
      policyValues.add(text);
    }
    List<String> requestValues = context.values(entry.key());
    if (operator.base() == Base.Null) {
      boolean absent = requestValues.isEmpty();
      for (String v : policyValues) {
        if (v.equalsIgnoreCase(absent ? "true" : "false")) {
          return null;
        }
      }
      return explain
          ? label(entry)
              + " is false: the request "
              + (absent ? "has no " + entry.key() : "has " + entry.key())
          : FALSE;
    }
    List<PolicyPattern> patterns = new ArrayList<>(policyValues.size());
    boolean substitutes =
        variablesOn
            && (operator.category() == ConditionOperator.Category.STRING
                || operator.category() == ConditionOperator.Category.ARN);
    for (String v : policyValues) {
      Substitution.Result r = Substitution.apply(v, context, substitutes);
      if (r.pattern() == null) {
        return explain
            ? label(entry)
                + ": the variable "
                + r.unresolved()
                + " has no single value in the request"
            : FALSE;
      }
      patterns.add(r.pattern());
    }
    boolean holds = holds(operator, patterns, requestValues);
    if (holds) {
      return null;
    }
    if (!explain) {
      return FALSE;
    }
    if (requestValues.isEmpty()) {
      return label(entry) + " is false: the request has no " + entry.key();
    }
    return label(entry)
        + " is false for the request's "
        + quoted(requestValues)
        + " (policy: "
        + quoted(policyValues)
        + ")";
  }

  private static String label(ConditionEntry entry) {
    return "condition " + entry.operatorText() + " \"" + entry.key() + "\"";
  }

  static boolean holds(
      ConditionOperator operator, List<PolicyPattern> patterns, List<String> requestValues) {
    Base base = operator.base();
    if (requestValues.isEmpty()) {
      if (operator.ifExists() || operator.qualifier() == Qualifier.FOR_ALL_VALUES) {
        return true;
      }
      if (operator.qualifier() == Qualifier.FOR_ANY_VALUE) {
        return false;
      }
      // "If the key is not present, the values do not match": false, and true for the negations.
      return base.negated();
    }
    switch (operator.qualifier()) {
      case FOR_ALL_VALUES -> {
        for (String value : requestValues) {
          if (!valueHolds(base, patterns, value)) {
            return false;
          }
        }
        return true;
      }
      case FOR_ANY_VALUE -> {
        for (String value : requestValues) {
          if (valueHolds(base, patterns, value)) {
            return true;
          }
        }
        return false;
      }
      default -> {
        // A single-valued test of a key with several values: any value matches; a negated
        // operator holds when no value matches.
        boolean anyMatch = false;
        for (String value : requestValues) {
          anyMatch |= anyPatternMatches(base, patterns, value);
        }
        return base.negated() != anyMatch;
      }
    }
  }

  /** One request value against the policy values: a negated operator holds when none matches. */
  private static boolean valueHolds(Base base, List<PolicyPattern> patterns, String value) {
    return base.negated() != anyPatternMatches(base, patterns, value);
  }

  private static boolean anyPatternMatches(Base base, List<PolicyPattern> patterns, String value) {
    for (PolicyPattern p : patterns) {
      if (matches(base, p, value)) {
        return true;
      }
    }
    return false;
  }

  /** Whether the value matches one policy value under the operator's positive form. */
  private static boolean matches(Base base, PolicyPattern p, String value) {
    return switch (base) {
      case StringEquals, StringNotEquals -> p.equalsText(value, false);
      case StringEqualsIgnoreCase, StringNotEqualsIgnoreCase -> p.equalsText(value, true);
      case StringLike, StringNotLike -> p.matches(value, false);
      case NumericEquals, NumericNotEquals -> compareNumbers(value, p.text()) == 0;
      case NumericLessThan -> compareNumbers(value, p.text()) == -1;
      case NumericLessThanEquals -> within(compareNumbers(value, p.text()), -1, 0);
      case NumericGreaterThan -> compareNumbers(value, p.text()) == 1;
      case NumericGreaterThanEquals -> within(compareNumbers(value, p.text()), 0, 1);
      case DateEquals, DateNotEquals -> compareDates(value, p.text()) == 0;
      case DateLessThan -> compareDates(value, p.text()) == -1;
      case DateLessThanEquals -> within(compareDates(value, p.text()), -1, 0);
      case DateGreaterThan -> compareDates(value, p.text()) == 1;
      case DateGreaterThanEquals -> within(compareDates(value, p.text()), 0, 1);
      case Bool -> isBool(value) && value.equalsIgnoreCase(p.text());
      case BinaryEquals -> sameBinary(value, p.text());
      case IpAddress, NotIpAddress -> inRange(value, p.text());
      case ArnEquals, ArnLike, ArnNotEquals, ArnNotLike -> ArnMatching.matches(p, value);
      case Null -> false; // handled before
    };
  }

  private static boolean within(Integer comparison, int low, int high) {
    return comparison != null && comparison >= low && comparison <= high;
  }

  /** -1, 0 or 1; null when either side is not a number (then nothing matches). */
  private static Integer compareNumbers(String requestValue, String policyValue) {
    BigDecimal a = number(requestValue);
    BigDecimal b = number(policyValue);
    return a == null || b == null ? null : Integer.signum(a.compareTo(b));
  }

  static BigDecimal number(String text) {
    try {
      return new BigDecimal(text.strip());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static Integer compareDates(String requestValue, String policyValue) {
    Instant a = instant(requestValue);
    Instant b = instant(policyValue);
    return a == null || b == null ? null : Integer.signum(a.compareTo(b));
  }

  /** An ISO 8601 date or date-time (UTC unless an offset is given), or epoch seconds. */
  static Instant instant(String text) {
    String s = text.strip();
    if (!s.isEmpty() && s.chars().allMatch(Character::isDigit)) {
      try {
        return Instant.ofEpochSecond(Long.parseLong(s));
      } catch (NumberFormatException e) {
        return null;
      }
    }
    try {
      return OffsetDateTime.parse(s).toInstant();
    } catch (DateTimeParseException e) {
      // a date, or a date-time without an offset
    }
    try {
      return java.time.LocalDateTime.parse(s).toInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException e) {
      // a date alone
    }
    try {
      return LocalDate.parse(s).atStartOfDay(ZoneOffset.UTC).toInstant();
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  static boolean isBool(String text) {
    return text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false");
  }

  private static boolean sameBinary(String requestValue, String policyValue) {
    try {
      return java.util.Arrays.equals(
          Base64.getDecoder().decode(requestValue.strip()),
          Base64.getDecoder().decode(policyValue.strip()));
    } catch (IllegalArgumentException e) {
      return requestValue.equals(policyValue);
    }
  }

  private static boolean inRange(String requestValue, String policyValue) {
    IpRange address = IpRange.parse(requestValue.strip()).orElse(null);
    IpRange range = IpRange.parse(policyValue.strip()).orElse(null);
    return address != null && range != null && range.network().contains(address);
  }

  /** A condition value's text: strings, numbers and booleans (IAM reads them all as strings). */
  private static String text(JsonNode node) {
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

  static String quoted(List<String> values) {
    List<String> q = new ArrayList<>(values.size());
    for (String v : values) {
      q.add("\"" + v + "\"");
    }
    return values.size() == 1 ? q.get(0) : q.toString();
  }
}
