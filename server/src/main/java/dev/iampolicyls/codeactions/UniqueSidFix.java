package dev.iampolicyls.codeactions;

import dev.iampolicyls.checks.CheckCode;
import dev.iampolicyls.checks.Finding;
import dev.iampolicyls.policy.Statement;
import dev.iampolicyls.syntax.StringNode;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** UNIQUE_SIDS_REQUIRED: renames the repeated Sid to the first free one with a number after it. */
final class UniqueSidFix implements QuickFix {
  @Override
  public Set<CheckCode> codes() {
    return Set.of(CheckCode.UNIQUE_SIDS_REQUIRED);
  }

  @Override
  public void offer(FixContext ctx, Finding finding, List<PolicyCodeAction> out) {
    if (!(ctx.nodeOf(finding) instanceof StringNode sid)) {
      return;
    }
    Set<String> taken = new HashSet<>();
    for (Statement s : ctx.policy().statements()) {
      s.sidValue().ifPresent(taken::add);
    }
    String base = sid.value().replaceFirst("[0-9]+$", "");
    int n = 2;
    while (taken.contains(base + n)) {
      n++;
    }
    String unique = base + n;
    out.add(
        QuickFix.fix(
            "Rename the Sid to \"" + unique + "\"",
            finding,
            ctx.edits().replaceString(sid, unique)));
  }
}
