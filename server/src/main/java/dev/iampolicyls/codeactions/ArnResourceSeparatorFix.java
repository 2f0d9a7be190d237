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
                          title(ctx, node, arn), finding, ctx.edits().replaceString(node, arn))));
          return;
        }
      }
    }
  }

  /**
   * The whole ARN, or in a template value with references ({@code !Sub}) only its last part as
   * written there: the value read has stand-ins ({@code aws}, {@code us-east-1}) for them.
   */
  private static String title(FixContext ctx, StringNode node, String arn) {
    if (ctx.edits().writesWholeValue(node)) {
      return "Change to \"" + arn + "\"";
    }
    String old = node.value();
    int from = Math.max(old.lastIndexOf(':', firstDifference(old, arn) - 1), 0);
    return "Change \"" + old.substring(from + 1) + "\" to \"" + arn.substring(from + 1) + "\"";
  }

  private static int firstDifference(String a, String b) {
    int i = 0;
    while (i < a.length() && i < b.length() && a.charAt(i) == b.charAt(i)) {
      i++;
    }
    return i;
  }
}
