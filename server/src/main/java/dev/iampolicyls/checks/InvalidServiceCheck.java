package dev.iampolicyls.checks;

/**
 * The service of a resource ARN is no service namespace the catalog knows. See {@link ArnProblems}.
 */
final class InvalidServiceCheck extends PolicyCheck {
  InvalidServiceCheck() {
    super(CheckCode.INVALID_SERVICE);
  }

  @Override
  public void run(CheckContext context) {
    ArnProblems.report(this, context);
  }
}
