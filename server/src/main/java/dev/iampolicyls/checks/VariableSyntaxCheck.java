package dev.iampolicyls.checks;

import dev.iampolicyls.policy.PolicyVariables;
import dev.iampolicyls.policy.PolicyVariables.Problem;
import dev.iampolicyls.policy.PolicyVariables.Variable;

/**
 * The shared walk of the variable syntax checks: in a policy whose Version resolves variables, each
 * variable of a Resource or String/ARN condition value with this check's problem is reported on the
 * variable's own text.
 */
abstract class VariableSyntaxCheck extends PolicyCheck {
  private final Problem problem;

  VariableSyntaxCheck(CheckCode code, Problem problem) {
    super(code);
    this.problem = problem;
  }

  /** The message for one variable; {@code text} is the variable as written. */
  abstract String message(Variable variable, String text);

  @Override
  public void run(CheckContext context) {
    if (!VariableSites.versionResolvesVariables(context.policy())) {
      return;
    }
    for (VariableSites.Site site : VariableSites.of(context)) {
      if (site.kind() != VariableSites.Kind.RESOURCE
          && site.kind() != VariableSites.Kind.STRING_CONDITION_VALUE) {
        continue;
      }
      String value = site.node().value();
      for (Variable v : PolicyVariables.scan(value)) {
        if (v.problem() == problem) {
          String text = value.substring(v.start(), v.end());
          StringParts.report(context, this, site.node(), v.start(), v.length(), message(v, text));
        }
      }
    }
  }
}
