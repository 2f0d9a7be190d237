package dev.iampolicyls.checks;

/**
 * A Region in a resource ARN whose service's ARNs (of the types it can name) have none, as IAM's.
 * See {@link ArnProblems}.
 */
final class ArnRegionNotAllowedCheck extends PolicyCheck {
  ArnRegionNotAllowedCheck() {
    super(CheckCode.ARN_REGION_NOT_ALLOWED);
  }

  @Override
  public void run(CheckContext context) {
    ArnProblems.report(this, context);
  }
}
