package dev.iampolicyls.checks.conditions;

import dev.iampolicyls.checks.CheckCode;
import dev.iampolicyls.checks.CheckContext;
import dev.iampolicyls.checks.PolicyCheck;
import dev.iampolicyls.policy.Statement;
import dev.iampolicyls.syntax.ObjectNode;
import dev.iampolicyls.syntax.PropertyNode;

/** An empty Condition block, or an operator with no keys: it tests nothing. */
public final class EmptyObjectConditionCheck extends PolicyCheck {
  public EmptyObjectConditionCheck() {
    super(CheckCode.EMPTY_OBJECT_CONDITION);
  }

  @Override
  public void run(CheckContext context) {
    for (Statement s : context.policy().statements()) {
      if (!(s.condition().map(PropertyNode::value).orElse(null) instanceof ObjectNode block)) {
        continue;
      }
      if (block.properties().isEmpty()) {
        context.report(
            this, block, "This Condition block is empty: add conditions or remove the element");
        continue;
      }
      for (PropertyNode operator : block.properties()) {
        if (operator.value() instanceof ObjectNode keys && keys.properties().isEmpty()) {
          context.report(
              this,
              keys,
              operator.name() + " has no condition keys: add a key and values or remove it");
        }
      }
    }
  }
}
