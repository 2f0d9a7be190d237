package dev.iampolicyls.checks;

import dev.iampolicyls.policy.PolicyType;
import dev.iampolicyls.policy.PrincipalEntry;
import dev.iampolicyls.policy.Principals;
import dev.iampolicyls.policy.Statement;

/**
 * A Federated principal in a trust policy is a SAML provider ARN, an OIDC provider ARN, or the
 * domain of a web identity provider such as cognito-identity.amazonaws.com.
 */
final class InvalidFederatedPrincipalSyntaxCheck extends PolicyCheck {
  InvalidFederatedPrincipalSyntaxCheck() {
    super(CheckCode.INVALID_FEDERATED_PRINCIPAL_SYNTAX_IN_ROLE_TRUST_POLICY);
  }

  @Override
  public void run(CheckContext context) {
    if (context.policyType() != PolicyType.TRUST_POLICY) {
      return;
    }
    for (Statement s : context.policy().statements()) {
      for (PrincipalEntry e : Principals.ofBoth(s)) {
        if (e.isFederated()
            && !e.hasWildcard()
            && !e.isSamlProvider()
            && e.oidcProvider().isEmpty()) {
          context.report(
              this,
              e.node(),
              "\""
                  + e.value()
                  + "\" is not a federated principal: use a provider ARN such as"
                  + " arn:aws:iam::123456789012:saml-provider/Name or"
                  + " arn:aws:iam::123456789012:oidc-provider/example.com, or a provider's domain"
                  + " such as cognito-identity.amazonaws.com");
        }
      }
    }
  }
}
