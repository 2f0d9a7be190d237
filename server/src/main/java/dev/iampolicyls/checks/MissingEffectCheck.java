package dev.iampolicyls.checks;

import dev.iampolicyls.policy.Statement;

/** Every statement needs an Effect. */
final class MissingEffectCheck extends PolicyCheck {
  MissingEffectCheck() {
    super(CheckCode.MISSING_EFFECT);
  }

  @Override
  public void run(CheckContext context) {
    for (Statement s : context.policy().statements()) {
      if (s.effect().isEmpty()) {
        context.reportMissing(
            this, s.node(), "Add \"Effect\": \"Allow\" or \"Deny\" to " + s.label());
      }
    }
  }
}
