package dev.iampolicyls.checks;

import dev.iampolicyls.policy.ConditionEntry;
import dev.iampolicyls.policy.ConditionOperator.Qualifier;
import dev.iampolicyls.policy.Statement;

/**
 * ForAllValues on an audience (aud) claim fits only a provider whose tokens carry several
 * audiences; for the usual single audience it should have no qualifier. Only the provider knows, so
 * this asks to confirm.
 */
final class ConfirmAudienceClaimTypeCheck extends PolicyCheck {
  ConfirmAudienceClaimTypeCheck() {
    super(CheckCode.CONFIRM_AUDIENCE_CLAIM_TYPE);
  }

  @Override
  public void run(CheckContext context) {
    for (Statement s : context.policy().statements()) {
      for (ConditionEntry c : s.conditionEntries()) {
        if (OidcConditions.isAudienceKey(c.key())
            && OidcConditions.qualifier(c).filter(q -> q == Qualifier.FOR_ALL_VALUES).isPresent()) {
          context.report(
              this,
              c.keyProperty().key(),
              "The audience claim "
                  + c.key()
                  + " names who the token is for and is usually single-valued: unless your"
                  + " provider issues several audiences, remove ForAllValues: from "
                  + c.operatorText());
        }
      }
    }
  }
}
