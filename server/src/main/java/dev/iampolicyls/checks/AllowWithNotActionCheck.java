package dev.iampolicyls.checks;

import dev.iampolicyls.grants.Grant;
import dev.iampolicyls.grants.GrantAnalysis;

/**
 * An Allow with NotAction grants every action it does not list, also those AWS adds later. Reported
 * on the NotAction key, with the count of actions it grants today (after Deny).
 */
final class AllowWithNotActionCheck extends PolicyCheck {
  AllowWithNotActionCheck() {
    super(CheckCode.ALLOW_WITH_NOT_ACTION);
  }

  @Override
  public void run(CheckContext ctx) {
    if (!LeastPrivilege.judgesGrants(ctx)) {
      return;
    }
    GrantAnalysis analysis = LeastPrivilege.analysis(ctx);
    for (Grant g : analysis.allows()) {
      if (!g.notAction() || g.granted().isEmpty()) {
        continue;
      }
      ctx.report(
          this,
          g.actionProperty().orElseThrow().key(),
          "Allow with NotAction grants every action it does not list: "
              + g.granted().cardinality()
              + " today ("
              + analysis.index().describe(g.granted(), 3)
              + "), and every action AWS adds later. List the allowed actions in Action instead."
              + LeastPrivilege.notes(g, g.granted()));
    }
  }
}
