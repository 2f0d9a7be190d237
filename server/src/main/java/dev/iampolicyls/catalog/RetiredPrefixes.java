package dev.iampolicyls.catalog;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Service prefixes IAM does not know that people still write: a retired service's ({@code macie})
 * or a service's name where its prefix differs ({@code pinpoint} for {@code mobiletargeting}). Kept
 * in {@code retired-service-prefixes.tsv}, whose header names its source.
 */
public final class RetiredPrefixes {
  /**
   * @param prefix the prefix written
   * @param successor the prefix to write instead
   * @param why why, as a clause that follows "is not an AWS service prefix:"
   */
  public record Retired(String prefix, String successor, String why) {}

  private static final List<Retired> ALL =
      TabSeparatedTable.rows("retired-service-prefixes.tsv", 3).stream()
          .map(r -> new Retired(r[0], r[1], r[2]))
          .toList();

  private static final Map<String, Retired> BY_PREFIX = index();

  private RetiredPrefixes() {}

  /** What the table says about a prefix, in any case; empty when it does not list it. */
  public static Optional<Retired> of(String prefix) {
    return Optional.ofNullable(BY_PREFIX.get(prefix.toLowerCase(Locale.ROOT)));
  }

  public static List<Retired> all() {
    return ALL;
  }

  private static Map<String, Retired> index() {
    Map<String, Retired> byPrefix = new HashMap<>();
    for (Retired r : ALL) {
      byPrefix.put(r.prefix().toLowerCase(Locale.ROOT), r);
    }
    return Map.copyOf(byPrefix);
  }
}
