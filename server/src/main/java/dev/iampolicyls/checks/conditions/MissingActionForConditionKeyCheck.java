package dev.iampolicyls.checks.conditions;

import dev.iampolicyls.checks.CheckCode;
import dev.iampolicyls.checks.CheckContext;
import dev.iampolicyls.checks.PolicyCheck;

/**
 * A service key tested in a statement none of whose actions of that service carry it: the test is
 * always false, so the statement does nothing for them. The message names actions that do.
 */
public final class MissingActionForConditionKeyCheck extends PolicyCheck {
  public MissingActionForConditionKeyCheck() {
    super(CheckCode.MISSING_ACTION_FOR_CONDITION_KEY);
  }

  @Override
  public void run(CheckContext context) {
    for (KeyTest t : KeyTest.all(context)) {
      ServiceKeyUse.of(context.catalog(), t)
          .filter(use -> !use.support().anySupported() && !use.support().unsupported().isEmpty())
          .ifPresent(
              use ->
                  context.report(
                      this,
                      t.keyNode(),
                      "No action of this statement supports "
                          + t.key()
                          + " ("
                          + KeyActionSupport.list(use.support().unsupported())
                          + "), so the condition is never true. Actions that support it: "
                          + String.join(", ", use.supportingActions())
                          + (use.moreSupportingActions() ? ", ..." : "")));
    }
  }
}
