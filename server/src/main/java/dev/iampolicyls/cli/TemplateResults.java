package dev.iampolicyls.cli;

import dev.iampolicyls.policy.PolicyType;
import dev.iampolicyls.service.EmbeddedAnalysis;
import java.util.ArrayList;
import java.util.List;

/**
 * The results for a template: one per policy inside it, named {@code file#Resources/Role/...} as
 * account dumps name theirs, with findings at their place in the template; its own syntax errors
 * are the file's.
 */
final class TemplateResults {
  private TemplateResults() {}

  static List<FileResult> of(String file, EmbeddedAnalysis analysis) {
    SourceText source = new SourceText(analysis.document().text());
    List<FileResult> results = new ArrayList<>();
    if (!analysis.document().syntaxFindings().isEmpty()) {
      // A template that does not parse has no policies to name: the error is the file's.
      results.add(
          new FileResult(
              file,
              PolicyType.IDENTITY_POLICY,
              analysis.document().syntaxFindings(),
              source,
              null));
    }
    for (EmbeddedAnalysis.Checked checked : analysis.policies()) {
      String name = checked.policy().name();
      results.add(
          new FileResult(
              file + "#" + name,
              checked.policy().policyType(),
              checked.findings(),
              source,
              null,
              file,
              name,
              false));
    }
    return results;
  }
}
