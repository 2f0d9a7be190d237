package dev.iampolicyls.checks;

/**
 * The partition of a resource ARN is not one AWS has (aws, aws-cn, aws-us-gov, ...). See {@link
 * ArnProblems}.
 */
final class InvalidPartitionCheck extends PolicyCheck {
  InvalidPartitionCheck() {
    super(CheckCode.INVALID_PARTITION);
  }

  @Override
  public void run(CheckContext context) {
    ArnProblems.report(this, context);
  }
}
