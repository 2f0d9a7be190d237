package dev.iampolicyls.checks;

import dev.iampolicyls.grants.Grant;
import dev.iampolicyls.grants.GrantAnalysis;
import dev.iampolicyls.syntax.JsonNode;

/**
 * An identity policy's Allow that grants every action on every resource: {@code "Action": "*"} (or
 * a NotAction that still grants all of IAM, which lets the holder grant itself the rest) with
 * {@code "Resource": "*"}. A Deny without condition that takes IAM actions away removes it; a
 * pinning condition does not (the message names it).
 */
final class FullAdminAccessCheck extends PolicyCheck {
  FullAdminAccessCheck() {
    super(CheckCode.FULL_ADMIN_ACCESS);
  }

  @Override
  public void run(CheckContext ctx) {
    if (!LeastPrivilege.judgesEveryResourceGrants(ctx)) {
      return;
    }
    GrantAnalysis analysis = LeastPrivilege.analysis(ctx);
    for (Grant g : analysis.allows()) {
      if (!LeastPrivilege.isFullAdmin(g, analysis.index())) {
        continue;
      }
      int token = LeastPrivilege.fullAdminToken(g);
      JsonNode at =
          token >= 0 ? g.tokens().get(token).node() : g.actionProperty().orElseThrow().key();
      String what =
          g.notAction()
              ? "NotAction with Resource \"*\" grants "
                  + g.granted().cardinality()
                  + " actions, all of IAM among them, so it can grant itself anything"
              : "This grants every action on every resource";
      ctx.report(
          this,
          at,
          what
              + ": full administrator access. Grant only the actions the job needs."
              + LeastPrivilege.notes(g, g.granted()));
    }
  }
}
