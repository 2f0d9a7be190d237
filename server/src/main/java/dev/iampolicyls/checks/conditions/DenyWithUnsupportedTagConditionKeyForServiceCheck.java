package dev.iampolicyls.checks.conditions;

import dev.iampolicyls.checks.CheckCode;
import dev.iampolicyls.checks.CheckContext;
import dev.iampolicyls.checks.PolicyCheck;

/**
 * A Deny conditioned on a tag key with actions that do not carry it: those actions are never
 * denied.
 */
public final class DenyWithUnsupportedTagConditionKeyForServiceCheck extends PolicyCheck {
  public DenyWithUnsupportedTagConditionKeyForServiceCheck() {
    super(CheckCode.DENY_WITH_UNSUPPORTED_TAG_CONDITION_KEY_FOR_SERVICE);
  }

  @Override
  public void run(CheckContext context) {
    for (KeyTest t : KeyTest.all(context)) {
      if (!TagKeyUse.applies(t, "Deny", false)) {
        continue;
      }
      KeyActionSupport support =
          KeyActionSupport.of(context.catalog(), t.statement().actions(), t.key(), null, false);
      if (!support.unsupported().isEmpty()) {
        context.report(
            this,
            t.keyNode(),
            "Actions of "
                + String.join(", ", support.unsupportedServices())
                + " do not support "
                + t.key()
                + ", so this statement never denies them: "
                + KeyActionSupport.list(support.unsupported())
                + ". Deny them in a statement without this condition, e.g. by resource ARN");
      }
    }
  }
}
