package dev.iampolicyls.checks;

import dev.iampolicyls.policy.PolicyType;
import dev.iampolicyls.policy.Statement;
import dev.iampolicyls.syntax.JsonNode;
import dev.iampolicyls.syntax.ObjectNode;
import dev.iampolicyls.syntax.PropertyNode;
import dev.iampolicyls.syntax.StringNode;

/**
 * RCPs apply to every principal and narrow them with conditions: Principal must be "*" and
 * NotPrincipal is not supported.
 */
final class RcpSyntaxErrorPrincipalCheck extends PolicyCheck {
  RcpSyntaxErrorPrincipalCheck() {
    super(CheckCode.RCP_SYNTAX_ERROR_PRINCIPAL);
  }

  @Override
  public void run(CheckContext context) {
    if (context.policyType() != PolicyType.RESOURCE_CONTROL_POLICY) {
      return;
    }
    for (Statement s : context.policy().statements()) {
      s.notPrincipal()
          .ifPresent(
              p ->
                  context.report(
                      this,
                      p.key(),
                      "RCPs do not support NotPrincipal: use \"Principal\": \"*\" and a condition"
                          + " on the principal (aws:PrincipalArn, aws:PrincipalOrgID...)"));
      s.principal()
          .map(PropertyNode::value)
          .filter(v -> !isEveryone(v))
          .ifPresent(
              v ->
                  context.report(
                      this,
                      v,
                      "RCPs apply to all principals: write \"Principal\": \"*\" and narrow it with"
                          + " a condition on the principal (aws:PrincipalArn, aws:PrincipalOrgID...)"));
    }
  }

  /** "*", or its long form {"AWS": "*"}, which IAM reads the same. */
  static boolean isEveryone(JsonNode value) {
    if (value instanceof StringNode s) {
      return s.value().equals("*");
    }
    return value instanceof ObjectNode o
        && o.properties().size() == 1
        && o.properties().get(0).name().equals("AWS")
        && o.properties().get(0).value() instanceof StringNode s
        && s.value().equals("*");
  }
}
