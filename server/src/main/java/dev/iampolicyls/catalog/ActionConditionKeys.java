package dev.iampolicyls.catalog;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The condition keys the catalog lists for an action: its own keys and those of its resource types,
 * templated keys ({@code aws:ResourceTag/${TagKey}}) matching any key that fills the template. The
 * condition checks and the grant analysis both ask it, many actions per key.
 */
public final class ActionConditionKeys {
  private ActionConditionKeys() {}

  /**
   * The keys of each action, ready for lookup: built once per action, since a wildcard statement
   * asks about thousands of actions per key.
   */
  private static final Map<Action, KeySet> KEYS_OF = new ConcurrentHashMap<>();

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

  private static KeySet keysOf(Action action) {
    KeySet keys = KEYS_OF.get(action); // computeIfAbsent may lock the bin even when present
    return keys != null ? keys : KEYS_OF.computeIfAbsent(action, KeySet::of);
  }

  /** Exact names and template stems, lower case. */
  private record KeySet(Set<String> exact, List<String> stems) {
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
