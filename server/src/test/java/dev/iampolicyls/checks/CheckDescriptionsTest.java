package dev.iampolicyls.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class CheckDescriptionsTest {
  @Test
  void everyRegisteredCodeHasAWrittenDescription() {
    Set<String> missing = new TreeSet<>();
    for (PolicyCheck check : AllChecks.create()) {
      if (CheckDescriptions.written(check.code()).isEmpty()) {
        missing.add(check.code());
      }
      assertFalse(check.description().isBlank(), check.code());
    }
    assertEquals(Set.of(), missing, "add a line to check-descriptions.tsv for each");
  }

  @Test
  void everyLineNamesARegisteredCodeOnce() throws IOException {
    Set<String> registered = registeredCodes();
    List<String> codes = tsvCodes();
    Set<String> stale = new TreeSet<>(codes);
    stale.removeAll(registered);
    assertEquals(Set.of(), stale, "lines of check-descriptions.tsv for codes no check has");
    assertEquals(codes.size(), Set.copyOf(codes).size(), "a code described twice");
  }

  @Test
  void descriptionsAreOneShortLineAndGenericTextComesFromTheCode() {
    for (PolicyCheck check : AllChecks.create()) {
      assertEquals(List.of(check.description()), check.description().lines().toList());
      assertTrue(check.description().length() <= 110, check.code());
      assertFalse(check.description().contains("|"), "breaks the README table: " + check.code());
    }
    assertEquals("Missing version.", CheckDescriptions.generic("MISSING_VERSION"));
  }

  static Set<String> registeredCodes() {
    Set<String> codes = new TreeSet<>();
    AllChecks.create().forEach(check -> codes.add(check.code()));
    return codes;
  }

  private static List<String> tsvCodes() throws IOException {
    try (InputStream in = CheckDescriptions.class.getResourceAsStream("check-descriptions.tsv")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8)
          .lines()
          .filter(line -> !line.isBlank() && !line.startsWith("#"))
          .map(line -> line.substring(0, line.indexOf('\t')).trim())
          .toList();
    }
  }
}
