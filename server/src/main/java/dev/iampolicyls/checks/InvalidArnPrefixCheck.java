package dev.iampolicyls.checks;

/** The resource is not an ARN (no arn: prefix) and not *. See {@link ArnProblems}. */
final class InvalidArnPrefixCheck extends PolicyCheck {
  InvalidArnPrefixCheck() {
    super(CheckCode.INVALID_ARN_PREFIX);
  }

  @Override
  public void run(CheckContext context) {
    ArnProblems.report(this, context);
  }
}
