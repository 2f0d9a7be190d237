package dev.iampolicyls.checks;

import dev.iampolicyls.policy.Statement;

/** Every statement needs an Effect. */
final class MissingEffectCheck extends PolicyCheck {
  MissingEffectCheck() {
    super("MISSING_EFFECT", FindingType.ERROR);
  }

  @Override
  public void run(CheckContext context) {
    for (Statement s : context.policy().statements()) {
      if (s.effect().isEmpty()) {
        int[] at = Nodes.openingBrace(s.node());
        context.report(
            this,
            at[0],
            at[1],
            s.node().path(),
            "Add \"Effect\": \"Allow\" or \"Deny\" to " + s.label());
      }
    }
  }
}
