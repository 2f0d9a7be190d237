package dev.iampolicyls.grants;

import dev.iampolicyls.catalog.Action;
import dev.iampolicyls.catalog.ActionConditionKeys;
import dev.iampolicyls.catalog.Catalog;
import dev.iampolicyls.catalog.Service;
import java.util.BitSet;
import java.util.Locale;

/**
 * Whether a condition key can be in the request of some action of a set: a test of a key that none
 * of them carries narrows nothing (a negated or IfExists test is then always true; a plain one
 * kills the statement, which {@link NeverApplies} says).
 */
final class KeyReach {
  private KeyReach() {}

  /**
   * True for global keys and the keys of the caller's credentials, keys of services the catalog
   * does not know, and keys some action of the set carries or may carry (an action of the key's
   * service for which the catalog lists no key at all).
   */
  static boolean reaches(String key, ActionIndex index, BitSet actions) {
    int colon = key.indexOf(':');
    Catalog catalog = index.catalog();
    if (colon <= 0
        || key.regionMatches(true, 0, "aws:", 0, 4)
        || catalog.globalConditionKey(key).isPresent()) {
      return true;
    }
    Service service = catalog.service(key.substring(0, colon)).orElse(null);
    if (service == null) {
      return true;
    }
    String lowerKey = key.toLowerCase(Locale.ROOT);
    for (int i = actions.nextSetBit(0); i >= 0; i = actions.nextSetBit(i + 1)) {
      Action a = index.action(i);
      if (ActionConditionKeys.supportsLowerCase(a, lowerKey)
          || (a.service() == service && !ActionConditionKeys.hasKnownKeys(a))) {
        return true;
      }
    }
    return false;
  }
}
