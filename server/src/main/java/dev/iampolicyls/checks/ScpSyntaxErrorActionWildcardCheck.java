package dev.iampolicyls.checks;

import dev.iampolicyls.policy.PolicyType;
import dev.iampolicyls.policy.Statement;
import dev.iampolicyls.policy.StringElement;

/**
 * An action with a wildcard anywhere but at its end ({@code s3:*Object}), in a resource control
 * policy. RCPs accept wildcards only at the end of an action. SCPs had the same rule until AWS
 * Organizations gave them the full IAM policy language in September 2025, so SCPs are no longer
 * held to it; Access Analyzer has no RCP-specific code for this, and this is the code it names the
 * rule by.
 */
final class ScpSyntaxErrorActionWildcardCheck extends PolicyCheck {
  ScpSyntaxErrorActionWildcardCheck() {
    super(CheckCode.SCP_SYNTAX_ERROR_ACTION_WILDCARD);
  }

  @Override
  public void run(CheckContext context) {
    if (context.policyType() != PolicyType.RESOURCE_CONTROL_POLICY) {
      return;
    }
    for (Statement s : context.policy().statements()) {
      for (StringElement action : s.actions()) {
        if (hasInnerWildcard(action.value())) {
          context.report(
              this,
              action.node(),
              "RCP actions may end with * but have no other wildcard: replace \""
                  + action.value()
                  + "\" with the actions it means, listed one by one, or a trailing *");
        }
      }
    }
  }

  static boolean hasInnerWildcard(String action) {
    int star = action.indexOf('*');
    return action.indexOf('?') >= 0 || (star >= 0 && star < action.length() - 1);
  }
}
