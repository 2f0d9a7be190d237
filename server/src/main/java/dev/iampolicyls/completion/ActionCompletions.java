package dev.iampolicyls.completion;

import dev.iampolicyls.catalog.Action;
import dev.iampolicyls.catalog.Service;
import dev.iampolicyls.catalog.WildcardMatcher;
import dev.iampolicyls.policy.Statement;
import dev.iampolicyls.policy.StringElement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Actions in Action and NotAction: service prefixes until a colon is typed, then that service's
 * actions. Matching ignores case; a typed word of two letters or more also finds actions that
 * contain it ({@code s3:object} finds {@code s3:GetObject}), and a typed wildcard is offered as the
 * pattern itself with its matches. Within their group, actions rank by how many AWS managed
 * policies name them ({@link Action#usage()}), then by name, and the sort text carries that rank so
 * every editor shows the same order. Actions the statement already lists rank last.
 */
final class ActionCompletions {
  /**
   * Actions per list: more than an editor shows, and the best ones by rank are kept; the list is
   * then incomplete, so the editor asks again as the user types. (clangd's default is 100 too.) A
   * longer list only costs every keystroke: ec2's 600-odd matches were 180 KB of JSON.
   */
  static final int MAX_ITEMS = 100;

  /** A matching action and where it ranks: by group, then by use, then in catalog order. */
  private record Ranked(Action action, int group, int index, boolean prefix) {}

  private static final Comparator<Ranked> BEST_FIRST =
      Comparator.comparingInt(Ranked::group)
          .thenComparing(Comparator.comparingInt((Ranked m) -> m.action().usage()).reversed())
          .thenComparingInt(Ranked::index);

  /** Offers the best-ranked {@link #MAX_ITEMS} of the matches; the list is incomplete if cut. */
  private static void offerBest(Proposals out, List<Ranked> matches) {
    matches.sort(BEST_FIRST);
    if (matches.size() > MAX_ITEMS) {
      matches = matches.subList(0, MAX_ITEMS);
      out.markIncomplete();
    }
    int rank = 0;
    for (Ranked m : matches) {
      action(out, m.action(), Proposals.sort(m.group(), rank++), m.prefix());
    }
  }

  void complete(Request r) {
    Proposals out = r.out();
    String typed = out.prefix();
    int colon = typed.indexOf(':');
    if (colon < 0) {
      services(r, typed);
      return;
    }
    String servicePart = typed.substring(0, colon);
    String actionPart = typed.substring(colon + 1);
    List<Service> services = new ArrayList<>();
    if (WildcardMatcher.hasWildcard(servicePart)) {
      for (Service s : r.catalog().services()) {
        if (WildcardMatcher.matches(servicePart, s.prefix())) {
          services.add(s);
        }
      }
    } else {
      r.catalog().service(servicePart).ifPresent(services::add);
    }
    Set<String> present = presentActions(r);
    if (WildcardMatcher.hasWildcard(typed)) {
      patternAndMatches(r, services, servicePart, actionPart, present);
    } else {
      byName(r, services, actionPart, present);
    }
  }

  private void services(Request r, String typed) {
    Proposals out = r.out();
    if (typed.isEmpty() || typed.equals("*")) {
      out.value(
          "*",
          CompletionKind.ACTION,
          "every action",
          null,
          Proposals.sort(0, 0),
          Snippet.of("*"),
          true);
    }
    List<Service> matches = new ArrayList<>();
    for (Service s : r.catalog().services()) {
      if (out.startsWithTyped(s.prefix())) {
        matches.add(s);
      }
    }
    // The most used services first; the sort is stable, so equals stay in prefix order.
    matches.sort(Comparator.comparingInt(Service::usage).reversed());
    int rank = 0;
    for (Service s : matches) {
      out.partial(
          s.prefix() + ":",
          CompletionKind.SERVICE,
          s.name(),
          s.name()
              + " ("
              + s.actionCount()
              + " actions)\n\n[Actions of "
              + s.name()
              + "]("
              + s.documentationUrl()
              + ")",
          Proposals.sort(1, rank++));
    }
  }

  private void byName(Request r, List<Service> services, String actionPart, Set<String> present) {
    String lower = actionPart.toLowerCase(Locale.ROOT);
    List<Ranked> matches = new ArrayList<>();
    int index = 0;
    for (Service s : services) {
      r.out().checkCanceled();
      for (Action a : s.actions()) {
        index++;
        String name = a.name().toLowerCase(Locale.ROOT);
        boolean prefix = name.startsWith(lower);
        // One typed letter is in most names: it finds actions by their start only.
        if (!prefix && (lower.length() < 2 || !name.contains(lower))) {
          continue;
        }
        int group =
            (prefix ? 0 : 1)
                + (present.contains(a.qualifiedName().toLowerCase(Locale.ROOT)) ? 5 : 0);
        matches.add(new Ranked(a, group, index, prefix));
      }
    }
    offerBest(r.out(), matches);
  }

  private void patternAndMatches(
      Request r,
      List<Service> services,
      String servicePart,
      String actionPart,
      Set<String> present) {
    Proposals out = r.out();
    String typed = out.prefix();
    // The pattern as typed, and everything it could still become as the user goes on typing.
    String open = actionPart.endsWith("*") ? actionPart : actionPart + "*";
    List<Action> exact = new ArrayList<>();
    List<Action> candidates = new ArrayList<>();
    for (Service s : services) {
      r.out().checkCanceled();
      for (Action a : s.actions()) {
        if (WildcardMatcher.matches(open, a.name())) {
          candidates.add(a);
          if (WildcardMatcher.matches(actionPart, a.name())) {
            exact.add(a);
          }
        }
      }
    }
    if (!exact.isEmpty()) {
      out.value(
          typed,
          CompletionKind.ACTION,
          exact.size() + (exact.size() == 1 ? " action" : " actions"),
          patternDocumentation(exact),
          Proposals.sort(0, 0),
          Snippet.of(typed),
          true);
    }
    List<Ranked> matches = new ArrayList<>();
    int index = 0;
    for (Action a : candidates) {
      index++;
      int group = 1 + (present.contains(a.qualifiedName().toLowerCase(Locale.ROOT)) ? 5 : 0);
      matches.add(new Ranked(a, group, index, false));
    }
    offerBest(out, matches);
    out.markIncomplete();
  }

  private static void action(Proposals out, Action a, String sortText, boolean prefixMatch) {
    out.value(
        a.qualifiedName(),
        CompletionKind.ACTION,
        a.accessLevel().label(),
        documentation(a),
        sortText,
        Snippet.of(a.qualifiedName()),
        prefixMatch);
  }

  static String documentation(Action a) {
    String description = a.description().isBlank() ? a.qualifiedName() : a.description();
    return description
        + "\n\nAccess level: "
        + a.accessLevel().label()
        + "\n\n["
        + a.qualifiedName()
        + " in the Service Authorization Reference]("
        + a.documentationUrl()
        + ")";
  }

  private static String patternDocumentation(List<Action> matches) {
    StringBuilder sb = new StringBuilder("Matches:\n");
    int shown = Math.min(matches.size(), 20);
    for (int i = 0; i < shown; i++) {
      sb.append("\n- `").append(matches.get(i).qualifiedName()).append('`');
    }
    if (matches.size() > shown) {
      sb.append("\n- and ").append(matches.size() - shown).append(" more");
    }
    return sb.toString();
  }

  /** The other actions of the statement, lower-cased; the one under the cursor is left out. */
  private static Set<String> presentActions(Request r) {
    Set<String> present = new HashSet<>();
    Statement statement = r.statement();
    if (statement == null) {
      return present;
    }
    for (StringElement e : statement.actions()) {
      if (e.node() != r.context().string()) {
        present.add(e.value().toLowerCase(Locale.ROOT));
      }
    }
    return present;
  }
}
