package dev.iampolicyls.catalog;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Condition keys that work although the catalog does not list them, each with the reason it is
 * known to work (AWS uses it in a managed policy). Kept in {@code unlisted-condition-keys.tsv}.
 */
public final class UnlistedConditionKeys {
  private static final Map<String, String> REASON_BY_KEY = load();

  private UnlistedConditionKeys() {}

  /** Whether the key, in any case, is one of them. */
  public static boolean contains(String key) {
    return REASON_BY_KEY.containsKey(key.toLowerCase(Locale.ROOT));
  }

  /** Every key of the table (in lower case) and why it is there. */
  public static Map<String, String> all() {
    return REASON_BY_KEY;
  }

  private static Map<String, String> load() {
    Map<String, String> byKey = new TreeMap<>();
    for (String[] row : TabSeparatedTable.rows("unlisted-condition-keys.tsv", 2)) {
      byKey.put(row[0].toLowerCase(Locale.ROOT), row[1]);
    }
    return Map.copyOf(byKey);
  }
}
