package dev.iampolicyls.checks.conditions;

import dev.iampolicyls.checks.CheckCode;
import dev.iampolicyls.checks.CheckContext;
import dev.iampolicyls.checks.PolicyCheck;

/**
 * Deny with NotAction conditioned on a tag key: the many actions that do not carry the key are
 * never denied.
 */
public final class DenyNotActionWithUnsupportedTagConditionKeyForServiceCheck extends PolicyCheck {
  public DenyNotActionWithUnsupportedTagConditionKeyForServiceCheck() {
    super(CheckCode.DENY_NOTACTION_WITH_UNSUPPORTED_TAG_CONDITION_KEY_FOR_SERVICE);
  }

  @Override
  public void run(CheckContext context) {
    for (KeyTest t : KeyTest.all(context)) {
      if (!TagKeyUse.applies(t, "Deny", true)) {
        continue;
      }
      context.report(
          this,
          t.keyNode(),
          "Many actions do not support "
              + t.key()
              + ", and this NotAction statement never denies them: list the actions to deny in"
              + " Action instead");
    }
  }
}
