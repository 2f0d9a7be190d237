package dev.iampolicyls.checks;

import dev.iampolicyls.policy.PolicyType;
import dev.iampolicyls.policy.Statement;

/**
 * Every statement needs Resource or NotResource, except in role trust policies, where the role
 * itself is the resource.
 */
final class MissingResourceCheck extends PolicyCheck {
  MissingResourceCheck() {
    super(CheckCode.MISSING_RESOURCE);
  }

  @Override
  public void run(CheckContext context) {
    if (context.policyType() == PolicyType.TRUST_POLICY) {
      return;
    }
    for (Statement s : context.policy().statements()) {
      if (s.resourceOrNotResource().isEmpty()) {
        context.reportMissing(
            this, s.node(), "Add a Resource or NotResource element to " + s.label());
      }
    }
  }
}
