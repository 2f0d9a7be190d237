package dev.iampolicyls.checks;

import dev.iampolicyls.catalog.Catalog;
import dev.iampolicyls.catalog.ConditionKey;
import dev.iampolicyls.catalog.Service;
import dev.iampolicyls.policy.ConditionEntry;
import dev.iampolicyls.policy.Statement;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;

/**
 * A tag condition key without its tag key, as in {@code aws:ResourceTag} or {@code
 * aws:ResourceTag/}: the key names no tag, so it matches nothing. The tag key families come from
 * the catalog (every key written {@code .../${TagKey}}, {@code .../<key>} or {@code .../tag-key}).
 */
final class MissingTagKeyInConditionCheck extends PolicyCheck {
  private final Map<Catalog, Set<String>> prefixes = new WeakHashMap<>();

  MissingTagKeyInConditionCheck() {
    super(CheckCode.MISSING_TAG_KEY_IN_CONDITION);
  }

  @Override
  public void run(CheckContext context) {
    for (Statement s : context.policy().statements()) {
      for (ConditionEntry entry : s.conditionEntries()) {
        String key = entry.key();
        String lower = key.toLowerCase(Locale.ROOT);
        String bare = lower.endsWith("/") ? lower.substring(0, lower.length() - 1) : lower;
        // Every tag family is a "...tag..." prefix without '/': only such keys need the families,
        // which take every service of the catalog to collect.
        if (bare.contains("tag")
            && bare.indexOf('/') < 0
            && tagPrefixes(context.catalog()).contains(bare)) {
          String family = key.endsWith("/") ? key : key + "/";
          context.report(
              this,
              entry.keyProperty().key(),
              "The condition key "
                  + key
                  + " names no tag: write "
                  + family
                  + "tag-key with the tag key you want to test, as in "
                  + family
                  + "owner");
        }
      }
    }
  }

  private synchronized Set<String> tagPrefixes(Catalog catalog) {
    return prefixes.computeIfAbsent(catalog, MissingTagKeyInConditionCheck::collect);
  }

  private static Set<String> collect(Catalog catalog) {
    Set<String> out = new HashSet<>();
    for (ConditionKey k : catalog.globalConditionKeys()) {
      addIfTagFamily(out, k.name());
    }
    for (Service service : catalog.services()) {
      for (ConditionKey k : service.conditionKeys()) {
        addIfTagFamily(out, k.name());
      }
    }
    return out;
  }

  /** Adds {@code prefix} for a key {@code prefix/<placeholder>} whose prefix is about tags. */
  private static void addIfTagFamily(Set<String> out, String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    int slash = lower.lastIndexOf('/');
    if (slash <= 0) {
      return;
    }
    String prefix = lower.substring(0, slash);
    String last = lower.substring(slash + 1);
    boolean placeholder =
        (last.startsWith("${") && last.endsWith("}"))
            || (last.startsWith("<") && last.endsWith(">"))
            || last.equals("tag-key");
    if (placeholder && prefix.contains("tag") && prefix.indexOf('/') < 0) {
      out.add(prefix);
    }
  }
}
