package dev.iampolicyls.checks;

/**
 * The account of a resource ARN is not a 12-digit account ID (nor aws, nor a wildcard). See {@link
 * ArnProblems}.
 */
final class InvalidArnAccountCheck extends PolicyCheck {
  InvalidArnAccountCheck() {
    super(CheckCode.INVALID_ARN_ACCOUNT);
  }

  @Override
  public void run(CheckContext context) {
    ArnProblems.report(this, context);
  }
}
