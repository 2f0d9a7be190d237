package dev.iampolicyls.checks;

import dev.iampolicyls.policy.PolicyType;
import dev.iampolicyls.policy.Statement;

/** A role trust policy applies to its role: it takes no Resource or NotResource. */
final class TrustPolicyResourceCheck extends PolicyCheck {
  TrustPolicyResourceCheck() {
    super(CheckCode.ROLE_TRUST_POLICY_SYNTAX_ERROR_RESOURCE);
  }

  @Override
  public void run(CheckContext context) {
    if (context.policyType() != PolicyType.TRUST_POLICY) {
      return;
    }
    for (Statement s : context.policy().statements()) {
      s.resourceOrNotResource()
          .ifPresent(
              r ->
                  context.report(
                      this,
                      r.key(),
                      "A role trust policy applies to the role it is attached to: remove "
                          + r.name()));
    }
  }
}
