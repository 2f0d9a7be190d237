package dev.iampolicyls.checks;

import dev.iampolicyls.policy.PolicyVariables.Problem;
import dev.iampolicyls.policy.PolicyVariables.Variable;

/** {@code ${}} with no variable name between the braces. */
final class EmptyVariableCheck extends VariableSyntaxCheck {
  EmptyVariableCheck() {
    super(CheckCode.EMPTY_VARIABLE, Problem.EMPTY);
  }

  @Override
  String message(Variable variable, String text) {
    return "The policy variable '"
        + text
        + "' is empty: put a variable name such as aws:username between the braces, or remove it";
  }
}
