package dev.iampolicyls.checks.conditions;

import dev.iampolicyls.catalog.ConditionKey;
import dev.iampolicyls.checks.CheckCode;
import dev.iampolicyls.checks.CheckContext;
import dev.iampolicyls.checks.PolicyCheck;
import dev.iampolicyls.policy.ConditionOperator;
import java.util.Optional;

/**
 * A multi-valued key (an ArrayOf type such as aws:TagKeys) tested without ForAllValues or
 * ForAnyValue: IAM then compares a set with single values and the result is not what it reads.
 */
public final class MissingQualifierCheck extends PolicyCheck {
  public MissingQualifierCheck() {
    super(CheckCode.MISSING_QUALIFIER);
  }

  @Override
  public void run(CheckContext context) {
    for (KeyTest t : KeyTest.all(context)) {
      Optional<ConditionOperator> op = t.operator();
      if (op.isEmpty()
          || op.get().qualifier() != ConditionOperator.Qualifier.NONE
          || op.get().base() == ConditionOperator.Base.Null) {
        continue;
      }
      Optional<ConditionKey> key = ConditionKeys.resolve(context.catalog(), t.key());
      if (key.isPresent() && ConditionKeys.isMultiValued(key.get())) {
        context.report(
            this,
            t.keyNode(),
            t.key()
                + " can hold several values ("
                + key.get().type()
                + "): write ForAnyValue:"
                + op.get().text()
                + " (any value matches) or ForAllValues:"
                + op.get().text()
                + " (every value matches)");
      }
    }
  }
}
