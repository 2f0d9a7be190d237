package dev.iampolicyls.checks;

import dev.iampolicyls.policy.PolicyType;
import dev.iampolicyls.policy.Statement;
import java.util.Optional;
import java.util.stream.Stream;

/** SCPs apply to the principals of the accounts they are attached to: they name none. */
final class ScpSyntaxErrorPrincipalCheck extends PolicyCheck {
  ScpSyntaxErrorPrincipalCheck() {
    super(CheckCode.SCP_SYNTAX_ERROR_PRINCIPAL);
  }

  @Override
  public void run(CheckContext context) {
    if (context.policyType() != PolicyType.SERVICE_CONTROL_POLICY) {
      return;
    }
    for (Statement s : context.policy().statements()) {
      Stream.of(s.principal(), s.notPrincipal())
          .flatMap(Optional::stream)
          .forEach(
              p ->
                  context.report(
                      this,
                      p.key(),
                      "SCPs cannot name principals: remove "
                          + p.name()
                          + " (to single out principals, use a condition on aws:PrincipalArn)"));
    }
  }
}
