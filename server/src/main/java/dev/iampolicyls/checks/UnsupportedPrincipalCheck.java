package dev.iampolicyls.checks;

import dev.iampolicyls.policy.PolicyType;
import dev.iampolicyls.policy.Principals;
import dev.iampolicyls.policy.Statement;
import dev.iampolicyls.syntax.PropertyNode;

/** Identity policies apply to whoever they are attached to: they cannot name a principal. */
final class UnsupportedPrincipalCheck extends PolicyCheck {
  UnsupportedPrincipalCheck() {
    super(CheckCode.UNSUPPORTED_PRINCIPAL);
  }

  @Override
  public void run(CheckContext context) {
    if (context.policyType() != PolicyType.IDENTITY_POLICY) {
      return;
    }
    for (Statement s : context.policy().statements()) {
      for (PropertyNode p : Principals.elements(s)) {
        context.report(
            this,
            p.key(),
            "An identity policy cannot have a "
                + p.name()
                + " element: remove it, or validate this as a resource or trust policy");
      }
    }
  }
}
