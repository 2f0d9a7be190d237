package dev.iampolicyls.checks.conditions;

import dev.iampolicyls.checks.CheckCode;
import dev.iampolicyls.checks.CheckContext;
import dev.iampolicyls.checks.PolicyCheck;
import dev.iampolicyls.policy.ConditionOperator;
import dev.iampolicyls.policy.ConditionOperator.Qualifier;
import dev.iampolicyls.syntax.ArrayNode;

/**
 * A condition key with an empty list of values. What that means depends on the operator, so each
 * form has its own code: the qualifier decides first, then IfExists. Subclasses say which form they
 * own and what it means.
 */
abstract class EmptyConditionArrayCheck extends PolicyCheck {
  /** The forms of operator, one per code. */
  enum Form {
    PLAIN,
    FOR_ALL_VALUES,
    FOR_ANY_VALUE,
    IF_EXISTS
  }

  private final Form form;

  EmptyConditionArrayCheck(CheckCode code, Form form) {
    super(code);
    this.form = form;
  }

  static Form formOf(ConditionOperator op) {
    if (op.qualifier() == Qualifier.FOR_ALL_VALUES) {
      return Form.FOR_ALL_VALUES;
    }
    if (op.qualifier() == Qualifier.FOR_ANY_VALUE) {
      return Form.FOR_ANY_VALUE;
    }
    return op.ifExists() ? Form.IF_EXISTS : Form.PLAIN;
  }

  @Override
  public final void run(CheckContext context) {
    for (KeyTest t : KeyTest.all(context)) {
      if (t.valueNode() instanceof ArrayNode array
          && array.items().isEmpty()
          && t.operator().filter(op -> formOf(op) == form).isPresent()) {
        context.report(this, array, message(t.operator().get(), t.key()));
      }
    }
  }

  abstract String message(ConditionOperator op, String key);
}
