package dev.iampolicyls.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Keeps the checks page ({@code docs/checks/README.md}) in step with the registry. The table of
 * implemented checks is generated, each code a link to its own page beside it: run this test with
 * {@code -DupdateReadme=true} to rewrite it between its markers. The table of left-out codes is
 * written by hand, and must account for every Access Analyzer code the registry lacks.
 */
class ReadmeChecksTableTest {
  private static final Path README = Path.of("..", "docs", "checks", "README.md");
  private static final String BEGIN = "<!-- checks-table:begin -->";
  private static final String END = "<!-- checks-table:end -->";
  private static final String LEFT_OUT_BEGIN = "<!-- left-out-table:begin -->";
  private static final String LEFT_OUT_END = "<!-- left-out-table:end -->";

  @Test
  void readmeTableListsEveryRegisteredCheckAsGenerated() throws IOException {
    String readme = Files.readString(README, StandardCharsets.UTF_8);
    String expected = checksTable();
    if (Boolean.getBoolean("updateReadme")) {
      String updated =
          readme.substring(0, readme.indexOf(BEGIN) + BEGIN.length())
              + "\n"
              + expected
              + readme.substring(readme.indexOf(END));
      Files.writeString(README, updated, StandardCharsets.UTF_8);
      readme = updated;
    }
    assertEquals(expected, between(readme, BEGIN, END), "run with -DupdateReadme=true");
  }

  @Test
  void everyAccessAnalyzerCodeIsImplementedOrLeftOutWithAReason() throws IOException {
    String readme = Files.readString(README, StandardCharsets.UTF_8);
    Set<String> leftOut = codesInFirstColumn(between(readme, LEFT_OUT_BEGIN, LEFT_OUT_END));
    Set<String> registered = CheckCodeTest.registeredCodes();

    Set<String> accessAnalyzer = new TreeSet<>();
    for (CheckCode code : CheckCode.values()) {
      if (code.isAccessAnalyzer()) {
        accessAnalyzer.add(code.id());
      }
    }
    Set<String> unaccounted = new TreeSet<>(accessAnalyzer);
    unaccounted.removeAll(registered);
    unaccounted.removeAll(leftOut);
    assertEquals(Set.of(), unaccounted, "neither implemented nor in the left-out table");

    Set<String> leftOutButImplemented = new TreeSet<>(leftOut);
    leftOutButImplemented.retainAll(registered);
    assertEquals(Set.of(), leftOutButImplemented, "implemented, yet listed as left out");
    for (String code : leftOut) {
      assertTrue(accessAnalyzer.contains(code), "not an Access Analyzer code: " + code);
    }
  }

  static String checksTable() {
    StringBuilder table = new StringBuilder("| code | type | what it finds |\n|---|---|---|\n");
    for (PolicyCheck check : AllChecks.create()) {
      if (table.indexOf("| [`" + check.code().id() + "`]") >= 0) {
        continue; // one code may have several classes (INVALID_POLICY_ELEMENT)
      }
      table
          .append("| [`")
          .append(check.code().id())
          .append("`](")
          .append(check.code().id())
          .append(".md) | ")
          .append(check.type().name())
          .append(" | ")
          .append(check.description().replace("*", "\\*"))
          .append(" |\n");
    }
    return table.toString();
  }

  private static String between(String text, String begin, String end) {
    int from = text.indexOf(begin);
    int to = text.indexOf(end);
    assertTrue(from >= 0 && to > from, README + " lacks " + begin + " ... " + end);
    return text.substring(from + begin.length(), to).strip() + "\n";
  }

  private static Set<String> codesInFirstColumn(String table) {
    Set<String> codes = new TreeSet<>();
    for (String row : table.lines().toList()) {
      if (!row.startsWith("| `")) {
        continue;
      }
      String first = row.substring(1, row.indexOf('|', 1));
      for (String part : first.split("`")) {
        if (part.matches("[A-Z0-9_]+")) {
          codes.add(part);
        }
      }
    }
    return codes;
  }
}
