package dev.iampolicyls.checks.conditions;

import dev.iampolicyls.checks.CheckCode;
import dev.iampolicyls.checks.CheckContext;
import dev.iampolicyls.checks.PolicyCheck;

/**
 * A {@code "*"} test that only says whether the key is present (or absent), which Null says
 * plainly. The two codes differ only in the Null value the test amounts to.
 */
final class EquivalentToNullCheck extends PolicyCheck {
  private final boolean nullValue;

  private EquivalentToNullCheck(CheckCode code, boolean nullValue) {
    super(code);
    this.nullValue = nullValue;
  }

  /** A "*" test that only says whether the key is present: Null false. */
  static EquivalentToNullCheck nullFalse() {
    return new EquivalentToNullCheck(CheckCode.EQUIVALENT_TO_NULL_FALSE, false);
  }

  /** A "*" test that only says whether the key is absent: Null true. */
  static EquivalentToNullCheck nullTrue() {
    return new EquivalentToNullCheck(CheckCode.EQUIVALENT_TO_NULL_TRUE, true);
  }

  @Override
  public void run(CheckContext context) {
    for (KeyTest t : KeyTest.all(context)) {
      if (EquivalentToNull.nullValue(t).filter(b -> b == nullValue).isPresent()) {
        context.report(
            this,
            t.keyNode(),
            t.operator().orElseThrow().text()
                + " with \"*\" only tests whether "
                + t.key()
                + (nullValue ? " is absent" : " is present")
                + ": write {\"Null\": {\""
                + t.key()
                + "\": \""
                + nullValue
                + "\"}}");
      }
    }
  }
}
