package dev.iampolicyls.checks;

import dev.iampolicyls.catalog.WildcardMatcher;
import dev.iampolicyls.policy.ActionName;
import dev.iampolicyls.policy.Statement;
import dev.iampolicyls.policy.StringElement;
import dev.iampolicyls.syntax.PropertyNode;
import java.util.List;
import java.util.Optional;

/**
 * A statement whose every request is also matched by another statement with the same effect: its
 * actions and resources are covered, its principal and any NotAction/NotResource are the same, and
 * the other statement has no condition or exactly the same one. Removing it changes nothing. Of two
 * identical statements, the later one is reported.
 *
 * <p>Coverage is decided soundly or not at all: a wildcard action is covered only by "*", by its
 * service's "service:*" or by the same text; resources compare case-sensitively, as ARNs do.
 */
final class RedundantStatementCheck extends PolicyCheck {
  RedundantStatementCheck() {
    super("REDUNDANT_STATEMENT", FindingType.SUGGESTION);
  }

  @Override
  public void run(CheckContext context) {
    String text = context.policy().document().text();
    List<Statement> statements = context.policy().statements();
    for (int i = 0; i < statements.size(); i++) {
      Statement a = statements.get(i);
      for (int j = 0; j < statements.size(); j++) {
        if (i == j) {
          continue;
        }
        Statement b = statements.get(j);
        // Of two statements covering each other, keep the first: report only the later one.
        if (covers(text, b, a) && !(j > i && covers(text, a, b))) {
          context.reportMissing(
              this,
              a.node(),
              "Everything "
                  + a.label()
                  + " matches is also matched by "
                  + b.label()
                  + ", with the same effect: remove "
                  + a.label());
          break;
        }
      }
    }
  }

  /** Whether every request {@code narrow} matches is also matched by {@code wide}. */
  static boolean covers(String text, Statement wide, Statement narrow) {
    String effect = narrow.effectValue().orElse(null);
    if (effect == null
        || !(effect.equals("Allow") || effect.equals("Deny"))
        || !effect.equals(wide.effectValue().orElse(null))) {
      return false;
    }
    return same(text, wide.principal(), narrow.principal())
        && same(text, wide.notPrincipal(), narrow.notPrincipal())
        && same(text, wide.notAction(), narrow.notAction())
        && same(text, wide.notResource(), narrow.notResource())
        && conditionCovers(text, wide, narrow)
        && listCovers(wide.action(), narrow.action(), wide, narrow, true)
        && listCovers(wide.resource(), narrow.resource(), wide, narrow, false);
  }

  private static boolean conditionCovers(String text, Statement wide, Statement narrow) {
    return wide.condition().isEmpty() || same(text, wide.condition(), narrow.condition());
  }

  /** Both absent, or both present with the same JSON (whitespace aside). */
  private static boolean same(String text, Optional<PropertyNode> a, Optional<PropertyNode> b) {
    if (a.isEmpty() || b.isEmpty()) {
      return a.isEmpty() && b.isEmpty();
    }
    if (a.get().value() == null || b.get().value() == null) {
      return false;
    }
    return PolicyText.compact(text, a.get().value())
        .equals(PolicyText.compact(text, b.get().value()));
  }

  private static boolean listCovers(
      Optional<PropertyNode> wideProperty,
      Optional<PropertyNode> narrowProperty,
      Statement wide,
      Statement narrow,
      boolean actions) {
    if (wideProperty.isEmpty() || narrowProperty.isEmpty()) {
      return wideProperty.isEmpty() && narrowProperty.isEmpty();
    }
    List<StringElement> wideItems = Statement.strings(wideProperty.get().value());
    List<StringElement> narrowItems = Statement.strings(narrowProperty.get().value());
    if (narrowItems.isEmpty() || wideItems.isEmpty()) {
      return false; // empty or malformed lists are other checks' business
    }
    for (StringElement n : narrowItems) {
      boolean covered = false;
      for (StringElement w : wideItems) {
        if (actions ? actionCovers(w.value(), n.value()) : resourceCovers(w.value(), n.value())) {
          covered = true;
          break;
        }
      }
      if (!covered) {
        return false;
      }
    }
    return true;
  }

  static boolean actionCovers(String wide, String narrow) {
    if (wide.equals("*") || wide.equalsIgnoreCase(narrow)) {
      return true;
    }
    if (!WildcardMatcher.hasWildcard(narrow)) {
      return WildcardMatcher.matches(wide, narrow);
    }
    ActionName w = ActionName.parse(wide).orElse(null);
    ActionName n = ActionName.parse(narrow).orElse(null);
    return w != null
        && n != null
        && w.action().equals("*")
        && !ActionName.containsWildcard(w.service())
        && w.service().equalsIgnoreCase(n.service());
  }

  static boolean resourceCovers(String wide, String narrow) {
    if (wide.equals("*") || wide.equals(narrow)) {
      return true;
    }
    // Policy variables and wildcards in the narrow ARN: too clever to compare, so not covered.
    if (WildcardMatcher.hasWildcard(narrow) || narrow.contains("${")) {
      return false;
    }
    return !wide.contains("${") && caseSensitiveMatch(wide, narrow);
  }

  /** '*' any run, '?' one character; everything else exactly, as resource ARNs compare. */
  static boolean caseSensitiveMatch(String pattern, String text) {
    int p = 0;
    int t = 0;
    int star = -1;
    int mark = 0;
    while (t < text.length()) {
      if (p < pattern.length()) {
        char c = pattern.charAt(p);
        if (c == '*') {
          star = p++;
          mark = t;
          continue;
        }
        if (c == '?' || c == text.charAt(t)) {
          p++;
          t++;
          continue;
        }
      }
      if (star < 0) {
        return false;
      }
      p = star + 1;
      t = ++mark;
    }
    while (p < pattern.length() && pattern.charAt(p) == '*') {
      p++;
    }
    return p == pattern.length();
  }
}
