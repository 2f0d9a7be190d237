package dev.iampolicyls.checks;

import dev.iampolicyls.policy.PolicyType;
import dev.iampolicyls.policy.Statement;
import dev.iampolicyls.syntax.StringNode;

/**
 * A role trust policy does not take the bare {@code "Principal": "*"}. ({@code {"AWS": "*"}} with a
 * condition is accepted and is left to the public-access checks.)
 */
final class TrustPolicyWildcardPrincipalCheck extends PolicyCheck {
  TrustPolicyWildcardPrincipalCheck() {
    super(CheckCode.ROLE_TRUST_POLICY_UNSUPPORTED_WILDCARD_IN_PRINCIPAL);
  }

  @Override
  public void run(CheckContext context) {
    if (context.policyType() != PolicyType.TRUST_POLICY) {
      return;
    }
    for (Statement s : context.policy().statements()) {
      if (s.principal().map(p -> p.value()).orElse(null) instanceof StringNode star
          && star.value().equals("*")) {
        context.report(
            this,
            star,
            "\"Principal\": \"*\" is not supported in a role trust policy: name the accounts,"
                + " roles, services or identity providers that may assume the role");
      }
    }
  }
}
