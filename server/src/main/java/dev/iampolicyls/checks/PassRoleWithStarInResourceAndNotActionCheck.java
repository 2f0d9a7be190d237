package dev.iampolicyls.checks;

/**
 * An Allow with NotAction that leaves iam:PassRole in, on every role. See {@link RoleActionGrant}.
 */
final class PassRoleWithStarInResourceAndNotActionCheck extends PolicyCheck {
  PassRoleWithStarInResourceAndNotActionCheck() {
    super(CheckCode.PASS_ROLE_WITH_STAR_IN_RESOURCE_AND_NOT_ACTION);
  }

  @Override
  public void run(CheckContext context) {
    RoleActionGrant.PASS_ROLE.report(
        this,
        context,
        RoleActionGrant.Shape.STAR_IN_RESOURCE_AND_NOT_ACTION,
        "NotAction leaves iam:PassRole allowed on every role: add iam:PassRole to NotAction, list the roles, or add an iam:PassedToService condition");
  }
}
