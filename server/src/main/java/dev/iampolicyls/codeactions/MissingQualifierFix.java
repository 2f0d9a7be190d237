package dev.iampolicyls.codeactions;

import dev.iampolicyls.checks.CheckCode;
import dev.iampolicyls.checks.Finding;
import dev.iampolicyls.policy.ConditionEntry;
import dev.iampolicyls.policy.ConditionOperator.Qualifier;
import dev.iampolicyls.syntax.ObjectNode;
import dev.iampolicyls.syntax.StringNode;
import java.util.List;
import java.util.Set;

/** MISSING_QUALIFIER: prefixes the operator with ForAnyValue: or ForAllValues:. */
final class MissingQualifierFix implements QuickFix {
  @Override
  public Set<CheckCode> codes() {
    return Set.of(CheckCode.MISSING_QUALIFIER);
  }

  @Override
  public void offer(FixContext ctx, Finding finding, List<PolicyCodeAction> out) {
    ConditionEntry entry = Conditions.entryWithKeyAt(ctx.policy(), finding.offset());
    if (entry == null || !(entry.operatorProperty().parent() instanceof ObjectNode condition)) {
      return;
    }
    StringNode operator = entry.operatorProperty().key();
    for (Qualifier q : List.of(Qualifier.FOR_ANY_VALUE, Qualifier.FOR_ALL_VALUES)) {
      String qualified = q.prefix() + operator.value();
      if (condition.property(qualified).isPresent()) {
        continue; // would duplicate an operator the block already has
      }
      out.add(
          QuickFix.fix(
              "Change the operator to " + qualified,
              finding,
              ctx.edits().insertInString(operator, 0, q.prefix())));
    }
  }
}
