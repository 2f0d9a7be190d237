package dev.iampolicyls.checks;

/**
 * A resource ARN with an empty account where every ARN format it can match has one. See {@link
 * ArnProblems}.
 */
final class MissingArnAccountCheck extends PolicyCheck {
  MissingArnAccountCheck() {
    super(CheckCode.MISSING_ARN_ACCOUNT);
  }

  @Override
  public void run(CheckContext context) {
    ArnProblems.report(this, context);
  }
}
