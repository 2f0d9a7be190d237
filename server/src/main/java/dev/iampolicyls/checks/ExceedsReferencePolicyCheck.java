package dev.iampolicyls.checks;

import dev.iampolicyls.compare.Comparison;
import dev.iampolicyls.compare.NewAccess;
import dev.iampolicyls.compare.PolicyComparison;
import dev.iampolicyls.compare.Verdict;
import dev.iampolicyls.config.ReferencePolicy;
import dev.iampolicyls.policy.Statement;
import java.util.HashMap;
import java.util.Map;

/**
 * An Allow statement that grants access a reference policy of the configuration does not: the
 * comparison (see {@link PolicyComparison#exceedingStatements}) finds a request the statement lets
 * through, no Deny of the policy stops and the reference denies, confirmed by the evaluator, and
 * the message gives the first it finds. When the comparison cannot decide, {@link
 * ReferencePolicyUndecidedCheck} says so instead.
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
      // Each statement with the first witness that names it.
      Map<String, NewAccess> byStatement = new HashMap<>();
      for (NewAccess n : comparison.newAccess()) {
        for (String path : n.newStatements()) {
          byStatement.putIfAbsent(path, n);
        }
      }
      for (Statement s : context.policy().statements()) {
        NewAccess access = byStatement.get(PolicyComparison.path(s));
        if (access != null) {
          context.reportMissing(this, s.node(), message(reference, access));
        }
      }
    }
  }

  private static String message(ReferencePolicy reference, NewAccess access) {
    return "Grants "
        + access.sentence()
        + ", which "
        + ReferenceComparisons.describe(reference)
        + " does not.";
  }
}
