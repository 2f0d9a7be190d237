package dev.iampolicyls.hover;

import dev.iampolicyls.catalog.AccessLevel;
import dev.iampolicyls.catalog.Action;
import dev.iampolicyls.catalog.ActionResource;
import dev.iampolicyls.catalog.Catalog;
import dev.iampolicyls.catalog.OperationActions;
import dev.iampolicyls.catalog.RetiredPrefixes;
import dev.iampolicyls.catalog.Service;
import dev.iampolicyls.catalog.Suggestions;
import dev.iampolicyls.policy.ActionName;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Hover text for one Action or NotAction string. */
final class ActionHover {
  /** Wildcards list this many of the names they match. */
  static final int LISTED = 8;

  /** Condition keys shown for one action before "and N more". */
  private static final int KEYS_SHOWN = 8;

  private ActionHover() {}

  static String explain(StatementFacts facts, ActionPattern pattern) {
    if (pattern.wildcard()) {
      return wildcard(facts, pattern);
    }
    if (pattern.matches().size() == 1) {
      return known(facts, pattern.matches().get(0));
    }
    return unknown(facts.catalog(), pattern);
  }

  private static String known(StatementFacts facts, Action a) {
    List<String> parts = new ArrayList<>();
    if (facts.notAction()) {
      parts.add("Under **NotAction**: the statement covers every action EXCEPT this one.");
    }
    parts.add(
        Markdown.bold(Markdown.code(a.qualifiedName()))
            + " · "
            + a.accessLevel().label()
            + " · "
            + Markdown.escape(a.service().name()));
    if (a.description() != null && !a.description().isBlank()) {
      parts.add(Markdown.escape(a.description()));
    }
    parts.add(details(a));
    parts.add("[AWS reference](" + a.documentationUrl() + ")");
    return Markdown.paragraphs(parts);
  }

  /** Resource types (required ones marked), condition keys and dependent actions. */
  private static String details(Action a) {
    List<String> lines = new ArrayList<>();
    Set<String> deps = new LinkedHashSet<>(a.dependentActions());
    if (a.resourceTypes().isEmpty()) {
      lines.add("**Resources:** only `*` (it cannot be limited to particular resources)");
    } else {
      List<String> types = new ArrayList<>();
      for (ActionResource r : a.resourceTypes()) {
        types.add(Markdown.code(r.name()) + (r.required() ? " (required)" : ""));
        deps.addAll(r.dependentActions());
      }
      lines.add("**Resource types:** " + String.join(", ", types));
    }
    if (!deps.isEmpty()) {
      lines.add("**Also needs:** " + String.join(", ", Markdown.codes(List.copyOf(deps))));
    }
    if (!a.conditionKeys().isEmpty()) {
      lines.add(
          "**Condition keys:** " + Phrases.and(Markdown.codes(a.conditionKeys()), KEYS_SHOWN));
    }
    // Two trailing spaces: a Markdown line break, so each fact stays on its own line.
    return String.join("  \n", lines);
  }

  private static String unknown(Catalog catalog, ActionPattern pattern) {
    String written = Markdown.code(pattern.text());
    ActionName name = pattern.name().orElse(null);
    if (name == null) {
      return written
          + " is not an action: write `service:ActionName`, such as `s3:GetObject`, or `*`.";
    }
    Service service = catalog.service(name.service()).orElse(null);
    if (service == null) {
      Optional<RetiredPrefixes.Retired> retired = RetiredPrefixes.of(name.service());
      if (retired.isPresent()) {
        return written
            + ": unknown service prefix "
            + Markdown.code(name.service())
            + "; "
            + Markdown.escape(retired.get().why())
            + ".";
      }
      List<String> close = Suggestions.closestServices(catalog, name.service(), 1);
      return written
          + ": unknown service prefix "
          + Markdown.code(name.service())
          + "."
          + (close.isEmpty() ? "" : " Did you mean " + Markdown.code(close.get(0)) + "?");
    }
    Optional<String> authorizing = OperationActions.authorizing(pattern.text());
    if (authorizing.isPresent()) {
      // The API operation's name: the action spelled alike is another operation.
      return written
          + ": "
          + Markdown.escape(service.name())
          + " has no action "
          + Markdown.code(name.action())
          + "; the API operation "
          + Markdown.escape(name.action())
          + " is authorized by "
          + Markdown.code(authorizing.get())
          + ".";
    }
    List<String> close = Suggestions.closestActions(service, name.action(), 1);
    return written
        + ": "
        + Markdown.escape(service.name())
        + " has no action "
        + Markdown.code(name.action())
        + "."
        + (close.isEmpty()
            ? ""
            : " Did you mean " + Markdown.code(service.prefix() + ":" + close.get(0)) + "?");
  }

  private static String wildcard(StatementFacts facts, ActionPattern pattern) {
    List<Action> matches = pattern.matches();
    String written = Markdown.bold(Markdown.code(pattern.text()));
    if (matches.isEmpty()) {
      return written + " matches no action the catalog knows.";
    }
    List<String> parts = new ArrayList<>();
    if (facts.notAction()) {
      parts.add(
          "Under **NotAction**: the statement covers every action EXCEPT these "
              + Phrases.count(matches.size(), "action")
              + ".");
    }
    parts.add(
        written
            + " matches "
            + Markdown.bold(Phrases.count(matches.size(), "action"))
            + scope(pattern, matches)
            + ": "
            + levelCounts(pattern.levelCounts())
            + ".");
    List<String> names = new ArrayList<>();
    for (int i = 0; i < Math.min(LISTED, matches.size()); i++) {
      names.add(Markdown.code(matches.get(i).qualifiedName()));
    }
    String listed = String.join(", ", names);
    if (matches.size() > LISTED) {
      listed += " and " + (matches.size() - LISTED) + " more";
    }
    parts.add(listed);
    parts.add(warning(facts, pattern));
    return Markdown.paragraphs(parts);
  }

  /** " in Amazon S3", " across 12 services". */
  private static String scope(ActionPattern pattern, List<Action> matches) {
    Set<Service> services = matches.stream().map(Action::service).collect(Collectors.toSet());
    if (services.size() == 1) {
      return " in " + Markdown.escape(services.iterator().next().name());
    }
    return " across " + services.size() + " services";
  }

  /** "55 Read, 6 List" in the catalog's level order. */
  static String levelCounts(Map<AccessLevel, Integer> counts) {
    List<String> parts = new ArrayList<>();
    counts.forEach((level, n) -> parts.add(n + " " + level.label()));
    return String.join(", ", parts);
  }

  /** A warning when an Allow hands out Write or Permissions management actions by wildcard. */
  private static String warning(StatementFacts facts, ActionPattern pattern) {
    if (!facts.statement().isAllow() || facts.notAction()) {
      return null;
    }
    Map<AccessLevel, Integer> counts = pattern.levelCounts();
    List<String> risky = new ArrayList<>();
    if (counts.containsKey(AccessLevel.PERMISSIONS_MANAGEMENT)) {
      risky.add(counts.get(AccessLevel.PERMISSIONS_MANAGEMENT) + " Permissions management");
    }
    if (counts.containsKey(AccessLevel.WRITE)) {
      risky.add(counts.get(AccessLevel.WRITE) + " Write");
    }
    if (risky.isEmpty()) {
      return null;
    }
    return "**Warning:** grants "
        + String.join(" and ", risky)
        + " actions"
        + (facts.everyResource() ? " on every resource (`\"Resource\": \"*\"`)" : "")
        + ". List only the actions needed.";
  }
}
