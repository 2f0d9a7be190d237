package dev.iampolicyls.checks.conditions;

import dev.iampolicyls.checks.CheckCode;
import dev.iampolicyls.checks.CheckContext;
import dev.iampolicyls.checks.PolicyCheck;
import dev.iampolicyls.policy.ConditionOperator;
import dev.iampolicyls.policy.Statement;
import dev.iampolicyls.syntax.ObjectNode;
import dev.iampolicyls.syntax.PropertyNode;

/**
 * {@code ForAllValues:Null} or {@code ForAnyValue:Null}: the set qualifiers make Null always true
 * or always false, so the test says nothing.
 */
public final class NullWithQualifierCheck extends PolicyCheck {
  public NullWithQualifierCheck() {
    super(CheckCode.NULL_WITH_QUALIFIER);
  }

  @Override
  public void run(CheckContext context) {
    for (Statement s : context.policy().statements()) {
      if (s.condition().map(PropertyNode::value).orElse(null) instanceof ObjectNode block) {
        for (PropertyNode operator : block.properties()) {
          ConditionOperator.parse(operator.name())
              .filter(
                  o ->
                      o.base() == ConditionOperator.Base.Null
                          && o.qualifier() != ConditionOperator.Qualifier.NONE)
              .ifPresent(
                  o ->
                      context.report(
                          this,
                          operator.key(),
                          "With "
                              + o.qualifier().prefix()
                              + " the Null operator is always "
                              + (o.qualifier() == ConditionOperator.Qualifier.FOR_ALL_VALUES
                                  ? "true"
                                  : "false")
                              + ": write plain Null to test whether the key is present"));
        }
      }
    }
  }
}
