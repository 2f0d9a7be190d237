package dev.iampolicyls.checks;

/**
 * The service of a resource ARN is not all lowercase, as ARNs write it. See {@link ArnProblems}.
 */
final class InvalidArnServiceCaseCheck extends PolicyCheck {
  InvalidArnServiceCaseCheck() {
    super(CheckCode.INVALID_ARN_SERVICE_CASE);
  }

  @Override
  public void run(CheckContext context) {
    ArnProblems.report(this, context);
  }
}
