package dev.iampolicyls.checks.conditions;

import dev.iampolicyls.checks.CheckCode;
import dev.iampolicyls.checks.CheckContext;
import dev.iampolicyls.checks.PolicyCheck;
import dev.iampolicyls.policy.ConditionOperator;
import dev.iampolicyls.policy.ConditionOperator.Category;
import dev.iampolicyls.syntax.JsonNode;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Predicate;

/**
 * A check of the values of operators of some categories, one finding per bad value. Values with
 * policy variables are left to the variable checks, values of the wrong JSON kind to
 * DATA_TYPE_MISMATCH, and tests whose operator does not suit the key to TYPE_MISMATCH, so one
 * problem gives one finding.
 *
 * <p>The checks differ only in the operator categories, what makes a value wrong and the message,
 * so each is a factory here.
 */
final class ValueFormatCheck extends PolicyCheck {
  private final Set<Category> categories;
  private final Predicate<String> isWrong;
  private final BiFunction<ConditionOperator, String, String> message;

  private ValueFormatCheck(
      CheckCode code,
      Set<Category> categories,
      Predicate<String> isWrong,
      BiFunction<ConditionOperator, String, String> message) {
    super(code);
    this.categories = categories;
    this.isWrong = isWrong;
    this.message = message;
  }

  /** A Numeric operator with a value that is not a number. */
  static ValueFormatCheck number() {
    return new ValueFormatCheck(
        CheckCode.TYPE_MISMATCH_NUMBER,
        Set.of(Category.NUMERIC),
        text -> !ConditionValues.isNumber(text),
        (op, text) ->
            op.text() + " compares numbers, and \"" + text + "\" is not one: write e.g. \"3600\"");
  }

  /** A BinaryEquals value that is not base64. */
  static ValueFormatCheck binary() {
    return new ValueFormatCheck(
        CheckCode.TYPE_MISMATCH_STRING,
        Set.of(Category.BINARY),
        text -> !ConditionValues.isBase64(text),
        (op, text) ->
            op.text() + " compares base64-encoded bytes, and \"" + text + "\" is not base64");
  }

  /** A Bool or Null operator with a value other than true or false. */
  static ValueFormatCheck bool() {
    return new ValueFormatCheck(
        CheckCode.TYPE_MISMATCH_BOOLEAN,
        Set.of(Category.BOOL, Category.NULL),
        text -> !ConditionValues.isBoolean(text),
        (op, text) -> op.text() + " takes true or false, not \"" + text + "\"");
  }

  /** A Date operator with a value that is neither an ISO 8601 date nor epoch seconds. */
  static ValueFormatCheck date() {
    return new ValueFormatCheck(
        CheckCode.TYPE_MISMATCH_DATE,
        Set.of(Category.DATE),
        text -> ConditionValues.date(text) == ConditionValues.DateShape.NOT_A_DATE,
        (op, text) ->
            "\""
                + text
                + "\" is not a date: write an ISO 8601 date such as 2025-01-31 or"
                + " 2025-01-31T12:00:00Z");
  }

  /**
   * A date value shaped like a date that names no real time: month 13, 30 February, hour 25, or
   * epoch seconds past year 9999 (most likely milliseconds).
   */
  static ValueFormatCheck impossibleDate() {
    return new ValueFormatCheck(
        CheckCode.INVALID_DATE_VALUE,
        Set.of(Category.DATE),
        text -> ConditionValues.date(text) == ConditionValues.DateShape.IMPOSSIBLE,
        (op, text) ->
            "\""
                + text
                + "\" names no real date and may not resolve as expected: write it as YYYY-MM-DD"
                + " (optionally with a time, e.g. 2025-01-31T12:00:00Z), or as epoch seconds");
  }

  /** An IpAddress or NotIpAddress value that is not an IPv4 or IPv6 address or CIDR range. */
  static ValueFormatCheck ipRange() {
    return new ValueFormatCheck(
        CheckCode.TYPE_MISMATCH_IP_RANGE,
        Set.of(Category.IP_ADDRESS),
        text -> !ConditionValues.isIpRange(text),
        (op, text) ->
            "\""
                + text
                + "\" is not an IP address or range: write CIDR notation such as 203.0.113.0/24 or"
                + " 2001:db8::/32");
  }

  @Override
  public void run(CheckContext context) {
    for (KeyTest t : KeyTest.all(context)) {
      Optional<ConditionOperator> op = t.operator();
      if (op.isEmpty()
          || !categories.contains(op.get().category())
          || ConditionTypes.mismatched(context.catalog(), t)) {
        continue;
      }
      for (JsonNode v : t.values()) {
        String text = ConditionValues.text(v);
        if (text == null
            || ConditionValues.hasVariable(text)
            || DataTypeMismatchCheck.wrongKind(op.get().category(), ConditionValues.kind(v))) {
          continue;
        }
        if (isWrong.test(text)) {
          context.report(this, v, message.apply(op.get(), text));
        }
      }
    }
  }
}
