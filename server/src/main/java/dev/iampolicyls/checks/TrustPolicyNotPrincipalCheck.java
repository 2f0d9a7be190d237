package dev.iampolicyls.checks;

import dev.iampolicyls.policy.PolicyType;
import dev.iampolicyls.policy.Statement;

/** Role trust policies name who may assume the role; they do not support NotPrincipal. */
final class TrustPolicyNotPrincipalCheck extends PolicyCheck {
  TrustPolicyNotPrincipalCheck() {
    super(CheckCode.ROLE_TRUST_POLICY_SYNTAX_ERROR_NOTPRINCIPAL);
  }

  @Override
  public void run(CheckContext context) {
    if (context.policyType() != PolicyType.TRUST_POLICY) {
      return;
    }
    for (Statement s : context.policy().statements()) {
      s.notPrincipal()
          .ifPresent(
              p ->
                  context.report(
                      this,
                      p.key(),
                      "Role trust policies do not support NotPrincipal: name who may assume the"
                          + " role in a Principal element"));
    }
  }
}
