package dev.iampolicyls.checks;

/**
 * An account in a resource ARN whose service's ARNs (of the types it can name) have none, as S3
 * buckets. See {@link ArnProblems}.
 */
final class ArnAccountNotAllowedCheck extends PolicyCheck {
  ArnAccountNotAllowedCheck() {
    super(CheckCode.ARN_ACCOUNT_NOT_ALLOWED);
  }

  @Override
  public void run(CheckContext context) {
    ArnProblems.report(this, context);
  }
}
