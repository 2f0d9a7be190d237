package dev.iampolicyls.evaluation;

import dev.iampolicyls.catalog.WildcardMatcher;
import dev.iampolicyls.policy.ConditionEntry;
import dev.iampolicyls.policy.Statement;
import dev.iampolicyls.policy.StringElement;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One statement's elements decided one at a time, with the evaluator's own rules: whether its
 * Action, Resource, Principal or one condition test holds for a value. Policy comparison builds its
 * truth tables from these, so that it can never disagree with {@link Evaluator} on what a single
 * element means. One comparison's: it remembers its last look-ups, and is not for sharing between
 * threads.
 */
public final class StatementParts {
  private final NamedPolicy policy;
  private final Statement statement;
  private final boolean variablesOn;

  public StatementParts(NamedPolicy policy, Statement statement) {
    this.policy = policy;
    this.statement = statement;
    this.variablesOn = policy.policy().versionValue().filter("2012-10-17"::equals).isPresent();
  }

  public Statement statement() {
    return statement;
  }

  /** Whether policy variables are substituted (Version 2012-10-17). */
  public boolean variablesOn() {
    return variablesOn;
  }

  /** Whether Action or NotAction lets the action through. */
  public boolean actionHolds(String action) {
    return StatementMatcher.actionHolds(statement, actionCandidates(action), action);
  }

  private static final int MAX_REMEMBERED_WILDCARDS = 4_096;

  /**
   * Which actions of a service Action or NotAction lets through, as {@link #actionHolds} answers
   * each, found from the values rather than action by action: a value without wildcards is looked
   * up, and only the others are matched against every name.
   *
   * @param servicePrefix the service, ASCII without a colon
   * @param names its actions' qualified names, all ASCII
   * @param byLowerName the position in {@code names} of each name in lower case
   * @param wildcardMatches the names each wildcard value matches, by value, remembered across calls
   *     for the same {@code names} (thread-safe; the same values recur across policies)
   */
  public BitSet actionsHolding(
      String servicePrefix,
      List<String> names,
      Map<String, Integer> byLowerName,
      Map<String, BitSet> wildcardMatches) {
    if (actionsByService == null) {
      indexActions();
    }
    BitSet matched = new BitSet();
    for (StringElement e :
        actionsByService.getOrDefault(
            servicePrefix.toLowerCase(Locale.ROOT), actionsOfAnyService)) {
      String v = e.value();
      if (v.indexOf('*') < 0 && v.indexOf('?') < 0 && isAscii(v)) {
        // Matched ignoring case character by character: for ASCII text, equal ignoring case.
        Integer at = byLowerName.get(v.toLowerCase(Locale.ROOT));
        if (at != null) {
          matched.set(at);
        }
      } else {
        if (wildcardMatches.size() > MAX_REMEMBERED_WILDCARDS) {
          wildcardMatches.clear(); // an editor's keystrokes add values: start again
        }
        matched.or(
            wildcardMatches.computeIfAbsent(
                v,
                value -> {
                  BitSet m = new BitSet();
                  for (int i = 0; i < names.size(); i++) {
                    if (WildcardMatcher.matches(value, names.get(i))) {
                      m.set(i);
                    }
                  }
                  return m;
                }));
      }
    }
    boolean negated = statement.action().isEmpty();
    if (negated && statement.notAction().isEmpty()) {
      return new BitSet();
    }
    if (negated) {
      matched.flip(0, names.size());
    }
    return matched;
  }

  /**
   * Whether Action or NotAction lets every action of a service through, or none of them; empty when
   * it depends on the action (some value may match one of them).
   */
  public Optional<Boolean> sameForEveryActionOf(String servicePrefix) {
    List<StringElement> candidates;
    if (servicePrefix.indexOf(':') >= 0 || !isAscii(servicePrefix)) {
      candidates = statement.actions();
    } else {
      if (actionsByService == null) {
        indexActions();
      }
      candidates =
          actionsByService.getOrDefault(
              servicePrefix.toLowerCase(Locale.ROOT), actionsOfAnyService);
    }
    if (!candidates.isEmpty()) {
      return Optional.empty();
    }
    if (noValueAnswer == null) {
      noValueAnswer = Optional.of(StatementMatcher.actionHolds(statement, List.of(), ""));
    }
    return noValueAnswer;
  }

  /**
   * The services (service prefixes in lower case) outside which Action lets no action through, or
   * null when it may let through actions of any service (NotAction, or a value whose service part
   * has a wildcard or is not ASCII).
   */
  public Set<String> onlyServices() {
    if (actionsByService == null) {
      indexActions();
    }
    if (!actionsOfAnyService.isEmpty() || StatementMatcher.actionHolds(statement, List.of(), "")) {
      return null;
    }
    return actionsByService.keySet();
  }

  /** Action or NotAction's answer for an action none of its values may match. */
  private Optional<Boolean> noValueAnswer;

  private static boolean isAscii(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) >= 0x80) {
        return false;
      }
    }
    return true;
  }

  /**
   * The Action or NotAction values that may match the action, in their order: a value whose service
   * prefix is literal ({@code s3:Get*}) matches only actions of that service, so against the 22,000
   * actions of the catalog a list of thousands ({@code ReadOnlyAccess}) is tried a few values at a
   * time. Values with a wildcard or other than ASCII before the colon may match any.
   */
  private List<StringElement> actionCandidates(String action) {
    // Actions come service by service: the last service's values are asked for again and again.
    if (lastService != null
        && action.length() > lastService.length()
        && action.charAt(lastService.length()) == ':'
        && action.startsWith(lastService)) {
      return lastCandidates;
    }
    String service = asciiServicePrefix(action);
    if (service == null) {
      return statement.actions();
    }
    if (actionsByService == null) {
      indexActions();
    }
    lastService = service;
    lastCandidates =
        actionsByService.getOrDefault(service.toLowerCase(Locale.ROOT), actionsOfAnyService);
    return lastCandidates;
  }

  private String lastService;
  private List<StringElement> lastCandidates;
  private Map<String, List<StringElement>> actionsByService;
  private List<StringElement> actionsOfAnyService;

  private void indexActions() {
    Map<String, List<StringElement>> byService = new HashMap<>();
    List<StringElement> anyService = new ArrayList<>();
    for (StringElement e : statement.actions()) {
      String service = asciiServicePrefix(e.value());
      if (service == null || service.indexOf('*') >= 0 || service.indexOf('?') >= 0) {
        anyService.add(e);
        byService.values().forEach(l -> l.add(e));
      } else {
        byService
            .computeIfAbsent(service.toLowerCase(Locale.ROOT), k -> new ArrayList<>(anyService))
            .add(e);
      }
    }
    actionsByService = byService;
    actionsOfAnyService = anyService;
  }

  /**
   * The text before the first colon when it is all ASCII; null otherwise. Wildcard matching folds
   * case character by character, and a few characters beyond ASCII fold to ASCII letters (the
   * Kelvin sign to k): such text is never narrowed by service.
   */
  private static String asciiServicePrefix(String text) {
    int colon = text.indexOf(':');
    if (colon < 0) {
      return null;
    }
    for (int i = 0; i < colon; i++) {
      if (text.charAt(i) >= 0x80) {
        return null;
      }
    }
    return text.substring(0, colon);
  }

  /** Whether Resource or NotResource lets the resource through, variables read from the context. */
  public boolean resourceHolds(String resource, RequestContext context) {
    return matcher("", resource, Optional.empty(), context)
        .resourceHolds(policy, statement, variablesOn);
  }

  /**
   * Whether Principal or NotPrincipal lets the principal through (always, for policy roles that
   * ignore them).
   */
  public boolean principalHolds(Optional<RequestPrincipal> principal) {
    if (!policy.role().matchesPrincipal()) {
      return true;
    }
    return matcher("", "*", principal, RequestContext.EMPTY)
            .principalCheck(statement, statement.isDeny())
            .failure()
        == null;
  }

  /** Whether one condition test holds for the context. */
  public boolean conditionHolds(ConditionEntry entry, RequestContext context) {
    return Conditions.holds(entry, context, variablesOn);
  }

  /** A condition value as the Numeric operators read it, or null. */
  public static java.math.BigDecimal number(String text) {
    return Conditions.number(text);
  }

  /** A condition value as the Date operators read it, or null. */
  public static java.time.Instant instant(String text) {
    return Conditions.instant(text);
  }

  private static StatementMatcher matcher(
      String action, String resource, Optional<RequestPrincipal> principal, RequestContext ctx) {
    return new StatementMatcher(
        new Request(action, resource, principal, Optional.empty(), ctx), false);
  }
}
