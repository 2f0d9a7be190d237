package dev.iampolicyls.hover;

import dev.iampolicyls.catalog.AccessLevel;
import dev.iampolicyls.catalog.Action;
import dev.iampolicyls.catalog.Catalog;
import dev.iampolicyls.catalog.Service;
import dev.iampolicyls.catalog.WildcardMatcher;
import dev.iampolicyls.policy.ActionName;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One Action or NotAction string resolved against the catalog: the actions it names, and how to say
 * that in a few words.
 *
 * @param text the string as written
 * @param name its service and action parts, empty when it has no single colon (or is {@code *})
 * @param everything whether it matches every action ({@code *}, {@code *:*})
 * @param wildcard whether it holds {@code *} or {@code ?}
 * @param matches the catalog actions it names, in catalog order
 */
record ActionPattern(
    String text,
    Optional<ActionName> name,
    boolean everything,
    boolean wildcard,
    List<Action> matches) {

  static ActionPattern resolve(Catalog catalog, String text) {
    Optional<ActionName> name = ActionName.parse(text);
    boolean everything = !text.isEmpty() && text.chars().allMatch(c -> c == '*' || c == ':');
    boolean wildcard = WildcardMatcher.hasWildcard(text);
    List<Action> matches;
    if (everything) {
      matches = catalog.matchActions("*");
    } else if (name.isPresent()) {
      matches = catalog.matchActions(text);
    } else {
      matches = List.of();
    }
    return new ActionPattern(text, name, everything, wildcard, matches);
  }

  /** The service named by a concrete prefix, when the catalog knows it. */
  Optional<Service> service(Catalog catalog) {
    return name.filter(n -> !WildcardMatcher.hasWildcard(n.service()))
        .flatMap(n -> catalog.service(n.service()));
  }

  /** Whether the action part alone is {@code *} under a concrete service ({@code s3:*}). */
  boolean wholeService() {
    return name.map(n -> n.action().equals("*") && !WildcardMatcher.hasWildcard(n.service()))
        .orElse(false);
  }

  /** How many matched actions have each access level, in the catalog's level order. */
  Map<AccessLevel, Integer> levelCounts() {
    Map<AccessLevel, Integer> counts = new EnumMap<>(AccessLevel.class);
    for (Action a : matches) {
      counts.merge(a.accessLevel(), 1, Integer::sum);
    }
    return counts;
  }

  /** The text with a known action in its documented case, anything else as written. */
  String canonicalText() {
    return !wildcard && matches.size() == 1 ? matches.get(0).qualifiedName() : text;
  }

  /**
   * As {@link #phrase()} when only {@code fitting} of the matched actions count (those acting on
   * the statement's resources): "12 of the 45 s3 Get* actions".
   */
  String phrase(int fitting) {
    // "every s3 action" on a bucket already says which: counting would only add noise.
    if (fitting >= matches.size() || everything || !wildcard || wholeService()) {
      return phrase();
    }
    ActionName n = name.orElseThrow();
    String of = fitting + " of the " + matches.size();
    if (WildcardMatcher.hasWildcard(n.service())) {
      return of + " actions matching " + text;
    }
    String prefix = matches.get(0).service().prefix();
    return of + " " + prefix + " " + n.action() + " actions";
  }

  /**
   * A few words for a sentence: "s3:GetObject", "every action", "every s3 action", "all 63 s3 Get*
   * actions"; unknown names are given as written.
   */
  String phrase() {
    if (everything) {
      return "every action";
    }
    if (!wildcard) {
      return matches.size() == 1 ? matches.get(0).qualifiedName() : text;
    }
    if (matches.isEmpty()) {
      return text + " (no known action)";
    }
    ActionName n = name.orElseThrow();
    boolean concreteService = !WildcardMatcher.hasWildcard(n.service());
    String prefix = concreteService ? matches.get(0).service().prefix() : n.service();
    if (wholeService()) {
      return "every " + prefix + " action";
    }
    if (matches.size() == 1) {
      String only = matches.get(0).qualifiedName();
      return concreteService
          ? "the only " + prefix + " " + n.action() + " action, " + only
          : "the only action matching " + text + ", " + only;
    }
    if (concreteService) {
      return "all " + matches.size() + " " + prefix + " " + n.action() + " actions";
    }
    return "all " + matches.size() + " actions matching " + text;
  }
}
