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

  /**
   * What coverage compares, computed once per statement so comparing every pair stays cheap: the
   * compact JSON of the elements that must be equal, and the Action and Resource strings.
   */
  private record Shape(
      Statement statement,
      String effect,
      String mustMatch,
      String condition,
      List<String> actions,
      List<String> resources,
      java.util.Set<String> actionServices) {

    static Shape of(String text, Statement s) {
      String effect =
          s.effectValue().filter(e -> e.equals("Allow") || e.equals("Deny")).orElse(null);
      StringBuilder key = new StringBuilder();
      for (Optional<PropertyNode> p :
          List.of(s.principal(), s.notPrincipal(), s.notAction(), s.notResource())) {
        key.append(compact(text, p)).append('\u0000');
      }
      // Absent lists are null; a present list without usable strings is malformed: an empty list.
      List<String> actions = strings(s.action());
      return new Shape(
          s,
          effect,
          key.toString(),
          compact(text, s.condition()),
          actions,
          strings(s.resource()),
          servicesOf(actions));
    }

    /**
     * The lower-case services of the actions when every one is a plain {@code service:name} (or a
     * pattern with a plain service part), else null. An action can only be covered by a string of
     * its own service or one whose service part is not plain, so two statements with plain services
     * compare their sets before any pattern: most pairs differ there.
     */
    private static java.util.Set<String> servicesOf(List<String> actions) {
      if (actions == null) {
        return null;
      }
      java.util.Set<String> services = new java.util.HashSet<>();
      for (String a : actions) {
        int colon = a.indexOf(':');
        if (colon <= 0) {
          return null;
        }
        if (!PatternCover.isPlain(a, 0, colon)) {
          return null;
        }
        services.add(a.substring(0, colon).toLowerCase(java.util.Locale.ROOT));
      }
      return services;
    }

    private static String compact(String text, Optional<PropertyNode> p) {
      if (p.isEmpty()) {
        return "-";
      }
      return p.get().value() == null
          ? "?" + p.get().offset()
          : PolicyText.compact(text, p.get().value());
    }

    private static List<String> strings(Optional<PropertyNode> p) {
      return p.map(x -> Statement.strings(x.value()).stream().map(StringElement::value).toList())
          .orElse(null);
    }
  }

  @Override
  public void run(CheckContext context) {
    String text = context.policy().document().text();
    List<Shape> shapes =
        context.policy().statements().stream().map(s -> Shape.of(text, s)).toList();
    // Only statements of the same effect, principal and Not-elements can cover each other: compare
    // within those groups. A document of thousands of statements (pasted, or fuzzed) so costs
    // the square of the largest group, not of the whole document.
    java.util.Map<String, List<Integer>> groups = new java.util.LinkedHashMap<>();
    for (int i = 0; i < shapes.size(); i++) {
      Shape shape = shapes.get(i);
      if (shape.effect() != null) {
        groups
            .computeIfAbsent(
                shape.effect() + '\u0000' + shape.mustMatch(), k -> new java.util.ArrayList<>())
            .add(i);
      }
    }
    for (List<Integer> group : groups.values()) {
      for (int i : group) {
        Shape a = shapes.get(i);
        for (int j : group) {
          if (i == j) {
            continue;
          }
          Shape b = shapes.get(j);
          // Of two statements covering each other, keep the first: report only the later one.
          if (covers(b, a) && !(j > i && covers(a, b))) {
            String narrow = a.statement().label();
            String wide = b.statement().label();
            context.reportMissing(
                this,
                a.statement().node(),
                "Everything "
                    + narrow
                    + " matches is also matched by "
                    + wide
                    + ", with the same effect: remove "
                    + narrow);
            break;
          }
        }
      }
    }
  }

  /** Whether every request {@code narrow} matches is also matched by {@code wide}. */
  private static boolean covers(Shape wide, Shape narrow) {
    return narrow.effect() != null
        && narrow.effect().equals(wide.effect())
        && wide.mustMatch().equals(narrow.mustMatch())
        && (wide.condition().equals("-") || wide.condition().equals(narrow.condition()))
        && (wide.actionServices() == null
            || narrow.actionServices() == null
            || wide.actionServices().containsAll(narrow.actionServices()))
        && listCovers(wide.resources(), narrow.resources(), false)
        && listCovers(wide.actions(), narrow.actions(), true);
  }

  private static boolean listCovers(List<String> wide, List<String> narrow, boolean actions) {
    if (wide == null || narrow == null) {
      return wide == null && narrow == null;
    }
    if (narrow.isEmpty() || wide.isEmpty()) {
      return false; // empty or malformed lists are other checks' business
    }
    for (String n : narrow) {
      boolean covered = false;
      for (String w : wide) {
        if (actions ? actionCovers(w, n) : resourceCovers(w, n)) {
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
    return !wide.contains("${") && WildcardMatcher.matchesExactCase(wide, narrow);
  }
}
