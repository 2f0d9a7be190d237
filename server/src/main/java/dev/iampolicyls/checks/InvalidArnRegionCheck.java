package dev.iampolicyls.checks;

/**
 * The Region of a resource ARN is no AWS Region, or one of another partition. See {@link
 * ArnProblems}.
 */
final class InvalidArnRegionCheck extends PolicyCheck {
  InvalidArnRegionCheck() {
    super(CheckCode.INVALID_ARN_REGION);
  }

  @Override
  public void run(CheckContext context) {
    ArnProblems.report(this, context);
  }
}
