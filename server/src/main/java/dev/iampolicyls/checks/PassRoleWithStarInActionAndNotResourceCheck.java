package dev.iampolicyls.checks;

/**
 * An Allow whose wildcard action grants iam:PassRole, with NotResource. See {@link
 * RoleActionGrant}.
 */
final class PassRoleWithStarInActionAndNotResourceCheck extends PolicyCheck {
  PassRoleWithStarInActionAndNotResourceCheck() {
    super(CheckCode.PASS_ROLE_WITH_STAR_IN_ACTION_AND_NOT_RESOURCE);
  }

  @Override
  public void run(CheckContext context) {
    RoleActionGrant.PASS_ROLE.report(
        this,
        context,
        RoleActionGrant.Shape.STAR_IN_ACTION_AND_NOT_RESOURCE,
        "This wildcard grants iam:PassRole, and with NotResource on almost any role: list the roles in Resource instead");
  }
}
