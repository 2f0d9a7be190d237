package dev.iampolicyls.checks;

import dev.iampolicyls.policy.Statement;

/** Every statement needs Action or NotAction. */
final class MissingActionCheck extends PolicyCheck {
  MissingActionCheck() {
    super("MISSING_ACTION", FindingType.ERROR);
  }

  @Override
  public void run(CheckContext context) {
    for (Statement s : context.policy().statements()) {
      if (s.actionOrNotAction().isEmpty()) {
        int[] at = Nodes.openingBrace(s.node());
        context.report(
            this,
            at[0],
            at[1],
            s.node().path(),
            "Add an Action or NotAction element to " + s.label());
      }
    }
  }
}
