package dev.iampolicyls.catalog;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Lookup structures for condition keys, including templated keys. A key is templated when a part of
 * it stands for a value the policy author chooses: {@code ${TagKey}}, {@code <key>}, or (in the
 * global keys) a {@code tag-key} path segment as in {@code aws:PrincipalTag/tag-key}.
 */
final class ConditionKeyIndex {
  final Map<String, ConditionKey> globalExact = new HashMap<>();
  final Map<String, ConditionKey> serviceExact = new HashMap<>();
  final List<Template> globalTemplates = new ArrayList<>();
  final List<Template> serviceTemplates = new ArrayList<>();

  /**
   * @param globals the global keys
   * @param table every condition key, the preferred entry for each name first
   */
  ConditionKeyIndex(List<ConditionKey> globals, List<ConditionKey> table) {
    for (ConditionKey k : globals) {
      globalExact.putIfAbsent(k.name().toLowerCase(Locale.ROOT), k);
      Template t = Template.of(k, true);
      if (t != null) {
        globalTemplates.add(t);
      }
    }
    Map<String, Boolean> seenTemplates = new HashMap<>();
    for (ConditionKey k : table) {
      String lower = k.name().toLowerCase(Locale.ROOT);
      if (serviceExact.putIfAbsent(lower, k) == null) {
        Template t = Template.of(k, false);
        if (t != null && seenTemplates.putIfAbsent(t.pattern, Boolean.TRUE) == null) {
          serviceTemplates.add(t);
        }
      }
    }
    // Most specific (longest literal prefix) first, then by name for a stable order.
    Comparator<Template> order =
        Comparator.comparingInt((Template t) -> -t.literalPrefix.length())
            .thenComparing(t -> t.pattern);
    globalTemplates.sort(order);
    serviceTemplates.sort(order);
  }

  static ConditionKey firstMatch(List<Template> templates, String lowerName) {
    for (Template t : templates) {
      if (lowerName.startsWith(t.literalPrefix) && WildcardMatcher.matches(t.pattern, lowerName)) {
        return t.key;
      }
    }
    return null;
  }

  static final class Template {
    final ConditionKey key;
    final String literalPrefix;
    final String pattern;

    private Template(ConditionKey key, String literalPrefix, String pattern) {
      this.key = key;
      this.literalPrefix = literalPrefix;
      this.pattern = pattern;
    }

    /** The template for a key, or null if the key has no placeholder. */
    static Template of(ConditionKey key, boolean global) {
      String name = key.name().toLowerCase(Locale.ROOT);
      StringBuilder pattern = new StringBuilder(name.length());
      int firstPlaceholder = -1;
      int i = 0;
      while (i < name.length()) {
        int end = placeholderEnd(name, i, global);
        if (end > i) {
          if (firstPlaceholder < 0) {
            firstPlaceholder = i;
          }
          pattern.append("?*"); // a placeholder stands for at least one character
          i = end;
        } else {
          char c = name.charAt(i);
          if (c == '*' || c == '?') {
            return null; // can not express a literal wildcard; such keys are not expected
          }
          pattern.append(c);
          i++;
        }
      }
      if (firstPlaceholder < 0) {
        return null;
      }
      return new Template(key, name.substring(0, firstPlaceholder), pattern.toString());
    }

    /** End index of a placeholder starting at {@code i}, or {@code i} if there is none. */
    private static int placeholderEnd(String name, int i, boolean global) {
      if (name.startsWith("${", i)) {
        int close = name.indexOf('}', i + 2);
        return close < 0 ? i : close + 1;
      }
      if (name.charAt(i) == '<') {
        int close = name.indexOf('>', i + 1);
        return close < 0 ? i : close + 1;
      }
      if (global
          && i > 0
          && name.charAt(i - 1) == '/'
          && name.startsWith("tag-key", i)
          && i + "tag-key".length() == name.length()) {
        return name.length();
      }
      return i;
    }
  }
}
