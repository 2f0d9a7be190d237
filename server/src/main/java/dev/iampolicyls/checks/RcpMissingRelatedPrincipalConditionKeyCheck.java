package dev.iampolicyls.checks;

import dev.iampolicyls.policy.ConditionEntry;
import dev.iampolicyls.policy.ConditionOperator;
import dev.iampolicyls.policy.Statement;
import java.util.List;

/**
 * An RCP Deny keyed on who the principal is (aws:PrincipalOrgID, aws:PrincipalAccount...) also
 * denies AWS service principals, which carry none of those keys, unless the statement adds {@code
 * "BoolIfExists": {"aws:PrincipalIsAWSService": "false"}}.
 */
final class RcpMissingRelatedPrincipalConditionKeyCheck extends PolicyCheck {
  static final List<String> PRINCIPAL_KEYS =
      List.of(
          "aws:PrincipalOrgID",
          "aws:PrincipalOrgPaths",
          "aws:PrincipalAccount",
          "aws:PrincipalArn");

  RcpMissingRelatedPrincipalConditionKeyCheck() {
    super(CheckCode.RCP_MISSING_RELATED_PRINCIPAL_CONDITION_KEY);
  }

  @Override
  public void run(CheckContext context) {
    for (Statement s : context.policy().statements()) {
      if (!RcpConditions.applies(context, s)
          || RcpConditions.tests(
              s, ConditionOperator.Base.Bool, "aws:PrincipalIsAWSService", "false")) {
        continue;
      }
      for (ConditionEntry e : s.conditionEntries()) {
        if (isPrincipalKey(e) && RcpConditions.trueWhenAbsent(e)) {
          context.report(
              this,
              e.keyProperty().key(),
              "This Deny on "
                  + e.key()
                  + " also denies AWS services acting for you, which have no such key: add"
                  + " \"BoolIfExists\": {\"aws:PrincipalIsAWSService\": \"false\"} to its Condition");
        }
      }
    }
  }

  private static boolean isPrincipalKey(ConditionEntry e) {
    return PRINCIPAL_KEYS.stream().anyMatch(k -> RcpConditions.keyIs(e, k))
        || RcpConditions.keyStartsWith(e, "aws:PrincipalTag/");
  }
}
