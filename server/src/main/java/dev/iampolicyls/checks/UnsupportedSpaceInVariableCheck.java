package dev.iampolicyls.checks;

import dev.iampolicyls.policy.PolicyVariables.Problem;
import dev.iampolicyls.policy.PolicyVariables.Variable;

/** A space in a variable's name; only the default value after ", " may hold spaces. */
final class UnsupportedSpaceInVariableCheck extends VariableSyntaxCheck {
  UnsupportedSpaceInVariableCheck() {
    super(CheckCode.UNSUPPORTED_SPACE_IN_VARIABLE, Problem.SPACE);
  }

  @Override
  String message(Variable variable, String text) {
    return "The policy variable '"
        + text
        + "' has a space in its name '"
        + variable.name()
        + "': remove the space (only a quoted default value may contain spaces)";
  }
}
