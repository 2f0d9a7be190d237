package dev.iampolicyls.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.iampolicyls.checks.CheckAssert;
import dev.iampolicyls.checks.CheckAssert.Marked;
import dev.iampolicyls.checks.Finding;
import dev.iampolicyls.config.AnalysisSettings;
import dev.iampolicyls.service.EmbeddedAnalysis;
import dev.iampolicyls.service.PolicyLanguageService;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A template with the expected findings marked by « and »: every finding of every policy in it, in
 * the template's offsets, must sit at a mark, with the codes given in document order, and there
 * must be no other finding.
 */
final class TemplateAssert {
  private TemplateAssert() {}

  /** The «» marks, read as the policy checks' tests read them. */
  static Marked unmark(String marked) {
    return CheckAssert.unmark(marked);
  }

  static EmbeddedAnalysis analyze(String text) {
    return PolicyLanguageService.bundled()
        .analyzeEmbedded(text, null, AnalysisSettings.DEFAULT)
        .orElseThrow(() -> new AssertionError("not read as a template:\n" + text));
  }

  /** Every finding of the template, syntax findings included, in document order. */
  static List<Finding> findings(EmbeddedAnalysis analysis) {
    List<Finding> all = new ArrayList<>(analysis.document().syntaxFindings());
    analysis.policies().forEach(p -> all.addAll(p.findings()));
    all.sort(Comparator.comparingInt(Finding::offset).thenComparing(f -> f.code().id()));
    return all;
  }

  /** Asserts the template's findings: at the marks, with these codes, in order. */
  static EmbeddedAnalysis assertFindings(String marked, String... codes) {
    Marked m = unmark(marked);
    assertEquals(codes.length, m.spans().size(), "one code per mark");
    EmbeddedAnalysis analysis = analyze(m.text());
    List<Finding> found = findings(analysis);
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < codes.length; i++) {
      int[] span = m.spans().get(i);
      expected.add(codes[i] + "@" + m.text().substring(span[0], span[0] + span[1]) + "@" + span[0]);
    }
    List<String> actual =
        found.stream()
            .map(
                f ->
                    f.code()
                        + "@"
                        + m.text().substring(f.offset(), Math.min(m.text().length(), f.end()))
                        + "@"
                        + f.offset())
            .toList();
    assertEquals(expected, actual, () -> "in\n" + m.text() + "\nfound " + found);
    return analysis;
  }

  /** The policies located: {@code name TYPE} each, in document order. */
  static List<String> located(String text) {
    return analyze(text).policies().stream()
        .map(p -> p.policy().name() + " " + p.policy().policyType())
        .toList();
  }

  static void assertNotATemplate(String text) {
    assertTrue(
        new CloudFormationFormat().read(text).isEmpty(), () -> "read as a template:\n" + text);
  }
}
