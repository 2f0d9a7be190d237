package dev.iampolicyls.hover;

import dev.iampolicyls.policy.ConditionEntry;
import dev.iampolicyls.policy.ConditionOperator;
import dev.iampolicyls.policy.ConditionOperator.Base;
import dev.iampolicyls.syntax.JsonNode;
import dev.iampolicyls.syntax.StringNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Condition tests said in a phrase: the common keys in words ("over TLS only", "with MFA"), any
 * other as "when key Operator values". Tests on the request itself share one "for requests".
 */
final class ConditionPhrases {
  /** More other tests than this are counted, not spelled out: the sentence must stay short. */
  private static final int MAX_SPELLED = 3;

  private ConditionPhrases() {}

  /** The phrase for all of a statement's tests, or "" when it has none. */
  static String phrase(List<ConditionEntry> entries, String source) {
    List<String> request = new ArrayList<>();
    List<String> principals = new ArrayList<>();
    List<String> tests = new ArrayList<>();
    for (ConditionEntry e : entries) {
      String common = commonPhrase(e, source);
      if (common == null) {
        tests.add(generic(e, source));
      } else if (e.key().equalsIgnoreCase("aws:PrincipalOrgID")) {
        // About who calls, not about the request: it does not read after "for requests".
        principals.add(common);
      } else {
        request.add(common);
      }
    }
    List<String> parts = new ArrayList<>();
    if (!request.isEmpty()) {
      parts.add("for requests " + Phrases.and(request, request.size()));
    }
    parts.addAll(principals);
    if (!tests.isEmpty()) {
      parts.add("when " + Phrases.and(tests, MAX_SPELLED));
    }
    return String.join(", ", parts);
  }

  /** A phrase for a well-known key and operator, or null. */
  private static String commonPhrase(ConditionEntry e, String source) {
    ConditionOperator op = e.operator().orElse(null);
    List<String> values = values(e, source);
    if (op == null || values.isEmpty()) {
      return null;
    }
    Base base = op.base();
    String key = e.key().toLowerCase(Locale.ROOT);
    boolean single = values.size() == 1;
    String value = values.get(0).toLowerCase(Locale.ROOT);
    switch (key) {
      case "aws:securetransport":
        if (base == Base.Bool && single && (value.equals("true") || value.equals("false"))) {
          return value.equals("true") ? "over TLS only" : "not over TLS";
        }
        return null;
      case "aws:multifactorauthpresent":
        if (base == Base.Bool && single && (value.equals("true") || value.equals("false"))) {
          return value.equals("true") ? "with MFA" : "without MFA";
        }
        return null;
      case "aws:sourceip":
        if (base == Base.IpAddress) {
          return "from " + plural("IP range", values) + " " + Phrases.or(values, 3);
        }
        if (base == Base.NotIpAddress) {
          return "from outside " + plural("IP range", values) + " " + Phrases.or(values, 3);
        }
        return null;
      case "aws:requestedregion":
        if (base == Base.StringEquals || base == Base.StringLike) {
          return "in " + plural("region", values) + " " + Phrases.or(values, 3);
        }
        if (base == Base.StringNotEquals || base == Base.StringNotLike) {
          return "outside " + plural("region", values) + " " + Phrases.or(values, 3);
        }
        return null;
      case "aws:principalorgid":
        if (base == Base.StringEquals || base == Base.StringEqualsIgnoreCase) {
          return "only for principals in " + organizations(values);
        }
        if (base == Base.StringNotEquals || base == Base.StringNotEqualsIgnoreCase) {
          return "only for principals outside " + organizations(values);
        }
        return null;
      default:
        return null;
    }
  }

  private static String organizations(List<String> values) {
    return plural("organization", values) + " " + Phrases.or(values, 3);
  }

  private static String plural(String noun, List<String> values) {
    return values.size() == 1 ? noun : noun + "s";
  }

  private static String generic(ConditionEntry e, String source) {
    List<String> values = values(e, source);
    String tail = values.isEmpty() ? "" : " " + Phrases.or(values, 3);
    return e.key() + " " + e.operatorText() + tail;
  }

  /** The values as written: strings decoded, numbers and literals as in the source. */
  static List<String> values(ConditionEntry e, String source) {
    List<String> out = new ArrayList<>();
    for (JsonNode v : e.values()) {
      String text =
          v instanceof StringNode s
              ? s.value()
              : source.substring(v.offset(), Math.min(v.end(), source.length()));
      out.add(text.isEmpty() ? "\"\"" : text); // an empty value must still be seen
    }
    return out;
  }
}
