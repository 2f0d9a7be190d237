package dev.iampolicyls.codeactions;

import dev.iampolicyls.checks.CheckCode;
import dev.iampolicyls.checks.Finding;
import dev.iampolicyls.policy.Statement;
import java.util.List;
import java.util.Set;

/** MISSING_EFFECT: inserts "Effect": "Allow" or "Deny" as the statement's first member. */
final class MissingEffectFix implements QuickFix {
  @Override
  public Set<CheckCode> codes() {
    return Set.of(CheckCode.MISSING_EFFECT);
  }

  @Override
  public void offer(FixContext ctx, Finding finding, List<PolicyCodeAction> out) {
    for (Statement s : ctx.policy().statements()) {
      // The finding marks the statement's Sid or first line; its path names the statement.
      if (s.node().path().equals(finding.path()) && s.effect().isEmpty()) {
        for (String effect : List.of("Allow", "Deny")) {
          String member = "\"Effect\": \"" + effect + "\"";
          out.add(
              QuickFix.fix(
                  "Add " + member,
                  finding,
                  ctx.edits().prependMember(s.node(), EditWriter.Member.of("Effect", effect))));
        }
        return;
      }
    }
  }
}
