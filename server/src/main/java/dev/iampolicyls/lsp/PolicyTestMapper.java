package dev.iampolicyls.lsp;

import dev.iampolicyls.policytest.Outcome;
import dev.iampolicyls.policytest.PolicyTestFile;
import dev.iampolicyls.syntax.LineIndex;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.lsp4j.CodeLens;
import org.eclipse.lsp4j.Command;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticSeverity;

/**
 * A policy test file ({@code *.iamtest.json}) in an editor: a diagnostic for each mistake and each
 * failing case, and a code lens with each case's decision.
 */
final class PolicyTestMapper {
  /** The code of a mistake in the test file, or of a policy file it names that cannot be used. */
  static final String INVALID = "POLICY_TEST_INVALID";

  /** The code of a case whose decision is not the expected one. */
  static final String FAILED = "POLICY_TEST_FAILED";

  private PolicyTestMapper() {}

  static List<Diagnostic> diagnostics(DocumentSnapshot.PolicyTests tests, LineIndex lines) {
    List<Diagnostic> out = new ArrayList<>();
    for (PolicyTestFile.Problem p : tests.file().problems()) {
      out.add(diagnostic(lines, p.offset(), p.offset() + p.length(), INVALID, p.message()));
    }
    for (Outcome o : tests.outcomes()) {
      if (!o.passed()) {
        PolicyTestFile.Case c = o.testCase();
        out.add(
            diagnostic(lines, c.offset(), c.end(), FAILED, "\"" + c.name() + "\": " + o.failure()));
      }
    }
    return out;
  }

  /** "Allowed ✓", or "ExplicitDeny ✗ expected Allowed", over each case's name. */
  static List<CodeLens> codeLenses(DocumentSnapshot.PolicyTests tests, LineIndex lines) {
    List<CodeLens> out = new ArrayList<>();
    for (Outcome o : tests.outcomes()) {
      PolicyTestFile.Case c = o.testCase();
      String title =
          o.passed()
              ? o.decision() + " ✓"
              : o.problem() != null
                  ? "? " + o.problem()
                  : o.decision() + " ✗ expected " + c.expect();
      out.add(
          new CodeLens(Positions.range(lines, c.offset(), c.end()), new Command(title, ""), null));
    }
    return out;
  }

  private static Diagnostic diagnostic(
      LineIndex lines, int start, int end, String code, String message) {
    Diagnostic d = new Diagnostic();
    d.setRange(Positions.range(lines, start, end));
    d.setSeverity(DiagnosticSeverity.Error);
    d.setCode(code);
    d.setSource(DiagnosticMapper.SOURCE);
    d.setMessage(message);
    return d;
  }
}
