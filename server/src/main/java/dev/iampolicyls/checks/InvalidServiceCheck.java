package dev.iampolicyls.checks;

/**
 * The service of a resource ARN is no service namespace the catalog knows. See {@link ArnProblems}.
 */
final class InvalidServiceCheck extends PolicyCheck {
  InvalidServiceCheck() {
    super("INVALID_SERVICE", FindingType.ERROR);
  }

  @Override
  public void run(CheckContext context) {
    ArnProblems.report(this, context);
  }
}
