package dev.iampolicyls.codeactions;

import dev.iampolicyls.checks.CheckCode;
import dev.iampolicyls.checks.Finding;
import dev.iampolicyls.checks.NearestArnFormats;
import dev.iampolicyls.policy.Statement;
import dev.iampolicyls.policy.StringElement;
import dev.iampolicyls.syntax.StringNode;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * INVALID_ARN_RESOURCE where only the separator between resource type and name is wrong: the ARN as
 * the nearest format writes it ({@code function/*} becomes {@code function:*}).
 */
final class ArnResourceSeparatorFix implements QuickFix {
  @Override
  public Set<CheckCode> codes() {
    return Set.of(CheckCode.INVALID_ARN_RESOURCE);
  }

  @Override
  public void offer(FixContext ctx, Finding finding, List<PolicyCodeAction> out) {
    if (!(ctx.nodeOf(finding) instanceof StringNode node)) {
      return;
    }
    for (Statement s : ctx.policy().statements()) {
      for (StringElement e : s.resources()) {
        if (e.node() == node) {
          Optional<String> corrected = NearestArnFormats.corrected(node.value(), s, ctx.catalog());
          corrected.ifPresent(
              arn ->
                  out.add(
                      QuickFix.fix(
                          "Change to \"" + arn + "\"",
                          finding,
                          ctx.edits().replaceString(node, arn))));
          return;
        }
      }
    }
  }
}
