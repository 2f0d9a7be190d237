package dev.iampolicyls.checks;

import dev.iampolicyls.catalog.AccessLevel;
import dev.iampolicyls.grants.Grant;
import dev.iampolicyls.grants.GrantAnalysis;
import java.util.BitSet;

/**
 * Permissions management actions (they change who may do what: policies, grants, ACLs) granted on
 * every resource. Actions named like reads (billing:GetResourcePolicy) change nothing and do not
 * count. Conditions do not remove it: whoever holds it can still rewrite permissions of everything
 * the condition lets through; the message names them.
 */
final class PermissionsManagementCheck extends EveryResourceRiskCheck {
  PermissionsManagementCheck() {
    super(CheckCode.PERMISSIONS_MANAGEMENT);
  }

  @Override
  BitSet risky(GrantAnalysis analysis) {
    BitSet changes = (BitSet) analysis.index().level(AccessLevel.PERMISSIONS_MANAGEMENT).clone();
    changes.andNot(analysis.index().readNamed());
    return changes;
  }

  @Override
  boolean removedBy(Grant g) {
    return false;
  }

  @Override
  String message(GrantAnalysis analysis, String actions, String where) {
    return "Grants permissions management "
        + where
        + ": "
        + actions
        + ". These change who may do what; name the resources or drop the actions the job does not"
        + " need.";
  }
}
