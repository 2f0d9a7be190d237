package dev.iampolicyls.hover;

import dev.iampolicyls.catalog.Catalog;
import dev.iampolicyls.catalog.ConditionKey;
import dev.iampolicyls.syntax.StringNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Policy variables ({@code ${aws:username}}) inside strings: where they are, what they become. */
final class PolicyVariables {
  /**
   * One variable as written.
   *
   * @param name the key inside the braces, e.g. {@code aws:PrincipalTag/team}
   * @param defaultValue the fallback after {@code , '...'}, or null
   * @param start offset of the {@code $}
   * @param end offset just past the {@code }}
   */
  record Variable(String name, String defaultValue, int start, int end) {}

  private PolicyVariables() {}

  /** The variable under the cursor in a string token, read from the source text. */
  static Optional<Variable> at(String source, StringNode node, int offset) {
    for (Variable v : in(source, node)) {
      if (v.start() <= offset && offset < v.end()) {
        return Optional.of(v);
      }
    }
    return Optional.empty();
  }

  static List<Variable> in(String source, StringNode node) {
    List<Variable> out = new ArrayList<>();
    int end = Math.min(node.contentEnd(), source.length());
    int i = node.contentOffset();
    while (i < end) {
      int open = source.indexOf("${", i);
      if (open < 0 || open >= end) {
        break;
      }
      int close = source.indexOf('}', open + 2);
      if (close < 0 || close >= end) {
        break;
      }
      String body = source.substring(open + 2, close);
      String name = body;
      String fallback = null;
      int comma = body.indexOf(',');
      if (comma >= 0) {
        name = body.substring(0, comma).trim();
        fallback = body.substring(comma + 1).trim();
        if (fallback.length() >= 2 && fallback.startsWith("'") && fallback.endsWith("'")) {
          fallback = fallback.substring(1, fallback.length() - 1);
        }
      }
      out.add(new Variable(name, fallback, open, close + 1));
      i = close + 1;
    }
    return out;
  }

  /** Markdown: what the variable resolves to, its fallback, and a warning on old versions. */
  static String explain(Variable v, Catalog catalog, String policyVersion) {
    List<String> parts = new ArrayList<>();
    parts.add(Markdown.bold(Markdown.escape("${" + v.name() + "}")) + ": " + meaning(v, catalog));
    if (isSpecial(v.name())) {
      return Markdown.paragraphs(parts);
    }
    parts.add(
        v.defaultValue() != null
            ? "When the request has no value for it, "
                + Markdown.code(v.defaultValue())
                + " is used instead."
            : "When the request has no value for it, the element that uses it does not match.");
    if (!"2012-10-17".equals(policyVersion)) {
      parts.add(
          "**Warning:** variables work only with `\"Version\": \"2012-10-17\"`; this policy"
              + " has "
              + (policyVersion == null ? "no Version" : Markdown.code(policyVersion))
              + ", so IAM reads this as plain text.");
    }
    return Markdown.paragraphs(parts);
  }

  private static boolean isSpecial(String name) {
    return name.equals("*") || name.equals("?") || name.equals("$");
  }

  private static String meaning(Variable v, Catalog catalog) {
    String name = v.name();
    if (isSpecial(name)) {
      return "a literal " + Markdown.code(name) + " character (not a wildcard).";
    }
    String lower = name.toLowerCase(Locale.ROOT);
    String tag = tagAfter(name, lower, "aws:principaltag/");
    if (tag != null) {
      return "the value of the tag "
          + Markdown.code(tag)
          + " on the calling user or role (session tags included).";
    }
    tag = tagAfter(name, lower, "aws:resourcetag/");
    if (tag != null) {
      return "the value of the tag " + Markdown.code(tag) + " on the resource.";
    }
    tag = tagAfter(name, lower, "aws:requesttag/");
    if (tag != null) {
      return "the value of the tag " + Markdown.code(tag) + " sent in the request.";
    }
    switch (lower) {
      case "aws:username":
        return "the friendly name of the IAM user making the request. Role sessions have no"
            + " user name, so for them it has no value.";
      case "aws:userid":
        return "the unique ID of the caller: the user ID for an IAM user, `role-id:session-name`"
            + " for a role session.";
      case "aws:principaltype":
        return "the kind of caller: `User`, `AssumedRole`, `FederatedUser`, `Account` or"
            + " `Anonymous`.";
      case "aws:principalaccount":
        return "the ID of the caller's AWS account.";
      default:
        break;
    }
    Optional<ConditionKey> key = catalog.conditionKey(name);
    if (key.isPresent()) {
      String desc = key.get().description();
      return "the request's value of the condition key "
          + Markdown.code(key.get().name())
          + (desc == null || desc.isBlank() ? "." : ": " + Markdown.escape(desc));
    }
    return "not a condition key the catalog knows: check the spelling.";
  }

  private static String tagAfter(String name, String lower, String prefix) {
    return lower.startsWith(prefix) && name.length() > prefix.length()
        ? name.substring(prefix.length())
        : null;
  }
}
