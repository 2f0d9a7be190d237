package dev.iampolicyls.checks;

import dev.iampolicyls.policy.PolicyType;
import dev.iampolicyls.policy.Statement;

/** Allow with NotPrincipal grants everyone else, anonymous users included. */
final class AllowWithNotPrincipalCheck extends PolicyCheck {
  AllowWithNotPrincipalCheck() {
    super(CheckCode.ALLOW_WITH_NOT_PRINCIPAL);
  }

  @Override
  public void run(CheckContext context) {
    // In a trust policy NotPrincipal is an error of its own.
    if (context.policyType() != PolicyType.RESOURCE_POLICY) {
      return;
    }
    for (Statement s : context.policy().statements()) {
      if (s.isAllow() && s.notPrincipal().isPresent()) {
        context.report(
            this,
            s.notPrincipal().get().key(),
            "Allow with NotPrincipal grants access to every principal not listed, anonymous"
                + " users included: list who needs access under Principal instead, or use"
                + " NotPrincipal only in a Deny statement");
      }
    }
  }
}
