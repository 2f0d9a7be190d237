package dev.iampolicyls.checks;

import dev.iampolicyls.grants.Grant;
import dev.iampolicyls.grants.GrantAnalysis;
import java.util.BitSet;

/**
 * Actions that return credentials (access keys, tokens, passwords; {@code risk-action-sets.tsv})
 * granted on every resource. Only actions that can be scoped to resources count: the others can
 * only be granted on "*" and return the caller's own credentials. Conditions do not remove it
 * (credentials once returned leave the condition behind); the message names them.
 */
final class CredentialsExposureCheck extends EveryResourceRiskCheck {
  CredentialsExposureCheck() {
    super(CheckCode.CREDENTIALS_EXPOSURE);
  }

  @Override
  BitSet risky(GrantAnalysis analysis) {
    // An action with no resource types can only be granted on "*" and returns the caller's own
    // credentials (ecr:GetAuthorizationToken, sts:GetSessionToken): nothing to narrow.
    return LeastPrivilege.and(analysis.risks().credentials(), analysis.index().resourceLevel());
  }

  @Override
  boolean removedBy(Grant g) {
    return false;
  }

  @Override
  String message(GrantAnalysis analysis, String actions, String where) {
    return "Grants actions that return credentials "
        + where
        + ": "
        + actions
        + ". Name the resources they may be used on, or drop them if the job does not need them.";
  }
}
