package dev.iampolicyls.checks.conditions;

import dev.iampolicyls.catalog.Action;
import dev.iampolicyls.catalog.Catalog;
import dev.iampolicyls.catalog.WildcardMatcher;
import dev.iampolicyls.policy.StringElement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Which action entries of a statement put a condition key in the request context. An entry the
 * catalog cannot place (an unknown action, a pattern that matches nothing) counts as supporting, so
 * that doubt never produces a finding; a pattern is unsupported only when none of its actions is.
 */
final class KeyActionSupport {
  private final List<StringElement> unsupported = new ArrayList<>();
  private final Set<String> unsupportedServices = new LinkedHashSet<>();
  private boolean anySupported;

  private KeyActionSupport() {}

  /**
   * @param onlyService a service prefix to look at only that service's entries, or null for all
   * @param keylessActionsAreUnknown whether an action for which the catalog lists no condition key
   *     at all is taken as unknown rather than as not supporting the key
   */
  static KeyActionSupport of(
      Catalog catalog,
      List<StringElement> actions,
      String key,
      String onlyService,
      boolean keylessActionsAreUnknown) {
    KeyActionSupport s = new KeyActionSupport();
    String lowerKey = key.toLowerCase(Locale.ROOT);
    for (StringElement e : actions) {
      String value = e.value();
      int colon = value.indexOf(':');
      if (colon <= 0) {
        s.anySupported |= value.equals("*");
        continue;
      }
      String prefix = value.substring(0, colon);
      if (onlyService != null && !prefix.equalsIgnoreCase(onlyService)) {
        continue;
      }
      List<Action> matched;
      if (WildcardMatcher.hasWildcard(value)) {
        matched = catalog.matchActions(value);
      } else {
        Optional<Action> a = catalog.action(value);
        matched = a.map(List::of).orElse(List.of());
      }
      if (keylessActionsAreUnknown) {
        // The catalog lists no key at all for some actions that do take them: no verdict there.
        matched = withKnownKeys(matched);
      }
      if (matched.isEmpty()) {
        s.anySupported = true; // unknown to the catalog: assume the best
        continue;
      }
      boolean supports = false;
      for (Action a : matched) {
        if (ConditionKeys.actionSupportsLowerCase(a, lowerKey)) {
          supports = true;
          break;
        }
      }
      if (supports) {
        s.anySupported = true;
      } else {
        s.unsupported.add(e);
        matched.forEach(a -> s.unsupportedServices.add(a.service().prefix()));
      }
    }
    return s;
  }

  /** Entries none of whose actions carry the key. */
  List<StringElement> unsupported() {
    return unsupported;
  }

  /** The service prefixes of the unsupported entries. */
  Set<String> unsupportedServices() {
    return unsupportedServices;
  }

  boolean anySupported() {
    return anySupported;
  }

  static String list(List<StringElement> entries) {
    List<String> names = entries.stream().map(StringElement::value).distinct().toList();
    int shown = Math.min(names.size(), 5);
    String text = String.join(", ", names.subList(0, shown));
    return names.size() > shown ? text + " and " + (names.size() - shown) + " more" : text;
  }

  /** The actions the catalog lists keys for; a loop, not a stream (streams are slow under C1). */
  private static List<Action> withKnownKeys(List<Action> actions) {
    List<Action> known = new ArrayList<>(actions.size());
    for (Action a : actions) {
      if (ConditionKeys.hasKnownKeys(a)) {
        known.add(a);
      }
    }
    return known;
  }
}
