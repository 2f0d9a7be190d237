package dev.iampolicyls.checks;

import dev.iampolicyls.policy.PolicyVariables;
import dev.iampolicyls.policy.PolicyVariables.Variable;

/**
 * A policy variable in a value of a Numeric, Date, Bool, Binary, IP address or Null operator: IAM
 * resolves variables only for String and ARN operators.
 */
final class InvalidVariableForOperatorCheck extends PolicyCheck {
  InvalidVariableForOperatorCheck() {
    super(CheckCode.INVALID_VARIABLE_FOR_OPERATOR);
  }

  @Override
  public void run(CheckContext context) {
    if (!VariableSites.versionResolvesVariables(context.policy())) {
      return;
    }
    for (VariableSites.Site site : VariableSites.of(context)) {
      if (site.kind() != VariableSites.Kind.OTHER_CONDITION_VALUE) {
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
            "Policy variables work only with String and ARN operators, not with "
                + site.operator()
                + ": replace '"
                + text
                + "' with a literal value");
      }
    }
  }
}
