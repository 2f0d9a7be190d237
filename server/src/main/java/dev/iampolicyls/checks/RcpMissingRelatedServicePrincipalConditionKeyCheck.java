package dev.iampolicyls.checks;

import dev.iampolicyls.policy.ConditionEntry;
import dev.iampolicyls.policy.ConditionOperator;
import dev.iampolicyls.policy.Statement;
import java.util.List;

/**
 * An RCP Deny keyed on the source of a service's request (aws:SourceOrgID, aws:SourceAccount...)
 * also denies your own principals, whose requests carry no source key, unless the statement adds
 * {@code "BoolIfExists": {"aws:PrincipalIsAWSService": "true"}}.
 */
final class RcpMissingRelatedServicePrincipalConditionKeyCheck extends PolicyCheck {
  static final List<String> SOURCE_KEYS =
      List.of("aws:SourceOrgID", "aws:SourceOrgPaths", "aws:SourceAccount", "aws:SourceArn");

  RcpMissingRelatedServicePrincipalConditionKeyCheck() {
    super(CheckCode.RCP_MISSING_RELATED_SERVICE_PRINCIPAL_CONDITION_KEY);
  }

  @Override
  public void run(CheckContext context) {
    for (Statement s : context.policy().statements()) {
      if (!RcpConditions.applies(context, s)
          || RcpConditions.tests(
              s, ConditionOperator.Base.Bool, "aws:PrincipalIsAWSService", "true")) {
        continue;
      }
      for (ConditionEntry e : s.conditionEntries()) {
        if (isSourceKey(e) && RcpConditions.trueWhenAbsent(e)) {
          context.report(
              this,
              e.keyProperty().key(),
              "This Deny on "
                  + e.key()
                  + " also denies your own principals, whose requests have no such key: add"
                  + " \"BoolIfExists\": {\"aws:PrincipalIsAWSService\": \"true\"} to its Condition");
        }
      }
    }
  }

  static boolean isSourceKey(ConditionEntry e) {
    return SOURCE_KEYS.stream().anyMatch(k -> RcpConditions.keyIs(e, k));
  }
}
