package dev.iampolicyls.checks.conditions;

import dev.iampolicyls.checks.CheckCode;
import dev.iampolicyls.checks.CheckContext;
import dev.iampolicyls.checks.PolicyCheck;

/** A condition key that is not service:name (no colon, an empty part, or spaces). */
public final class InvalidConditionKeyFormatCheck extends PolicyCheck {
  public InvalidConditionKeyFormatCheck() {
    super(CheckCode.INVALID_CONDITION_KEY_FORMAT);
  }

  @Override
  public void run(CheckContext context) {
    for (KeyTest t : KeyTest.all(context)) {
      if (!ConditionKeys.isWellFormed(t.key())) {
        context.report(
            this,
            t.keyNode(),
            "\""
                + t.key()
                + "\" is not a condition key: write it as service:name, without spaces, e.g."
                + " aws:SourceIp or s3:prefix");
      }
    }
  }
}
