package dev.iampolicyls.checks.conditions;

import dev.iampolicyls.checks.CheckCode;
import dev.iampolicyls.checks.CheckContext;
import dev.iampolicyls.checks.PolicyCheck;
import dev.iampolicyls.policy.ConditionOperator;
import dev.iampolicyls.policy.ConditionOperator.Qualifier;
import dev.iampolicyls.syntax.ArrayNode;
import java.util.function.BiFunction;

/**
 * A condition key with an empty list of values. What that means depends on the operator, so each
 * form has its own code: the qualifier decides first, then IfExists. The four checks differ only in
 * the form they own and what they say, so each is a factory here.
 */
final class EmptyConditionArrayCheck extends PolicyCheck {
  /** The forms of operator, one per code. */
  enum Form {
    PLAIN,
    FOR_ALL_VALUES,
    FOR_ANY_VALUE,
    IF_EXISTS
  }

  private final Form form;
  private final BiFunction<ConditionOperator, String, String> message;

  private EmptyConditionArrayCheck(
      CheckCode code, Form form, BiFunction<ConditionOperator, String, String> message) {
    super(code);
    this.form = form;
    this.message = message;
  }

  /** A condition key with no values under a plain operator: the test can never be met. */
  static EmptyConditionArrayCheck plain() {
    return new EmptyConditionArrayCheck(
        CheckCode.EMPTY_ARRAY_CONDITION,
        Form.PLAIN,
        (op, key) ->
            "There are no values for "
                + key
                + ", so the test means nothing: add values or remove it");
  }

  /** ForAllValues with no values: true only when the key is absent, which Null says plainly. */
  static EmptyConditionArrayCheck forAllValues() {
    return new EmptyConditionArrayCheck(
        CheckCode.EMPTY_ARRAY_CONDITION_FORALLVALUES,
        Form.FOR_ALL_VALUES,
        EmptyConditionArrayCheck::onlyWhenAbsent);
  }

  /** ForAnyValue with no values never matches, so the statement never applies. */
  static EmptyConditionArrayCheck forAnyValue() {
    return new EmptyConditionArrayCheck(
        CheckCode.EMPTY_ARRAY_CONDITION_FORANYVALUE,
        Form.FOR_ANY_VALUE,
        (op, key) ->
            op.text()
                + " with no values never matches, so this statement never applies: add values for "
                + key);
  }

  /** An IfExists operator with no values: true only when the key is absent. */
  static EmptyConditionArrayCheck ifExists() {
    return new EmptyConditionArrayCheck(
        CheckCode.EMPTY_ARRAY_CONDITION_IFEXISTS,
        Form.IF_EXISTS,
        EmptyConditionArrayCheck::onlyWhenAbsent);
  }

  private static String onlyWhenAbsent(ConditionOperator op, String key) {
    return op.text()
        + " with no values matches only when "
        + key
        + " is absent: to test that, write {\"Null\": {\""
        + key
        + "\": \"true\"}}";
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
  public void run(CheckContext context) {
    for (KeyTest t : KeyTest.all(context)) {
      if (t.valueNode() instanceof ArrayNode array
          && array.items().isEmpty()
          && t.operator().filter(op -> formOf(op) == form).isPresent()) {
        context.report(this, array, message.apply(t.operator().get(), t.key()));
      }
    }
  }
}
