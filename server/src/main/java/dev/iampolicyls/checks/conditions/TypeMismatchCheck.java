package dev.iampolicyls.checks.conditions;

import dev.iampolicyls.catalog.ConditionKey;
import dev.iampolicyls.checks.CheckCode;
import dev.iampolicyls.checks.CheckContext;
import dev.iampolicyls.checks.PolicyCheck;
import dev.iampolicyls.policy.ConditionOperator;
import java.util.Optional;

/**
 * An operator whose kind does not suit the key's type, e.g. a Numeric operator on a string key or
 * StringEquals on aws:MultiFactorAuthPresent.
 */
public final class TypeMismatchCheck extends PolicyCheck {
  public TypeMismatchCheck() {
    super(CheckCode.TYPE_MISMATCH);
  }

  @Override
  public void run(CheckContext context) {
    for (KeyTest t : KeyTest.all(context)) {
      Optional<ConditionOperator> op = t.operator();
      if (op.isEmpty() || !ConditionTypes.mismatched(context.catalog(), t)) {
        continue;
      }
      ConditionKey key = ConditionKeys.resolve(context.catalog(), t.key()).orElseThrow();
      context.report(
          this,
          t.keyNode(),
          t.key()
              + " is of type "
              + key.type()
              + ", which "
              + op.get().text()
              + " does not compare: use a "
              + ConditionTypes.operatorsFor(key)
              + " operator");
    }
  }
}
