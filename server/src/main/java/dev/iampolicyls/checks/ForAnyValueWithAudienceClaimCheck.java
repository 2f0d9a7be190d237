package dev.iampolicyls.checks;

import dev.iampolicyls.policy.ConditionEntry;
import dev.iampolicyls.policy.ConditionOperator.Qualifier;
import dev.iampolicyls.policy.Statement;

/**
 * The audience (aud) claim of a web identity token is single-valued for the common providers; set
 * qualifiers are meant for multivalued keys, and ForAnyValue on a single-valued key can match more
 * requests than intended (with a negated operator, or when the claim is missing).
 */
final class ForAnyValueWithAudienceClaimCheck extends PolicyCheck {
  ForAnyValueWithAudienceClaimCheck() {
    super(CheckCode.FORANYVALUE_WITH_AUDIENCE_CLAIM_TYPE);
  }

  @Override
  public void run(CheckContext context) {
    for (Statement s : context.policy().statements()) {
      for (ConditionEntry c : s.conditionEntries()) {
        if (OidcConditions.isAudienceKey(c.key())
            && OidcConditions.qualifier(c).filter(q -> q == Qualifier.FOR_ANY_VALUE).isPresent()) {
          context.report(
              this,
              c.keyProperty().key(),
              "The audience claim "
                  + c.key()
                  + " is single-valued: remove ForAnyValue: from "
                  + c.operatorText());
        }
      }
    }
  }
}
