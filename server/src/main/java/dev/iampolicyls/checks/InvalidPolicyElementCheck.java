package dev.iampolicyls.checks;

import dev.iampolicyls.policy.Policy;
import dev.iampolicyls.policy.Statement;
import dev.iampolicyls.syntax.ObjectNode;
import dev.iampolicyls.syntax.PropertyNode;
import java.util.Collection;

/**
 * Element names IAM does not know, at the top level or in a statement (names are case-sensitive).
 */
final class InvalidPolicyElementCheck extends PolicyCheck {
  InvalidPolicyElementCheck() {
    super(CheckCode.INVALID_POLICY_ELEMENT);
  }

  @Override
  public void run(CheckContext context) {
    context
        .policy()
        .root()
        .ifPresent(root -> check(context, root, Policy.TOP_LEVEL_ELEMENTS, "a policy"));
    for (Statement s : context.policy().statements()) {
      check(context, s.node(), Policy.STATEMENT_ELEMENTS, "a statement");
    }
  }

  private void check(
      CheckContext context, ObjectNode object, Collection<String> known, String where) {
    for (PropertyNode p : object.properties()) {
      if (known.contains(p.name())) {
        continue;
      }
      String fix =
          known.stream()
              .filter(k -> k.equalsIgnoreCase(p.name()))
              .findFirst()
              .map(k -> " Did you mean \"" + k + "\"? Element names are case-sensitive.")
              .orElse(
                  " Known elements: " + String.join(", ", known.stream().sorted().toList()) + ".");
      context.report(
          this, p.key(), "\"" + p.name() + "\" is not an element of " + where + "." + fix);
    }
  }
}
