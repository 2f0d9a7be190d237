package dev.iampolicyls.checks;

import dev.iampolicyls.policy.PrincipalEntry;
import dev.iampolicyls.policy.Statement;

/**
 * A service granted access with no condition acts for any customer: another account could make the
 * service use this resource (the confused deputy). aws:SourceArn, aws:SourceAccount,
 * aws:SourceOrgID or aws:SourceOrgPaths pin whom it acts for.
 */
final class RestrictAccessToServicePrincipalCheck extends PolicyCheck {
  RestrictAccessToServicePrincipalCheck() {
    super(CheckCode.RESTRICT_ACCESS_TO_SERVICE_PRINCIPAL);
  }

  @Override
  public void run(CheckContext context) {
    for (Statement s : ServicePrincipalConditions.grantsToServices(context)) {
      boolean unconditioned =
          s.conditionEntries().stream().allMatch(ServicePrincipalConditions::isPrincipalOnlyKey);
      if (!unconditioned) {
        continue; // a source key, or another condition (see the recommended-key check)
      }
      for (PrincipalEntry e : ServicePrincipalConditions.services(s)) {
        context.report(
            this,
            e.node(),
            e.value()
                + " may use this access on behalf of any account: add a condition on"
                + " aws:SourceArn, aws:SourceAccount, aws:SourceOrgID or aws:SourceOrgPaths");
      }
    }
  }
}
