package dev.iampolicyls.checks;

/**
 * The resource part of an ARN fits no ARN format of its service in the catalog. See {@link
 * ArnProblems}.
 */
final class InvalidArnResourceCheck extends PolicyCheck {
  InvalidArnResourceCheck() {
    super(CheckCode.INVALID_ARN_RESOURCE);
  }

  @Override
  public void run(CheckContext context) {
    ArnProblems.report(this, context);
  }
}
