package dev.iampolicyls.checks;

import dev.iampolicyls.policy.Statement;

/** Resource-based and trust policies say who they apply to in every statement. */
final class MissingPrincipalCheck extends PolicyCheck {
  MissingPrincipalCheck() {
    super(CheckCode.MISSING_PRINCIPAL);
  }

  @Override
  public void run(CheckContext context) {
    if (!context.policyType().isResourceBased()) {
      return;
    }
    for (Statement s : context.policy().statements()) {
      if (s.principal().isEmpty() && s.notPrincipal().isEmpty()) {
        context.reportMissing(
            this,
            s.node(),
            "Add a Principal element to "
                + s.label()
                + ": this kind of policy needs one in every statement");
      }
    }
  }
}
