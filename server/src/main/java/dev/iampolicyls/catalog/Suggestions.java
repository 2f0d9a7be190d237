package dev.iampolicyls.catalog;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** "Did you mean": the closest real names to a mistyped one, by edit distance, ignoring case. */
public final class Suggestions {
  private Suggestions() {}

  /** The closest action names of the service (unqualified), at most {@code limit}, best first. */
  public static List<String> closestActions(Service service, String actionName, int limit) {
    return closest(service.actions().stream().map(Action::name).toList(), actionName, limit);
  }

  /** The closest service prefixes, at most {@code limit}, best first. */
  public static List<String> closestServices(Catalog catalog, String prefix, int limit) {
    return closest(catalog.services().stream().map(Service::prefix).toList(), prefix, limit);
  }

  /**
   * Candidates within a distance that grows with the word (a third of its length, at least 2), so
   * short typos are caught and unrelated names are not offered; of those, the nearest and any one
   * edit further.
   */
  public static List<String> closest(List<String> candidates, String word, int limit) {
    String w = word.toLowerCase(Locale.ROOT);
    int max = Math.max(2, w.length() / 3);
    record Scored(String name, int distance) {}
    List<Scored> scored = new ArrayList<>();
    for (String c : candidates) {
      String lc = c.toLowerCase(Locale.ROOT);
      if (Math.abs(lc.length() - w.length()) > max) {
        continue;
      }
      int d = distance(w, lc, max);
      if (d <= max) {
        scored.add(new Scored(c, d));
      }
    }
    scored.sort(Comparator.comparingInt(Scored::distance).thenComparing(Scored::name));
    // Only the nearest and those one edit further: next to sqs:ReceiveMessage (two edits from
    // "RecieveMessage"), sqs:DeleteMessage (four) is noise, in a message and in a quick fix alike.
    int nearest = scored.isEmpty() ? 0 : scored.get(0).distance();
    return scored.stream()
        .filter(s -> s.distance() <= nearest + 1)
        .limit(limit)
        .map(Scored::name)
        .toList();
  }

  /** Levenshtein distance between two names, ignoring case. */
  public static int distance(String a, String b) {
    return distance(
        a.toLowerCase(Locale.ROOT), b.toLowerCase(Locale.ROOT), Math.max(a.length(), b.length()));
  }

  /** Levenshtein distance, giving up (returning max + 1) once it must exceed {@code max}. */
  static int distance(String a, String b, int max) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      int rowMin = cur[0];
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
        rowMin = Math.min(rowMin, cur[j]);
      }
      if (rowMin > max) {
        return max + 1;
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }
}
