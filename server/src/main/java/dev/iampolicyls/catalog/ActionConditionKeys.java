package dev.iampolicyls.catalog;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The condition keys the catalog lists for an action: its own keys and those of its resource types,
 * templated keys ({@code aws:ResourceTag/${TagKey}}) matching any key that fills the template. The
 * condition checks and the grant analysis both ask it, many actions per key.
 */
public final class ActionConditionKeys {
  private ActionConditionKeys() {}

  /** Whether the catalog lists the key, given in lower case, for the action. */
  public static boolean supportsLowerCase(Action action, String lowerKey) {
    return keysOf(action).names(lowerKey);
  }

  /** Whether the catalog lists any condition key for the action or its resource types. */
  public static boolean hasKnownKeys(Action action) {
    return !keysOf(action).exact().isEmpty();
  }

  /**
   * A templated key up to its placeholder: {@code aws:resourcetag/${tagkey}} gives {@code
   * aws:resourcetag/}; a key without a placeholder is returned whole.
   */
  public static String stem(String lowerName) {
    int cut = lowerName.length();
    int dollar = lowerName.indexOf("${");
    if (dollar >= 0) {
      cut = Math.min(cut, dollar);
    }
    int angle = lowerName.indexOf('<');
    if (angle >= 0) {
      cut = Math.min(cut, angle);
    }
    if (lowerName.endsWith("/tag-key")) {
      cut = Math.min(cut, lowerName.length() - "tag-key".length());
    }
    return lowerName.substring(0, cut);
  }

  /**
   * The keys of the action, ready for lookup: built once per action and kept in it, since a
   * wildcard statement asks about thousands of actions per key (a static map keyed by the action
   * cost a look-up in a table of 20,000 each time, and kept replaced catalogs' actions alive).
   */
  private static KeySet keysOf(Action action) {
    return action.keyLookup();
  }

  /** Exact names and template stems, lower case. */
  record KeySet(Set<String> exact, List<String> stems) {
    static KeySet of(Action action) {
      Set<String> exact = new HashSet<>();
      List<String> stems = new ArrayList<>();
      for (String k : supportedKeys(action)) {
        String lower = k.toLowerCase(Locale.ROOT);
        exact.add(lower);
        String stem = stem(lower);
        if (stem.length() < lower.length() && !stems.contains(stem)) {
          stems.add(stem);
        }
      }
      return new KeySet(exact, stems);
    }

    boolean names(String lowerKey) {
      if (exact.contains(lowerKey)) {
        return true;
      }
      for (String stem : stems) {
        if (lowerKey.length() > stem.length() && lowerKey.startsWith(stem)) {
          return true;
        }
      }
      return false;
    }
  }

  private static List<String> supportedKeys(Action action) {
    List<String> keys = new ArrayList<>(action.conditionKeys());
    for (ActionResource r : action.resourceTypes()) {
      keys.addAll(r.conditionKeys());
      r.resourceType().ifPresent(t -> keys.addAll(t.conditionKeys()));
    }
    return keys;
  }
}
