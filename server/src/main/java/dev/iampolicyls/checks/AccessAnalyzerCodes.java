package dev.iampolicyls.checks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The issue codes of IAM Access Analyzer's policy checks with their finding types. Our checks use
 * these codes where they do the same thing, so people and scripts that know Access Analyzer read
 * our output unchanged; codes outside this list are our own.
 */
public final class AccessAnalyzerCodes {
  private static final Map<String, FindingType> CODES = load();

  private AccessAnalyzerCodes() {}

  public static boolean contains(String code) {
    return CODES.containsKey(code);
  }

  public static Optional<FindingType> findingType(String code) {
    return Optional.ofNullable(CODES.get(code));
  }

  public static Map<String, FindingType> all() {
    return CODES;
  }

  private static Map<String, FindingType> load() {
    Map<String, FindingType> codes = new TreeMap<>();
    try (InputStream in =
            AccessAnalyzerCodes.class.getResourceAsStream("access-analyzer-codes.tsv");
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] cols = line.split("\t");
        codes.put(cols[1], FindingType.valueOf(cols[0]));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Collections.unmodifiableMap(codes);
  }
}
