package dev.iampolicyls.checks;

/**
 * The partition of a resource ARN is not one AWS has (aws, aws-cn, aws-us-gov, ...). See {@link
 * ArnProblems}.
 */
final class InvalidPartitionCheck extends PolicyCheck {
  InvalidPartitionCheck() {
    super("INVALID_PARTITION", FindingType.ERROR);
  }

  @Override
  public void run(CheckContext context) {
    ArnProblems.report(this, context);
  }
}
