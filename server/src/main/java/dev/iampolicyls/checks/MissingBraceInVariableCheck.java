package dev.iampolicyls.checks;

import dev.iampolicyls.policy.PolicyVariables.Problem;
import dev.iampolicyls.policy.PolicyVariables.Variable;

/** A policy variable without its closing brace: IAM does not resolve it. */
final class MissingBraceInVariableCheck extends VariableSyntaxCheck {
  MissingBraceInVariableCheck() {
    super(CheckCode.MISSING_BRACE_IN_VARIABLE, Problem.MISSING_BRACE);
  }

  @Override
  String message(Variable variable, String text) {
    return "The policy variable '" + text + "' has no closing brace: add } after the variable name";
  }
}
