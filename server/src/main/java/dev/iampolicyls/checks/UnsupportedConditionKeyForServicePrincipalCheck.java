package dev.iampolicyls.checks;

import dev.iampolicyls.policy.ConditionEntry;
import dev.iampolicyls.policy.ConditionOperator;
import dev.iampolicyls.policy.PrincipalEntry;
import dev.iampolicyls.policy.Principals;
import dev.iampolicyls.policy.Statement;

/**
 * Keys about the calling IAM identity (organization, tags, user name, MFA) are absent when a
 * service principal calls, so a statement that names only services and tests them does not work as
 * intended. Null and ...IfExists tests are deliberate about absence and are left alone.
 */
final class UnsupportedConditionKeyForServicePrincipalCheck extends PolicyCheck {
  UnsupportedConditionKeyForServicePrincipalCheck() {
    super(CheckCode.UNSUPPORTED_CONDITION_KEY_FOR_SERVICE_PRINCIPAL);
  }

  @Override
  public void run(CheckContext context) {
    for (Statement s : ServicePrincipalConditions.grantsToServices(context)) {
      if (!Principals.of(s).stream().allMatch(PrincipalEntry::isService)) {
        continue; // other principals do send these keys
      }
      for (ConditionEntry c : s.conditionEntries()) {
        if (ServicePrincipalConditions.isPrincipalOnlyKey(c) && testsPresence(c)) {
          context.report(
              this,
              c.keyProperty().key(),
              c.key()
                  + " is not in the request when a service principal calls, so this condition"
                  + " does not work as intended for "
                  + ServicePrincipalConditions.services(s).get(0).value()
                  + ": remove it, or use aws:SourceAccount or aws:SourceOrgID to limit whom the"
                  + " service acts for");
        }
      }
    }
  }

  private static boolean testsPresence(ConditionEntry c) {
    return c.operator()
        .filter(o -> !o.ifExists() && o.base() != ConditionOperator.Base.Null)
        .isPresent();
  }
}
