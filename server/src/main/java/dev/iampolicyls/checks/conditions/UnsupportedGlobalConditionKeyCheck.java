package dev.iampolicyls.checks.conditions;

import dev.iampolicyls.checks.CheckCode;
import dev.iampolicyls.checks.CheckContext;
import dev.iampolicyls.checks.PolicyCheck;

/**
 * aws:ARN: it looks like a global key but no request carries it, so the test never matches. The
 * keys that do what it was meant for are aws:PrincipalArn and aws:SourceArn.
 */
public final class UnsupportedGlobalConditionKeyCheck extends PolicyCheck {
  public UnsupportedGlobalConditionKeyCheck() {
    super(CheckCode.UNSUPPORTED_GLOBAL_CONDITION_KEY);
  }

  static boolean isUnsupported(String key) {
    return key.equalsIgnoreCase("aws:ARN");
  }

  @Override
  public void run(CheckContext context) {
    for (KeyTest t : KeyTest.all(context)) {
      if (isUnsupported(t.key())) {
        context.report(
            this,
            t.keyNode(),
            t.key()
                + " is not supported: use aws:PrincipalArn for the caller's ARN or aws:SourceArn"
                + " for the resource a service acts for");
      }
    }
  }
}
