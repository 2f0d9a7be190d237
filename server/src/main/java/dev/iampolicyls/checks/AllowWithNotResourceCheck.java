package dev.iampolicyls.checks;

import dev.iampolicyls.grants.Grant;
import dev.iampolicyls.grants.GrantAnalysis;
import dev.iampolicyls.syntax.PropertyNode;

/**
 * An Allow with NotResource reaches every resource it does not list, also resources created later
 * and in other accounts. Reported on the NotResource key.
 */
final class AllowWithNotResourceCheck extends PolicyCheck {
  AllowWithNotResourceCheck() {
    super(CheckCode.ALLOW_WITH_NOT_RESOURCE);
  }

  @Override
  public void run(CheckContext ctx) {
    if (!LeastPrivilege.judgesGrants(ctx)) {
      return;
    }
    GrantAnalysis analysis = LeastPrivilege.analysis(ctx);
    for (Grant g : analysis.allows()) {
      if (!g.notResource() || g.granted().isEmpty()) {
        continue;
      }
      PropertyNode notResource = g.statement().notResource().orElseThrow();
      ctx.report(
          this,
          notResource.key(),
          "Allow with NotResource reaches every resource it does not list, also ones created"
              + " later, for "
              + analysis.index().describe(g.granted(), 3)
              + ". List the allowed resources in Resource instead."
              + LeastPrivilege.notes(g, g.granted()));
    }
  }
}
