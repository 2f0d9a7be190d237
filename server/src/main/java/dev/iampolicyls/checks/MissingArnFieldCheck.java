package dev.iampolicyls.checks;

/** A resource ARN with fewer than its six colon-separated fields. See {@link ArnProblems}. */
final class MissingArnFieldCheck extends PolicyCheck {
  MissingArnFieldCheck() {
    super(CheckCode.MISSING_ARN_FIELD);
  }

  @Override
  public void run(CheckContext context) {
    ArnProblems.report(this, context);
  }
}
