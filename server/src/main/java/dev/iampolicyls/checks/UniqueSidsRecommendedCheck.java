package dev.iampolicyls.checks;

import dev.iampolicyls.syntax.StringNode;

/**
 * Two statements with the same Sid in a policy type that accepts it (resource policies, SCPs,
 * RCPs): legal, but a Sid is how people and tools point at one statement.
 */
final class UniqueSidsRecommendedCheck extends PolicyCheck {
  UniqueSidsRecommendedCheck() {
    super(CheckCode.UNIQUE_SIDS_RECOMMENDED);
  }

  @Override
  public void run(CheckContext context) {
    if (UniqueSidsRequiredCheck.required(context.policyType())) {
      return;
    }
    for (StringNode sid : UniqueSidsRequiredCheck.duplicateSids(context.policy())) {
      context.report(
          this,
          sid,
          "Sid \""
              + sid.value()
              + "\" is also used by an earlier statement: give each statement its own so each can"
              + " be told apart");
    }
  }
}
