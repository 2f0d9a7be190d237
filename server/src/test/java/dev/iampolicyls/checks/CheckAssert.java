package dev.iampolicyls.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.iampolicyls.catalog.Catalog;
import dev.iampolicyls.config.DocumentSettings;
import dev.iampolicyls.policy.Policy;
import dev.iampolicyls.policy.PolicyType;
import java.util.ArrayList;
import java.util.List;

/**
 * Policy text with the expected finding spans marked by « and »: the test says where each finding
 * of a code must sit, and that there are no others of that code.
 */
public final class CheckAssert {
  private CheckAssert() {}

  /** The text without the marks, and each marked span as {offset, length}. */
  public record Marked(String text, List<int[]> spans) {}

  public static Marked unmark(String marked) {
    StringBuilder sb = new StringBuilder();
    List<int[]> spans = new ArrayList<>();
    int start = -1;
    for (int i = 0; i < marked.length(); i++) {
      char c = marked.charAt(i);
      if (c == '«') {
        start = sb.length();
      } else if (c == '»') {
        spans.add(new int[] {start, sb.length() - start});
      } else {
        sb.append(c);
      }
    }
    return new Marked(sb.toString(), spans);
  }

  static List<Finding> run(String text, PolicyType type) {
    return run(text, type, DocumentSettings.DEFAULT);
  }

  /**
   * Runs every check with the settings of a configured document (resource type, customer managed,
   * quotas); a null type is taken from the settings, else inferred as for an unconfigured file.
   */
  static List<Finding> run(String text, PolicyType type, DocumentSettings settings) {
    Policy policy = Policy.parse(text);
    return new DiagnosticsEngine(Catalog.bundled())
        .run(policy, typeOf(policy, type, settings), settings);
  }

  /** The type a policy is checked as: the given one, else the settings', else inferred. */
  static PolicyType typeOf(Policy policy, PolicyType type, DocumentSettings settings) {
    if (type != null) {
      return type;
    }
    if (settings.policyType() != null) {
      return settings.policyType();
    }
    if (settings.resourceType() != null) {
      return settings.resourceType().policyType();
    }
    return PolicyType.infer(policy);
  }

  /** Asserts that the findings with this code are exactly at the marked spans. */
  static List<Finding> assertFindings(String marked, PolicyType type, String code) {
    return assertFindings(marked, type, DocumentSettings.DEFAULT, code);
  }

  /** As {@link #assertFindings(String, PolicyType, String)}, for a document with these settings. */
  static List<Finding> assertFindings(
      String marked, PolicyType type, DocumentSettings settings, String code) {
    Marked m = unmark(marked);
    CheckCode wanted =
        CheckCode.of(code).orElseThrow(() -> new AssertionError("no such code: " + code));
    List<Finding> found =
        run(m.text(), type, settings).stream().filter(f -> f.code() == wanted).toList();
    List<String> expected = m.spans().stream().map(s -> s[0] + "+" + s[1]).toList();
    List<String> actual = found.stream().map(f -> f.offset() + "+" + f.length()).toList();
    assertEquals(expected, actual, () -> code + " in\n" + m.text() + "\nfound " + found);
    return found;
  }

  static List<Finding> assertFindings(String marked, String code) {
    return assertFindings(marked, null, code);
  }

  /** Asserts that a policy gets no finding at all. */
  static void assertClean(String text, PolicyType type) {
    List<Finding> found = run(text, type);
    assertEquals(List.of(), found, () -> "expected no findings in\n" + text);
  }
}
