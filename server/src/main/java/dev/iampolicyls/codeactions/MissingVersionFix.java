package dev.iampolicyls.codeactions;

import dev.iampolicyls.checks.CheckCode;
import dev.iampolicyls.checks.Finding;
import dev.iampolicyls.syntax.ObjectNode;
import java.util.List;
import java.util.Set;

/**
 * MISSING_VERSION: inserts "Version": "2012-10-17" as the first member, in the document's style.
 */
final class MissingVersionFix implements QuickFix {
  @Override
  public Set<CheckCode> codes() {
    return Set.of(CheckCode.MISSING_VERSION);
  }

  @Override
  public void offer(FixContext ctx, Finding finding, List<PolicyCodeAction> out) {
    ObjectNode root = ctx.policy().root().orElse(null);
    if (root == null || root.offset() != finding.offset()) {
      return;
    }
    TextEdit edit = ctx.edits().prependMember(root, EditWriter.Member.of("Version", "2012-10-17"));
    out.add(QuickFix.fix("Add \"Version\": \"2012-10-17\"", finding, edit));
  }
}
