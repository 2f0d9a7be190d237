package dev.iampolicyls.checks;

/**
 * An Allow of iam:PassRole on every role, with no iam:PassedToService condition. See {@link
 * RoleActionGrant}.
 */
final class PassRoleWithStarInResourceCheck extends PolicyCheck {
  PassRoleWithStarInResourceCheck() {
    super(CheckCode.PASS_ROLE_WITH_STAR_IN_RESOURCE);
  }

  @Override
  public void run(CheckContext context) {
    RoleActionGrant.PASS_ROLE.report(
        this,
        context,
        RoleActionGrant.Shape.STAR_IN_RESOURCE,
        "iam:PassRole on every role lets the principal pass any role to any service: list the roles, or add an iam:PassedToService condition");
  }
}
