package dev.iampolicyls.checks.conditions;

import dev.iampolicyls.checks.CheckCode;
import dev.iampolicyls.checks.CheckContext;
import dev.iampolicyls.checks.PolicyCheck;

/**
 * Allow with NotAction conditioned on a tag key: the actions that do not carry the key are never
 * allowed.
 */
public final class AllowNotActionWithUnsupportedTagConditionKeyForServiceCheck extends PolicyCheck {
  public AllowNotActionWithUnsupportedTagConditionKeyForServiceCheck() {
    super(CheckCode.ALLOW_NOTACTION_WITH_UNSUPPORTED_TAG_CONDITION_KEY_FOR_SERVICE);
  }

  @Override
  public void run(CheckContext context) {
    for (KeyTest t : KeyTest.all(context)) {
      if (!TagKeyUse.applies(t, "Allow", true)) {
        continue;
      }
      context.report(
          this,
          t.keyNode(),
          "Many actions do not support "
              + t.key()
              + ", and this NotAction statement never allows them: list the actions to allow in"
              + " Action instead");
    }
  }
}
