package dev.iampolicyls.checks;

/**
 * The resource part of an ARN fits no ARN format of its service in the catalog. See {@link
 * ArnProblems}.
 */
final class InvalidArnResourceCheck extends PolicyCheck {
  InvalidArnResourceCheck() {
    super("INVALID_ARN_RESOURCE", FindingType.ERROR);
  }

  @Override
  public void run(CheckContext context) {
    ArnProblems.report(this, context);
  }
}
