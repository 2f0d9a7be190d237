package dev.iampolicyls.checks;

import dev.iampolicyls.catalog.WildcardMatcher;
import dev.iampolicyls.policy.ActionName;
import dev.iampolicyls.policy.Statement;
import dev.iampolicyls.policy.StringElement;
import dev.iampolicyls.syntax.PropertyNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

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
    super(CheckCode.REDUNDANT_STATEMENT);
  }

  /**
   * What coverage compares, computed once per statement of a group so comparing every pair stays
   * cheap: the compact JSON of the Condition, the Action and Resource strings, and the services the
   * actions name.
   */
  private static final class Shape {
    final Statement statement;
    final String text;
    final List<String> actions;
    final List<String> resources;
    final Set<String> actionServices;

    /** Per action: it holds a wildcard (only those can cover more than their equal). */
    final boolean[] actionWild;

    /** Per resource: a pattern without variables, the only kind that covers other ARNs. */
    final boolean[] resourcePattern;

    /** Per resource: neither wildcard nor variable, the only kind a pattern is compared with. */
    final boolean[] resourcePlain;

    /** {@link #actionServices} as bits over the group's services (see {@link #maskServices}). */
    long[] serviceMask;

    private String condition; // compact JSON, computed when a comparison first needs it

    Shape(String text, Statement s) {
      this.statement = s;
      this.text = text;
      // Absent lists are null; a present list without usable strings is malformed: an empty list.
      this.actions = strings(s.action());
      this.resources = strings(s.resource());
      this.actionServices = servicesOf(actions);
      int actionCount = actions == null ? 0 : actions.size();
      actionWild = new boolean[actionCount];
      for (int i = 0; i < actionCount; i++) {
        actionWild[i] = WildcardMatcher.hasWildcard(actions.get(i));
      }
      int resourceCount = resources == null ? 0 : resources.size();
      resourcePattern = new boolean[resourceCount];
      resourcePlain = new boolean[resourceCount];
      for (int i = 0; i < resourceCount; i++) {
        String r = resources.get(i);
        boolean wild = WildcardMatcher.hasWildcard(r);
        boolean variable = r.contains("${");
        resourcePattern[i] = wild && !variable;
        resourcePlain[i] = !wild && !variable;
      }
    }

    String condition() {
      if (condition == null) {
        condition = compact(text, statement.condition());
      }
      return condition;
    }

    /**
     * The lower-case services of the actions when every one is a plain {@code service:name} (or a
     * pattern with a plain service part), else null. An action can only be covered by a string of
     * its own service or one whose service part is not plain, so two statements with plain services
     * compare their sets before any pattern: most pairs differ there.
     */
    private static Set<String> servicesOf(List<String> actions) {
      if (actions == null) {
        return null;
      }
      Set<String> services = new HashSet<>();
      String previous = null; // lists run by service: most actions repeat the one before's part
      for (String a : actions) {
        if (previous != null
            && a.length() > previous.length()
            && a.charAt(previous.length()) == ':'
            && a.startsWith(previous)) {
          continue;
        }
        int colon = a.indexOf(':');
        if (colon <= 0) {
          return null;
        }
        if (!PatternCover.isPlain(a, 0, colon)) {
          return null;
        }
        previous = a.substring(0, colon);
        services.add(previous.toLowerCase(Locale.ROOT));
      }
      return services;
    }

    private static List<String> strings(Optional<PropertyNode> p) {
      if (p.isEmpty()) {
        return null;
      }
      List<StringElement> elements = Statement.strings(p.get().value());
      List<String> values = new ArrayList<>(elements.size());
      for (StringElement e : elements) {
        values.add(e.value());
      }
      return values;
    }
  }

  private static String compact(String text, Optional<PropertyNode> p) {
    if (p.isEmpty()) {
      return "-";
    }
    return p.get().value() == null
        ? "?" + p.get().offset()
        : PolicyText.compact(text, p.get().value());
  }

  @Override
  public void run(CheckContext context) {
    String text = context.policy().document().text();
    List<Statement> statements = context.policy().statements();
    // Only statements of the same effect, principal and Not-elements can cover each other: compare
    // within those groups. A document of thousands of statements (pasted, or fuzzed) so costs
    // the square of the largest group, not of the whole document.
    Map<String, List<Statement>> groups = new LinkedHashMap<>();
    for (Statement s : statements) {
      String effect =
          s.effectValue().filter(e -> e.equals("Allow") || e.equals("Deny")).orElse(null);
      if (effect != null) {
        String key =
            effect
                + '\u0000'
                + compact(text, s.principal())
                + '\u0000'
                + compact(text, s.notPrincipal())
                + '\u0000'
                + compact(text, s.notAction())
                + '\u0000'
                + compact(text, s.notResource());
        groups.computeIfAbsent(key, k -> new ArrayList<>()).add(s);
      }
    }
    for (List<Statement> group : groups.values()) {
      if (group.size() < 2) {
        continue; // most statements: nothing to compare with, no shape to build
      }
      List<Shape> shapes = new ArrayList<>(group.size());
      for (Statement s : group) {
        shapes.add(new Shape(text, s));
      }
      maskServices(shapes);
      for (int i = 0; i < shapes.size(); i++) {
        Shape a = shapes.get(i);
        for (int j = 0; j < shapes.size(); j++) {
          if (i == j) {
            continue;
          }
          Shape b = shapes.get(j);
          // Of two statements covering each other, keep the first: report only the later one.
          if (covers(b, a) && !(j > i && covers(a, b))) {
            String narrow = a.statement.label();
            String wide = b.statement.label();
            context.reportMissing(
                this,
                a.statement.node(),
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

  /**
   * Numbers the services of a group and gives each shape its set as a bit mask: a group of hundreds
   * of statements compares every pair, and a subset test of masks is a few word operations where
   * {@code containsAll} walked a hash set.
   */
  private static void maskServices(List<Shape> shapes) {
    Map<String, Integer> ids = new HashMap<>();
    for (Shape shape : shapes) {
      if (shape.actionServices != null) {
        for (String service : shape.actionServices) {
          ids.putIfAbsent(service, ids.size());
        }
      }
    }
    int words = (ids.size() + 63) / 64;
    for (Shape shape : shapes) {
      if (shape.actionServices != null) {
        long[] mask = new long[words];
        for (String service : shape.actionServices) {
          int id = ids.get(service);
          mask[id >>> 6] |= 1L << id;
        }
        shape.serviceMask = mask;
      }
    }
  }

  private static boolean subset(long[] narrow, long[] wide) {
    for (int i = 0; i < narrow.length; i++) {
      if ((narrow[i] & ~wide[i]) != 0) {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether every request {@code narrow} matches is also matched by {@code wide}, two statements of
   * one group (same effect, principal and Not-elements).
   */
  private static boolean covers(Shape wide, Shape narrow) {
    return (wide.serviceMask == null
            || narrow.serviceMask == null
            || subset(narrow.serviceMask, wide.serviceMask))
        && (wide.condition().equals("-") || wide.condition().equals(narrow.condition()))
        && resourcesCovered(wide, narrow)
        && actionsCovered(wide, narrow);
  }

  /** Null (absent) lists cover only each other; empty or malformed ones are other checks'. */
  private static boolean comparable(List<String> wide, List<String> narrow) {
    return wide != null && narrow != null && !wide.isEmpty() && !narrow.isEmpty();
  }

  /**
   * Every narrow action is covered by a wide one ({@link #actionCovers}), asking the full rule only
   * of wide wildcards: a plain wide action covers exactly its equal (ignoring case).
   */
  private static boolean actionsCovered(Shape wide, Shape narrow) {
    if (!comparable(wide.actions, narrow.actions)) {
      return wide.actions == null && narrow.actions == null;
    }
    for (String n : narrow.actions) {
      boolean covered = false;
      for (int j = 0; j < wide.actions.size() && !covered; j++) {
        String w = wide.actions.get(j);
        covered =
            w.equals("*") || w.equalsIgnoreCase(n) || (wide.actionWild[j] && actionCovers(w, n));
      }
      if (!covered) {
        return false;
      }
    }
    return true;
  }

  /**
   * Every narrow resource is covered by a wide one ({@link #resourceCovers}), matching patterns
   * only where the rule can: a wide pattern without variables against a plain narrow ARN.
   */
  private static boolean resourcesCovered(Shape wide, Shape narrow) {
    if (!comparable(wide.resources, narrow.resources)) {
      return wide.resources == null && narrow.resources == null;
    }
    for (int i = 0; i < narrow.resources.size(); i++) {
      String n = narrow.resources.get(i);
      boolean covered = false;
      for (int j = 0; j < wide.resources.size() && !covered; j++) {
        String w = wide.resources.get(j);
        covered =
            w.equals("*")
                || w.equals(n)
                || (narrow.resourcePlain[i]
                    && wide.resourcePattern[j]
                    && WildcardMatcher.matchesExactCase(w, n));
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
