package dev.iampolicyls.grants;

import dev.iampolicyls.catalog.Action;
import dev.iampolicyls.catalog.ActionConditionKeys;
import dev.iampolicyls.catalog.Catalog;
import dev.iampolicyls.catalog.Service;
import java.util.BitSet;
import java.util.Locale;

/**
 * Whether a condition key can be in the request of some action of a set: a test of a key that none
 * of them carries narrows nothing (a test true without its key, such as StringNotEquals, is then
 * always true; one false without it, such as StringEquals, kills the statement: {@link
 * UnsupportedKey}, which judges keys by the same rules).
 */
final class KeyReach {
  private KeyReach() {}

  /**
   * True for global keys and the keys of the caller's credentials, keys of services the catalog
   * does not know, and keys some action of the set carries or may carry (an action of the key's
   * service for which the catalog lists no key at all).
   */
  static boolean reaches(String key, ActionIndex index, BitSet actions) {
    Service service = judgedService(key, index.catalog());
    if (service == null) {
      return true;
    }
    String lowerKey = key.toLowerCase(Locale.ROOT);
    for (int i = actions.nextSetBit(0); i >= 0; i = actions.nextSetBit(i + 1)) {
      if (mayCarry(index.action(i), service, lowerKey)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The service of a key whose presence the catalog can judge action by action; null for global
   * keys and the keys of the caller's credentials (any request may carry them), malformed keys and
   * keys of services the catalog does not know.
   */
  static Service judgedService(String key, Catalog catalog) {
    int colon = key.indexOf(':');
    if (colon <= 0
        || key.regionMatches(true, 0, "aws:", 0, 4)
        || catalog.globalConditionKey(key).isPresent()) {
      return null;
    }
    return catalog.service(key.substring(0, colon)).orElse(null);
  }

  /**
   * Whether an action carries a key of this service (lower case), or may: an action of the key's
   * own service for which the catalog lists no key at all (some services list their keys
   * incompletely).
   */
  static boolean mayCarry(Action a, Service keyService, String lowerKey) {
    return ActionConditionKeys.supportsLowerCase(a, lowerKey)
        || (a.service() == keyService && !ActionConditionKeys.hasKnownKeys(a));
  }
}
