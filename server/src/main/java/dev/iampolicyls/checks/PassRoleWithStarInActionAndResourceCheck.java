package dev.iampolicyls.checks;

/**
 * An Allow whose wildcard action grants iam:PassRole on every role. See {@link RoleActionGrant}.
 */
final class PassRoleWithStarInActionAndResourceCheck extends PolicyCheck {
  PassRoleWithStarInActionAndResourceCheck() {
    super(CheckCode.PASS_ROLE_WITH_STAR_IN_ACTION_AND_RESOURCE);
  }

  @Override
  public void run(CheckContext context) {
    RoleActionGrant.PASS_ROLE.report(
        this,
        context,
        RoleActionGrant.Shape.STAR_IN_ACTION_AND_RESOURCE,
        "This wildcard grants iam:PassRole on every role, so any role can be passed to any service: list the roles, or add an iam:PassedToService condition");
  }
}
