package dev.iampolicyls.checks;

import dev.iampolicyls.policy.ConditionEntry;
import dev.iampolicyls.policy.ConditionOperator;
import dev.iampolicyls.policy.Statement;

/**
 * An RCP Deny keyed on the source of a service's request also denies the service integrations that
 * send no source key at all, unless the statement requires one to be present: {@code "Null":
 * {"aws:SourceAccount": "false"}} (or aws:SourceArn).
 */
final class RcpMissingServiceConditionKeyNullCheckCheck extends PolicyCheck {
  RcpMissingServiceConditionKeyNullCheckCheck() {
    super(CheckCode.RCP_MISSING_SERVICE_CONDITION_KEY_NULL_CHECK);
  }

  @Override
  public void run(CheckContext context) {
    for (Statement s : context.policy().statements()) {
      if (!RcpConditions.applies(context, s)
          || RcpConditions.tests(s, ConditionOperator.Base.Null, "aws:SourceAccount", "false")
          || RcpConditions.tests(s, ConditionOperator.Base.Null, "aws:SourceArn", "false")) {
        continue;
      }
      for (ConditionEntry e : s.conditionEntries()) {
        if (RcpMissingRelatedServicePrincipalConditionKeyCheck.isSourceKey(e)
            && RcpConditions.trueWhenAbsent(e)) {
          context.report(
              this,
              e.keyProperty().key(),
              "Some services act for you without sending "
                  + e.key()
                  + ", and this Deny would stop them: add \"Null\": {\"aws:SourceAccount\":"
                  + " \"false\"} to its Condition so it applies only when a source is given");
        }
      }
    }
  }
}
