package dev.iampolicyls.hover;

import dev.iampolicyls.policy.ConditionOperator;
import dev.iampolicyls.policy.ConditionOperator.Base;
import dev.iampolicyls.policy.ConditionOperator.Qualifier;
import java.util.ArrayList;
import java.util.List;

/** What each condition operator compares, and what its prefix and IfExists suffix change. */
final class OperatorDocs {
  private OperatorDocs() {}

  /** Markdown for an operator IAM knows. */
  static String explain(ConditionOperator op) {
    List<String> parts = new ArrayList<>();
    parts.add(Markdown.bold(Markdown.escape(op.text())) + ": " + base(op.base()));
    if (op.base().negated()) {
      parts.add("With several values it matches when the request's value equals none of them.");
    }
    if (op.ifExists()) {
      parts.add(
          "**IfExists**: when the request has no value for the key, this test counts as a"
              + " match; when it has one, the comparison is made as usual.");
    }
    if (op.qualifier() == Qualifier.FOR_ALL_VALUES) {
      parts.add(
          "**ForAllValues**: for keys with several values in the request (such as"
              + " `aws:TagKeys`): matches when every request value matches one of the policy's"
              + " values. It also matches when the request has no value at all, so pair it with"
              + " a `Null` test when that matters.");
    } else if (op.qualifier() == Qualifier.FOR_ANY_VALUE) {
      parts.add(
          "**ForAnyValue**: for keys with several values in the request (such as"
              + " `aws:TagKeys`): matches when at least one request value matches one of the"
              + " policy's values; never matches when the request has none.");
    }
    return Markdown.paragraphs(parts);
  }

  private static String base(Base b) {
    return switch (b) {
      case StringEquals -> "the key's value equals one of the strings, case-sensitively.";
      case StringNotEquals -> "the key's value differs from every string, case-sensitively.";
      case StringEqualsIgnoreCase -> "the key's value equals one of the strings, ignoring case.";
      case StringNotEqualsIgnoreCase -> "the key's value differs from every string, ignoring case.";
      case StringLike ->
          "the key's value matches one of the patterns, case-sensitively; `*` matches any run"
              + " of characters, `?` one character.";
      case StringNotLike ->
          "the key's value matches none of the patterns (`*` any run of characters, `?` one"
              + " character).";
      case NumericEquals -> "the key's number equals the value.";
      case NumericNotEquals -> "the key's number differs from the value.";
      case NumericLessThan -> "the key's number is less than the value.";
      case NumericLessThanEquals -> "the key's number is less than or equal to the value.";
      case NumericGreaterThan -> "the key's number is greater than the value.";
      case NumericGreaterThanEquals -> "the key's number is greater than or equal to the value.";
      case DateEquals ->
          "the key's date equals the value (ISO 8601 such as `2026-01-31T00:00:00Z`, or"
              + " seconds since 1970).";
      case DateNotEquals -> "the key's date differs from the value.";
      case DateLessThan -> "the key's date is before the value.";
      case DateLessThanEquals -> "the key's date is before or at the value.";
      case DateGreaterThan -> "the key's date is after the value.";
      case DateGreaterThanEquals -> "the key's date is at or after the value.";
      case Bool -> "the key's boolean equals `true` or `false`.";
      case BinaryEquals -> "the key's bytes equal the value, written in base64.";
      case IpAddress -> "the key's IP address is in one of the ranges (an address or CIDR block).";
      case NotIpAddress -> "the key's IP address is in none of the ranges.";
      case ArnEquals, ArnLike ->
          "the key's ARN matches one of the patterns, each of the six colon-separated parts"
              + " on its own; `*` and `?` are wildcards within a part.";
      case ArnNotEquals, ArnNotLike ->
          "the key's ARN matches none of the patterns, part by part (`*` and `?` are"
              + " wildcards within a part).";
      case Null ->
          "tests whether the key is absent: `true` matches when the request has no value for"
              + " it, `false` when it has one.";
    };
  }

  /** The operators that fit a key of this catalog type, for "use with". */
  static String operatorsFor(String keyType) {
    String t = keyType.startsWith("ArrayOf") ? keyType.substring("ArrayOf".length()) : keyType;
    return switch (t) {
      case "String" -> "`StringEquals`, `StringLike` and the other String operators";
      case "ARN" -> "`ArnEquals`, `ArnLike` and the other ARN operators (String ones work too)";
      case "Bool" -> "`Bool`";
      case "Date" -> "`DateLessThan`, `DateGreaterThan` and the other Date operators";
      case "Numeric" -> "`NumericLessThan`, `NumericEquals` and the other Numeric operators";
      case "IPAddress" -> "`IpAddress` and `NotIpAddress`";
      case "Binary" -> "`BinaryEquals`";
      default -> null;
    };
  }
}
