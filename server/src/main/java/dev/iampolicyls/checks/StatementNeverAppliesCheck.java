package dev.iampolicyls.checks;

import dev.iampolicyls.grants.NeverApplies;
import dev.iampolicyls.policy.Statement;

/**
 * A statement whose Condition never holds ({@link NeverApplies}): one finding, on the test that
 * kills it. The grant analysis leaves such a statement out, so the least-privilege checks say
 * nothing about what it would have granted. When another check already reports that test as never
 * true (PRIVATE_IP_ADDRESS, MISSING_ACTION_FOR_CONDITION_KEY), it is said there only.
 */
final class StatementNeverAppliesCheck extends PolicyCheck {
  StatementNeverAppliesCheck() {
    super(CheckCode.STATEMENT_NEVER_APPLIES);
  }

  @Override
  public void run(CheckContext ctx) {
    for (Statement s : ctx.policy().statements()) {
      if (s.condition().isEmpty()) {
        continue;
      }
      NeverApplies.of(s, ctx.catalog(), ctx.clock().instant())
          .filter(NeverApplies.Reason::ownFinding)
          .ifPresent(
              r ->
                  ctx.report(
                      this,
                      r.at(),
                      "This statement never applies: "
                          + r.why()
                          + (s.isDeny() ? ". It denies nothing." : ". It grants nothing.")
                          + " Remove the statement, or correct the condition."));
    }
  }
}
