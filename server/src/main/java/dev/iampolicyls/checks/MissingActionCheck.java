package dev.iampolicyls.checks;

import dev.iampolicyls.policy.Statement;

/** Every statement needs Action or NotAction. */
final class MissingActionCheck extends PolicyCheck {
  MissingActionCheck() {
    super(CheckCode.MISSING_ACTION);
  }

  @Override
  public void run(CheckContext context) {
    for (Statement s : context.policy().statements()) {
      if (s.actionOrNotAction().isEmpty()) {
        context.reportMissing(this, s.node(), "Add an Action or NotAction element to " + s.label());
      }
    }
  }
}
