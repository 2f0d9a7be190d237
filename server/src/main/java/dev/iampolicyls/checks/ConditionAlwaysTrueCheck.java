package dev.iampolicyls.checks;

import dev.iampolicyls.grants.NeverApplies;
import dev.iampolicyls.policy.ConditionEntry;
import dev.iampolicyls.policy.Statement;

/**
 * A test that every request of its statement passes because its key is never there: true without
 * the key (StringNotEquals, IfExists, ForAllValues, Null true) on a service key none of the
 * statement's actions carries ({@link NeverApplies#alwaysTrueWithoutKey}). The author believes the
 * statement is restricted; it is not. One finding per such test, on its key. A statement that never
 * applies is STATEMENT_NEVER_APPLIES's alone.
 */
final class ConditionAlwaysTrueCheck extends PolicyCheck {
  ConditionAlwaysTrueCheck() {
    super(CheckCode.CONDITION_ALWAYS_TRUE);
  }

  @Override
  public void run(CheckContext ctx) {
    for (Statement s : ctx.policy().statements()) {
      if (s.condition().isEmpty()
          || NeverApplies.of(s, ctx.catalog(), ctx.clock().instant()).isPresent()) {
        continue;
      }
      for (ConditionEntry test : s.conditionEntries()) {
        NeverApplies.alwaysTrueWithoutKey(s, test, ctx.catalog())
            .ifPresent(
                why ->
                    ctx.report(
                        this,
                        test.keyProperty().key(),
                        "This test narrows nothing: "
                            + why
                            + (s.isDeny() ? ". The statement denies" : ". The statement allows")
                            + " as much as it would without the test. Test a key its actions"
                            + " carry, or remove the test."));
      }
    }
  }
}
