package dev.iampolicyls.checks;

import dev.iampolicyls.policy.PolicyVariables.Problem;
import dev.iampolicyls.policy.PolicyVariables.Variable;

/** A variable's default value not wrapped in single quotes. */
final class MissingQuoteInVariableCheck extends VariableSyntaxCheck {
  MissingQuoteInVariableCheck() {
    super(CheckCode.MISSING_QUOTE_IN_VARIABLE, Problem.MISSING_QUOTE);
  }

  @Override
  String message(Variable variable, String text) {
    return "The default value in '"
        + text
        + "' must begin and end with a single quote, as in ${"
        + variable.name()
        + ", 'default'}";
  }
}
