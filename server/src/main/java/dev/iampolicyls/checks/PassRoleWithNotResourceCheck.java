package dev.iampolicyls.checks;

/**
 * An Allow of iam:PassRole with NotResource: the role may be passed for almost every role. See
 * {@link RoleActionGrant}.
 */
final class PassRoleWithNotResourceCheck extends PolicyCheck {
  PassRoleWithNotResourceCheck() {
    super(CheckCode.PASS_ROLE_WITH_NOT_RESOURCE);
  }

  @Override
  public void run(CheckContext context) {
    RoleActionGrant.PASS_ROLE.report(
        this,
        context,
        RoleActionGrant.Shape.NOT_RESOURCE,
        "iam:PassRole with NotResource lets the principal pass almost any role to a service: list the roles it may pass in Resource instead");
  }
}
