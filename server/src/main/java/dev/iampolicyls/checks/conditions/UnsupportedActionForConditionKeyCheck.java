package dev.iampolicyls.checks.conditions;

import dev.iampolicyls.checks.CheckCode;
import dev.iampolicyls.checks.CheckContext;
import dev.iampolicyls.checks.PolicyCheck;

/**
 * A service key tested next to actions of that service that do not carry it. For those actions the
 * key is absent, the test is false, and the statement never applies to them.
 */
public final class UnsupportedActionForConditionKeyCheck extends PolicyCheck {
  public UnsupportedActionForConditionKeyCheck() {
    super(CheckCode.UNSUPPORTED_ACTION_FOR_CONDITION_KEY);
  }

  @Override
  public void run(CheckContext context) {
    for (KeyTest t : KeyTest.all(context)) {
      ServiceKeyUse.of(context.catalog(), t)
          .filter(use -> use.support().anySupported() && !use.support().unsupported().isEmpty())
          .ifPresent(
              use ->
                  context.report(
                      this,
                      t.keyNode(),
                      "These actions do not support "
                          + t.key()
                          + ", so this statement never applies to them: "
                          + KeyActionSupport.list(use.support().unsupported())
                          + ". Move them to a statement without this condition"));
    }
  }
}
