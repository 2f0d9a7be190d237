package dev.iampolicyls.checks;

import dev.iampolicyls.policy.PolicyVariables;
import dev.iampolicyls.policy.PolicyVariables.Variable;

/**
 * A policy variable in Action, NotAction, Principal or NotPrincipal: IAM resolves variables only in
 * Resource and in condition values, so elsewhere the text is matched literally.
 */
final class VariableUnsupportedInElementCheck extends PolicyCheck {
  VariableUnsupportedInElementCheck() {
    super(CheckCode.VARIABLE_UNSUPPORTED_IN_ELEMENT);
  }

  @Override
  public void run(CheckContext context) {
    if (!VariableSites.versionResolvesVariables(context.policy())) {
      return;
    }
    for (VariableSites.Site site : VariableSites.of(context)) {
      if (site.kind() != VariableSites.Kind.UNSUPPORTED_ELEMENT) {
        continue;
      }
      String value = site.node().value();
      for (Variable v : PolicyVariables.scan(value)) {
        String text = value.substring(v.start(), v.end());
        StringParts.report(
            context,
            this,
            site.node(),
            v.start(),
            v.length(),
            "Policy variables work only in the Resource and Condition elements: remove '"
                + text
                + "' from "
                + site.element());
      }
    }
  }
}
