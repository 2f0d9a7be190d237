package dev.iampolicyls.catalog;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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

  /**
   * The positions, in {@code service.actions()}, of the actions for which {@link
   * #supportsLowerCase} holds: the same answer, from an index built once per service rather than by
   * asking each of its (up to several hundred) actions again for every key.
   */
  public static BitSet actionsSupportingLowerCase(Service service, String lowerKey) {
    return service.keyCarriers().actionsNaming(lowerKey);
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

  /** A service's actions by the keys they name: exact names, and template stems (see KeySet). */
  static final class Carriers {
    private final Map<String, BitSet> byExact = new HashMap<>();
    private final Map<String, BitSet> byStem = new LinkedHashMap<>();

    /** Filled here, in the constructor: its final fields publish it to the other threads. */
    Carriers(List<Action> actions) {
      for (int i = 0; i < actions.size(); i++) {
        KeySet keys = keysOf(actions.get(i));
        for (String exact : keys.exact()) {
          byExact.computeIfAbsent(exact, k -> new BitSet()).set(i);
        }
        for (String stem : keys.stems()) {
          byStem.computeIfAbsent(stem, k -> new BitSet()).set(i);
        }
      }
    }

    /** The actions whose KeySet names the key: listed exactly, or filling a template's stem. */
    BitSet actionsNaming(String lowerKey) {
      BitSet out = new BitSet();
      BitSet exact = byExact.get(lowerKey);
      if (exact != null) {
        out.or(exact);
      }
      for (Map.Entry<String, BitSet> e : byStem.entrySet()) {
        String stem = e.getKey();
        if (lowerKey.length() > stem.length() && lowerKey.startsWith(stem)) {
          out.or(e.getValue());
        }
      }
      return out;
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
