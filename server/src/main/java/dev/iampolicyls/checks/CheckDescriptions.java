package dev.iampolicyls.checks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The one-line description of each check, kept in {@code check-descriptions.tsv} (code, tab,
 * description) so engineers adding checks add a line there rather than touch each other's code. A
 * code without a line gets a generic text made from the code itself.
 */
public final class CheckDescriptions {
  private static final Map<String, String> DESCRIPTIONS = load();

  private CheckDescriptions() {}

  public static Optional<String> written(String code) {
    return Optional.ofNullable(DESCRIPTIONS.get(code));
  }

  public static String describe(String code) {
    return written(code).orElseGet(() -> generic(code));
  }

  /** "MISSING_VERSION" becomes "Missing version." */
  static String generic(String code) {
    String words = code.toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    return words.isEmpty() ? "" : Character.toUpperCase(words.charAt(0)) + words.substring(1) + ".";
  }

  private static Map<String, String> load() {
    Map<String, String> map = new TreeMap<>();
    try (InputStream in = CheckDescriptions.class.getResourceAsStream("check-descriptions.tsv");
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        int tab = line.indexOf('\t');
        if (line.isBlank() || line.startsWith("#") || tab < 0) {
          continue;
        }
        map.put(line.substring(0, tab).trim(), line.substring(tab + 1).trim());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return map;
  }
}
