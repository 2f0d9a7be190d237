package dev.iampolicyls.checks;

import dev.iampolicyls.policy.PolicyVariables;
import dev.iampolicyls.policy.PolicyVariables.Problem;
import dev.iampolicyls.policy.PolicyVariables.Variable;

/**
 * A policy variable in a policy without {@code "Version": "2012-10-17"}: the 2008-10-17 language
 * (also what a missing Version means) matches the variable's text literally.
 */
final class VariableUnsupportedInVersionCheck extends PolicyCheck {
  VariableUnsupportedInVersionCheck() {
    super(CheckCode.VARIABLE_UNSUPPORTED_IN_VERSION);
  }

  @Override
  public void run(CheckContext context) {
    if (!VariableSites.versionTreatsVariablesAsText(context.policy())) {
      return;
    }
    for (VariableSites.Site site : VariableSites.of(context)) {
      if (site.kind() == VariableSites.Kind.UNSUPPORTED_ELEMENT) {
        continue;
      }
      String value = site.node().value();
      for (Variable v : PolicyVariables.scan(value)) {
        if (v.problem() != Problem.NONE) {
          continue;
        }
        String text = value.substring(v.start(), v.end());
        StringParts.report(
            context,
            this,
            site.node(),
            v.start(),
            v.length(),
            "Without \"Version\": \"2012-10-17\" the variable '"
                + text
                + "' is matched as literal text: set the policy Version to 2012-10-17");
      }
    }
  }
}
