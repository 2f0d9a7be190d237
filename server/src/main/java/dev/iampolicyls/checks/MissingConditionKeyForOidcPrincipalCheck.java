package dev.iampolicyls.checks;

import dev.iampolicyls.policy.PolicyType;
import dev.iampolicyls.policy.PrincipalEntry;
import dev.iampolicyls.policy.Principals;
import dev.iampolicyls.policy.Statement;

/**
 * Trusting an OIDC provider without a condition on its claims lets anyone with a token from that
 * provider (any app, any user) assume the role. GitHub has a check of its own.
 */
final class MissingConditionKeyForOidcPrincipalCheck extends PolicyCheck {
  MissingConditionKeyForOidcPrincipalCheck() {
    super(CheckCode.MISSING_CONDITION_KEY_FOR_OIDC_PRINCIPAL);
  }

  @Override
  public void run(CheckContext context) {
    if (context.policyType() != PolicyType.TRUST_POLICY) {
      return;
    }
    for (Statement s : context.policy().statements()) {
      if (!s.isAllow()) {
        continue;
      }
      for (PrincipalEntry e : Principals.of(s)) {
        if (e.isGithubProvider() || e.hasWildcard()) {
          continue;
        }
        e.oidcProvider()
            .filter(p -> OidcConditions.onProvider(s, p).isEmpty())
            .ifPresent(
                p ->
                    context.report(
                        this,
                        e.node(),
                        "Anyone with a token from "
                            + p
                            + " can assume this role: add a condition on the provider's claims,"
                            + " such as StringEquals {\""
                            + p
                            + ":aud\": \"your-client-id\"}"));
      }
    }
  }
}
