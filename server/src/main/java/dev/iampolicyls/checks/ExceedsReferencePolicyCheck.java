package dev.iampolicyls.checks;

import dev.iampolicyls.compare.Comparison;
import dev.iampolicyls.compare.NewAccess;
import dev.iampolicyls.compare.PolicyComparison;
import dev.iampolicyls.compare.Verdict;
import dev.iampolicyls.config.ReferencePolicy;
import dev.iampolicyls.policy.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An Allow statement that grants access a reference policy of the configuration does not: the
 * comparison (see {@link PolicyComparison}) finds a request the statement lets through and the
 * reference denies, confirmed by the evaluator, and the message gives it. When the comparison
 * cannot decide, {@link ReferencePolicyUndecidedCheck} says so instead.
 */
final class ExceedsReferencePolicyCheck extends PolicyCheck {
  ExceedsReferencePolicyCheck() {
    super(CheckCode.EXCEEDS_REFERENCE_POLICY);
  }

  @Override
  public void run(CheckContext context) {
    for (ReferencePolicy reference : context.settings().referencePolicies()) {
      Comparison comparison = ReferenceComparisons.of(context, reference);
      if (comparison.verdict() != Verdict.FAIL) {
        continue;
      }
      Map<String, List<NewAccess>> byStatement = new HashMap<>();
      for (NewAccess n : comparison.newAccess()) {
        for (String path : n.newStatements()) {
          byStatement.computeIfAbsent(path, k -> new ArrayList<>()).add(n);
        }
      }
      for (Statement s : context.policy().statements()) {
        List<NewAccess> access = byStatement.get(PolicyComparison.path(s));
        if (access != null) {
          context.reportMissing(this, s.node(), message(reference, access));
        }
      }
    }
  }

  private static String message(ReferencePolicy reference, List<NewAccess> access) {
    StringBuilder m =
        new StringBuilder("Grants ")
            .append(access.get(0).sentence())
            .append(", which ")
            .append(ReferenceComparisons.describe(reference))
            .append(" does not.");
    if (access.size() > 1) {
      int others = access.size() - 1;
      m.append(" The statement grants ")
          .append(others)
          .append(others == 1 ? " other kind" : " other kinds")
          .append(" of access beyond it.");
    }
    return m.toString();
  }
}
