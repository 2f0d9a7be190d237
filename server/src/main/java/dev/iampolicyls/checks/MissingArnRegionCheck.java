package dev.iampolicyls.checks;

/**
 * A resource ARN with an empty Region where every ARN format it can match has one. See {@link
 * ArnProblems}.
 */
final class MissingArnRegionCheck extends PolicyCheck {
  MissingArnRegionCheck() {
    super(CheckCode.MISSING_ARN_REGION);
  }

  @Override
  public void run(CheckContext context) {
    ArnProblems.report(this, context);
  }
}
