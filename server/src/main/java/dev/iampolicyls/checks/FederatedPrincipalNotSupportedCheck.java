package dev.iampolicyls.checks;

import dev.iampolicyls.policy.PolicyType;
import dev.iampolicyls.policy.PrincipalEntry;
import dev.iampolicyls.policy.Principals;
import dev.iampolicyls.policy.Statement;
import dev.iampolicyls.syntax.PropertyNode;
import java.util.LinkedHashSet;
import java.util.Set;

/** Only role trust policies accept federated identity providers as principals. */
final class FederatedPrincipalNotSupportedCheck extends PolicyCheck {
  FederatedPrincipalNotSupportedCheck() {
    super(CheckCode.FEDERATED_PRINCIPAL_NOT_SUPPORTED);
  }

  @Override
  public void run(CheckContext context) {
    if (context.policyType() != PolicyType.RESOURCE_POLICY) {
      return;
    }
    for (Statement s : context.policy().statements()) {
      Set<PropertyNode> keys = new LinkedHashSet<>();
      for (PrincipalEntry e : Principals.ofBoth(s)) {
        if (e.isFederated()) {
          keys.add(e.keyProperty());
        }
      }
      for (PropertyNode key : keys) {
        context.report(
            this,
            key.key(),
            "Federated principals are supported only in role trust policies: name an AWS"
                + " account, role or service here, or move this statement to the role's trust"
                + " policy");
      }
    }
  }
}
