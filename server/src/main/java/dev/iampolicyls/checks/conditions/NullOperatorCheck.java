package dev.iampolicyls.checks.conditions;

import dev.iampolicyls.checks.CheckCode;
import dev.iampolicyls.checks.CheckContext;
import dev.iampolicyls.checks.PolicyCheck;
import dev.iampolicyls.policy.ConditionOperator;
import dev.iampolicyls.policy.Statement;
import dev.iampolicyls.syntax.ObjectNode;
import dev.iampolicyls.syntax.PropertyNode;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A Null operator written with a part it cannot take, reported on the operator. The two checks walk
 * the same operators and differ only in the part they look for and what they say.
 */
final class NullOperatorCheck extends PolicyCheck {
  private final Predicate<ConditionOperator> wrong;
  private final Function<ConditionOperator, String> message;

  private NullOperatorCheck(
      CheckCode code,
      Predicate<ConditionOperator> wrong,
      Function<ConditionOperator, String> message) {
    super(code);
    this.wrong = wrong;
    this.message = message;
  }

  /** {@code NullIfExists}: Null already tests whether the key exists, so the suffix is refused. */
  static NullOperatorCheck withIfExists() {
    return new NullOperatorCheck(
        CheckCode.NULL_WITH_IF_EXISTS,
        ConditionOperator::ifExists,
        o ->
            "The Null operator cannot take the IfExists suffix: write "
                + o.qualifier().prefix()
                + "Null");
  }

  /**
   * {@code ForAllValues:Null} or {@code ForAnyValue:Null}: the set qualifiers make Null always true
   * or always false, so the test says nothing.
   */
  static NullOperatorCheck withQualifier() {
    return new NullOperatorCheck(
        CheckCode.NULL_WITH_QUALIFIER,
        o -> o.qualifier() != ConditionOperator.Qualifier.NONE,
        o ->
            "With "
                + o.qualifier().prefix()
                + " the Null operator is always "
                + (o.qualifier() == ConditionOperator.Qualifier.FOR_ALL_VALUES ? "true" : "false")
                + ": write plain Null to test whether the key is present");
  }

  @Override
  public void run(CheckContext context) {
    for (Statement s : context.policy().statements()) {
      if (s.condition().map(PropertyNode::value).orElse(null) instanceof ObjectNode block) {
        for (PropertyNode operator : block.properties()) {
          ConditionOperator o = ConditionOperator.parse(operator.name()).orElse(null);
          if (o != null && o.base() == ConditionOperator.Base.Null && wrong.test(o)) {
            context.report(this, operator.key(), message.apply(o));
          }
        }
      }
    }
  }
}
