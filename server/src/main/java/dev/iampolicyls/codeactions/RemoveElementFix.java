package dev.iampolicyls.codeactions;

import dev.iampolicyls.checks.CheckCode;
import dev.iampolicyls.checks.Finding;
import dev.iampolicyls.syntax.ArrayNode;
import dev.iampolicyls.syntax.JsonNode;
import dev.iampolicyls.syntax.PropertyNode;
import dev.iampolicyls.syntax.StringNode;
import java.util.List;
import java.util.Set;

/**
 * Removes what a finding says is useless: a redundant action or resource (the array item), or an
 * empty array (the member that holds it, so no empty element is left behind).
 */
final class RemoveElementFix implements QuickFix {
  @Override
  public Set<CheckCode> codes() {
    return Set.of(
        CheckCode.REDUNDANT_ACTION,
        CheckCode.REDUNDANT_RESOURCE,
        CheckCode.EMPTY_ARRAY_ACTION,
        CheckCode.EMPTY_ARRAY_RESOURCE,
        CheckCode.EMPTY_ARRAY_PRINCIPAL,
        CheckCode.EMPTY_ARRAY_CONDITION,
        CheckCode.EMPTY_ARRAY_CONDITION_FORALLVALUES,
        CheckCode.EMPTY_ARRAY_CONDITION_FORANYVALUE,
        CheckCode.EMPTY_ARRAY_CONDITION_IFEXISTS);
  }

  @Override
  public void offer(FixContext ctx, Finding finding, List<PolicyCodeAction> out) {
    JsonNode node = ctx.nodeOf(finding);
    if (node instanceof StringNode item && item.parent() instanceof ArrayNode) {
      out.add(QuickFix.fix("Remove \"" + item.value() + "\"", finding, ctx.edits().remove(item)));
    } else if (node instanceof ArrayNode && node.parent() instanceof PropertyNode member) {
      out.add(
          QuickFix.fix(
              "Remove the empty \"" + member.name() + "\"", finding, ctx.edits().remove(member)));
    }
  }
}
