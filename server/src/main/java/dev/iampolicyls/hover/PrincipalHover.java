package dev.iampolicyls.hover;

import dev.iampolicyls.catalog.Catalog;
import dev.iampolicyls.policy.Statement;
import java.util.ArrayList;
import java.util.List;

/** Hover text for one principal value. */
final class PrincipalHover {
  private PrincipalHover() {}

  /**
   * @param kind AWS, Service, Federated or CanonicalUser; null for a bare {@code "Principal": "*"}
   */
  static String explain(
      Catalog catalog, Statement statement, String kind, String value, boolean not) {
    List<String> parts = new ArrayList<>();
    if (not) {
      parts.add("Under **NotPrincipal**: the statement is about everyone EXCEPT this principal.");
    }
    String who =
        kind == null ? Principals.describe("AWS", value) : Principals.describe(kind, value);
    parts.add(Markdown.bold(Markdown.escape(upperFirst(who))));
    parts.add(meaning(catalog, statement, kind, value, not));
    return Markdown.paragraphs(parts);
  }

  private static String meaning(
      Catalog catalog, Statement statement, String kind, String value, boolean not) {
    if (value.equals("*")) {
      if (not || !statement.isAllow()) {
        return "Every caller, signed in or not, from any account.";
      }
      return "**Warning:** with Allow this is public: anyone, signed in or not, from any account"
          + (statement.condition().isPresent()
              ? ", narrowed only by this statement's Condition."
              : ". Narrow it with a Condition such as `aws:PrincipalOrgID` or"
                  + " `aws:SourceAccount`, or name the accounts.");
    }
    if (kind == null || kind.equals("AWS")) {
      String who = Principals.describe("AWS", value);
      if (who.startsWith("the account ")) {
        return "Any user or role of that account whose own IAM policies allow it: the account"
            + " decides who inside it.";
      }
      if (who.startsWith("the role ")) {
        return "Sessions of this IAM role (whoever assumed it).";
      }
      return null;
    }
    if (kind.equals("Service")) {
      int dot = value.indexOf('.');
      String prefix = dot > 0 ? value.substring(0, dot) : value;
      return catalog
          .service(prefix)
          .map(s -> "The AWS service " + Markdown.escape(s.name()) + " acting for you.")
          .orElse("An AWS service acting for you.");
    }
    return null;
  }

  private static String upperFirst(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
