package dev.iampolicyls.checks;

import dev.iampolicyls.policy.PolicyType;
import dev.iampolicyls.policy.Statement;

/** RCPs list the actions they restrict: NotAction is not supported. */
final class RcpSyntaxErrorNotActionCheck extends PolicyCheck {
  RcpSyntaxErrorNotActionCheck() {
    super(CheckCode.RCP_SYNTAX_ERROR_NOTACTION);
  }

  @Override
  public void run(CheckContext context) {
    if (context.policyType() != PolicyType.RESOURCE_CONTROL_POLICY) {
      return;
    }
    for (Statement s : context.policy().statements()) {
      s.notAction()
          .ifPresent(
              p ->
                  context.report(
                      this,
                      p.key(),
                      "RCPs do not support NotAction: list the actions to restrict in Action"));
    }
  }
}
