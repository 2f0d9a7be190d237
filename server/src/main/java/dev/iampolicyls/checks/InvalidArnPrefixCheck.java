package dev.iampolicyls.checks;

/** The resource is not an ARN (no arn: prefix) and not *. See {@link ArnProblems}. */
final class InvalidArnPrefixCheck extends PolicyCheck {
  InvalidArnPrefixCheck() {
    super("INVALID_ARN_PREFIX", FindingType.ERROR);
  }

  @Override
  public void run(CheckContext context) {
    ArnProblems.report(this, context);
  }
}
