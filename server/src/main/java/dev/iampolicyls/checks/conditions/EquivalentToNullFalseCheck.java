package dev.iampolicyls.checks.conditions;

import dev.iampolicyls.checks.CheckCode;
import dev.iampolicyls.checks.CheckContext;
import dev.iampolicyls.checks.PolicyCheck;

/** A "*" test that only says whether the key is present: Null false says it plainly. */
public final class EquivalentToNullFalseCheck extends PolicyCheck {
  public EquivalentToNullFalseCheck() {
    super(CheckCode.EQUIVALENT_TO_NULL_FALSE);
  }

  @Override
  public void run(CheckContext context) {
    for (KeyTest t : KeyTest.all(context)) {
      if (EquivalentToNull.nullValue(t).filter(b -> !b).isPresent()) {
        context.report(
            this,
            t.keyNode(),
            t.operator().orElseThrow().text()
                + " with \"*\" only tests whether "
                + t.key()
                + " is present: write {\"Null\": {\""
                + t.key()
                + "\": \"false\"}}");
      }
    }
  }
}
