package dev.iampolicyls.checks.conditions;

import dev.iampolicyls.checks.CheckCode;
import dev.iampolicyls.checks.CheckContext;
import dev.iampolicyls.checks.PolicyCheck;
import dev.iampolicyls.policy.ConditionOperator;
import dev.iampolicyls.policy.Statement;
import dev.iampolicyls.syntax.ObjectNode;
import dev.iampolicyls.syntax.PropertyNode;

/** {@code NullIfExists}: Null already tests whether the key exists, so the suffix is refused. */
public final class NullWithIfExistsCheck extends PolicyCheck {
  public NullWithIfExistsCheck() {
    super(CheckCode.NULL_WITH_IF_EXISTS);
  }

  @Override
  public void run(CheckContext context) {
    for (Statement s : context.policy().statements()) {
      if (s.condition().map(PropertyNode::value).orElse(null) instanceof ObjectNode block) {
        for (PropertyNode operator : block.properties()) {
          ConditionOperator.parse(operator.name())
              .filter(o -> o.base() == ConditionOperator.Base.Null && o.ifExists())
              .ifPresent(
                  o ->
                      context.report(
                          this,
                          operator.key(),
                          "The Null operator cannot take the IfExists suffix: write "
                              + o.qualifier().prefix()
                              + "Null"));
        }
      }
    }
  }
}
