package dev.iampolicyls.catalog;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The AWS partitions and the Region codes of each, from the hand-written list {@code
 * aws-regions.tsv} (see its header for where it came from). Region codes are lowercase and compared
 * exactly, as AWS writes them in ARNs.
 */
public final class AwsRegions {
  private static final Map<String, String> PARTITION_OF_REGION = new LinkedHashMap<>();
  private static final Set<String> PARTITIONS = new TreeSet<>();

  static {
    try (InputStream in = AwsRegions.class.getResourceAsStream("aws-regions.tsv");
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] cols = line.split("\t");
        PARTITIONS.add(cols[0]);
        PARTITION_OF_REGION.put(cols[1], cols[0]);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private AwsRegions() {}

  public static Set<String> partitions() {
    return Collections.unmodifiableSet(PARTITIONS);
  }

  public static boolean isPartition(String name) {
    return PARTITIONS.contains(name);
  }

  public static boolean isRegion(String code) {
    return PARTITION_OF_REGION.containsKey(code);
  }

  /** The partition a Region belongs to, e.g. {@code aws-cn} for {@code cn-north-1}. */
  public static Optional<String> partitionOf(String region) {
    return Optional.ofNullable(PARTITION_OF_REGION.get(region));
  }

  public static List<String> regions() {
    return List.copyOf(PARTITION_OF_REGION.keySet());
  }

  /** Whether an IAM wildcard pattern ({@code us-*}, {@code eu-west-?}) names some known Region. */
  public static boolean anyRegionMatches(String pattern) {
    for (String region : PARTITION_OF_REGION.keySet()) {
      if (WildcardMatcher.matches(pattern, region)) {
        return true;
      }
    }
    return false;
  }

  /** Whether an IAM wildcard pattern names some known partition. */
  public static boolean anyPartitionMatches(String pattern) {
    for (String p : PARTITIONS) {
      if (WildcardMatcher.matches(pattern, p)) {
        return true;
      }
    }
    return false;
  }
}
