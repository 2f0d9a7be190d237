package dev.iampolicyls.checks;

import dev.iampolicyls.compare.Comparison;
import dev.iampolicyls.compare.Verdict;
import dev.iampolicyls.config.ReferencePolicy;
import dev.iampolicyls.syntax.ObjectNode;

/**
 * The comparison with a reference policy of the configuration could not decide whether the policy
 * stays within it (a construct the comparison does not decide exactly, or its bound reached): the
 * finding says why, on the policy, rather than a silent pass or a guess.
 */
final class ReferencePolicyUndecidedCheck extends PolicyCheck {
  ReferencePolicyUndecidedCheck() {
    super(CheckCode.REFERENCE_POLICY_UNDECIDED);
  }

  @Override
  public void run(CheckContext context) {
    ObjectNode root = context.policy().root().orElse(null);
    if (root == null) {
      return;
    }
    for (ReferencePolicy reference : context.settings().referencePolicies()) {
      Comparison comparison = ReferenceComparisons.of(context, reference);
      if (comparison.verdict() == Verdict.UNKNOWN) {
        context.reportMissing(
            this,
            root,
            "Cannot decide whether the policy stays within "
                + ReferenceComparisons.describe(reference)
                + ": "
                + String.join("; ", comparison.unknownReasons()));
      }
    }
  }
}
