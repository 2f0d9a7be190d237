package dev.iampolicyls.checks.conditions;

import dev.iampolicyls.checks.CheckCode;
import dev.iampolicyls.checks.CheckContext;
import dev.iampolicyls.checks.PolicyCheck;

/** A "*" test that only says whether the key is absent: Null true says it plainly. */
public final class EquivalentToNullTrueCheck extends PolicyCheck {
  public EquivalentToNullTrueCheck() {
    super(CheckCode.EQUIVALENT_TO_NULL_TRUE);
  }

  @Override
  public void run(CheckContext context) {
    for (KeyTest t : KeyTest.all(context)) {
      if (EquivalentToNull.nullValue(t).filter(b -> b).isPresent()) {
        context.report(
            this,
            t.keyNode(),
            t.operator().orElseThrow().text()
                + " with \"*\" only tests whether "
                + t.key()
                + " is absent: write {\"Null\": {\""
                + t.key()
                + "\": \"true\"}}");
      }
    }
  }
}
