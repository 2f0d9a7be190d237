package dev.iampolicyls.checks;

import dev.iampolicyls.policy.PolicyType;
import dev.iampolicyls.policy.Statement;
import dev.iampolicyls.policy.StringElement;
import dev.iampolicyls.syntax.PropertyNode;

/**
 * RCPs deny; the only Allow they accept is the blanket one of RCPFullAWSAccess: every principal,
 * every resource, no condition. Anything narrower in an Allow statement is reported where it is. (A
 * Principal other than "*" is RCP_SYNTAX_ERROR_PRINCIPAL's, whatever the effect.)
 */
final class RcpSyntaxErrorAllowCheck extends PolicyCheck {
  RcpSyntaxErrorAllowCheck() {
    super(CheckCode.RCP_SYNTAX_ERROR_ALLOW);
  }

  @Override
  public void run(CheckContext context) {
    if (context.policyType() != PolicyType.RESOURCE_CONTROL_POLICY) {
      return;
    }
    for (Statement s : context.policy().statements()) {
      if (!s.isAllow()) {
        continue;
      }
      s.condition().ifPresent(c -> report(context, c, "remove the Condition"));
      s.notResource().ifPresent(r -> report(context, r, "use \"Resource\": \"*\""));
      if (s.resource().isPresent()) {
        for (StringElement r : s.resources()) {
          if (!r.value().equals("*")) {
            context.report(
                this,
                r.node(),
                "An Allow statement in an RCP must cover all resources: use \"Resource\": \"*\""
                    + " instead of \""
                    + r.value()
                    + "\", or make the statement a Deny");
          }
        }
      }
    }
  }

  private void report(CheckContext context, PropertyNode p, String fix) {
    context.report(
        this,
        p.key(),
        "An Allow statement in an RCP must cover all principals and resources without"
            + " conditions: "
            + fix
            + ", or make the statement a Deny");
  }
}
