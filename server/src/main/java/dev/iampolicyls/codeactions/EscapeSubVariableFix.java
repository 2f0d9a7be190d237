package dev.iampolicyls.codeactions;

import dev.iampolicyls.checks.CheckCode;
import dev.iampolicyls.checks.Finding;
import java.util.List;
import java.util.Set;

/**
 * UNESCAPED_POLICY_VARIABLE_IN_SUB: writes {@code ${!aws:username}} for {@code ${aws:username}}
 * inside a template's Fn::Sub, so CloudFormation leaves IAM's variable in place.
 */
final class EscapeSubVariableFix implements QuickFix {
  @Override
  public Set<CheckCode> codes() {
    return Set.of(CheckCode.UNESCAPED_POLICY_VARIABLE_IN_SUB);
  }

  @Override
  public void offer(FixContext ctx, Finding finding, List<PolicyCodeAction> out) {
    String text = ctx.text();
    int open = finding.offset();
    if (finding.length() < 3 || !text.startsWith("${", open) || text.charAt(open + 2) == '!') {
      return;
    }
    String variable = text.substring(open, finding.end());
    out.add(
        QuickFix.fix(
            "Escape it for Fn::Sub: " + "${!" + variable.substring(2),
            finding,
            new TextEdit(open + 2, 0, "!")));
  }
}
