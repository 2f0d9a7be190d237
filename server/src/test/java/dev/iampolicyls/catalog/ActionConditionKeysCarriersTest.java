package dev.iampolicyls.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The per-service index of actions by condition key gives, for every service of the bundled catalog
 * and every key its actions list (plus templates filled in, other services' keys and near misses),
 * the actions that asking each one with supportsLowerCase gives.
 */
class ActionConditionKeysCarriersTest {
  private static BitSet plain(Service service, String lowerKey) {
    BitSet out = new BitSet();
    List<Action> actions = service.actions();
    for (int i = 0; i < actions.size(); i++) {
      if (ActionConditionKeys.supportsLowerCase(actions.get(i), lowerKey)) {
        out.set(i);
      }
    }
    return out;
  }

  @Test
  void indexAnswersAsEachActionDoes() {
    Catalog catalog = Catalog.bundled();
    Set<String> keys = new TreeSet<>();
    for (Service s : catalog.services()) {
      for (Action a : s.actions()) {
        for (String k : a.conditionKeys()) {
          String lower = k.toLowerCase(Locale.ROOT);
          keys.add(lower);
          String stem = ActionConditionKeys.stem(lower);
          keys.add(stem); // a stem alone fills no template
          keys.add(stem + "team");
          keys.add(lower.substring(0, lower.length() - 1)); // a near miss
        }
      }
    }
    keys.add("aws:resourcetag/env");
    keys.add("aws:requesttag/");
    keys.add("");
    int compared = 0;
    int nonEmpty = 0;
    for (Service s : catalog.services()) {
      String own = s.prefix().toLowerCase(Locale.ROOT) + ":";
      for (String key : keys) {
        // Every key against its own service, and a sample of the rest against every service.
        if (!key.startsWith(own) && (key.hashCode() & 15) != 0) {
          continue;
        }
        BitSet expected = plain(s, key);
        assertEquals(
            expected, ActionConditionKeys.actionsSupportingLowerCase(s, key), s + " " + key);
        compared++;
        nonEmpty += expected.isEmpty() ? 0 : 1;
      }
    }
    assertTrue(compared > 10_000 && nonEmpty > 1_000, compared + " compared, " + nonEmpty);
  }
}
