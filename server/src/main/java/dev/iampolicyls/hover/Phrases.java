package dev.iampolicyls.hover;

import java.util.List;

/** English list phrasing shared by hovers and the statement summary. */
final class Phrases {
  private Phrases() {}

  /** "a", "a and b", "a, b and c", "a, b, c and 2 more": at most {@code max} items named. */
  static String and(List<String> items, int max) {
    return join(items, max, "and");
  }

  /** As {@link #and} with "or": the values of one condition key are alternatives. */
  static String or(List<String> items, int max) {
    return join(items, max, "or");
  }

  private static String join(List<String> items, int max, String word) {
    int n = items.size();
    if (n == 0) {
      return "";
    }
    if (n == 1) {
      return items.get(0);
    }
    if (n > max) {
      return String.join(", ", items.subList(0, max)) + " " + word + " " + (n - max) + " more";
    }
    return String.join(", ", items.subList(0, n - 1)) + " " + word + " " + items.get(n - 1);
  }

  /** "1 action", "3 actions". */
  static String count(int n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }
}
