package dev.iampolicyls.checks;

/**
 * An Allow with NotAction that leaves iam:PassRole in, and NotResource. See {@link
 * RoleActionGrant}.
 */
final class PassRoleWithNotActionAndNotResourceCheck extends PolicyCheck {
  PassRoleWithNotActionAndNotResourceCheck() {
    super(CheckCode.PASS_ROLE_WITH_NOT_ACTION_AND_NOT_RESOURCE);
  }

  @Override
  public void run(CheckContext context) {
    RoleActionGrant.PASS_ROLE.report(
        this,
        context,
        RoleActionGrant.Shape.NOT_ACTION_AND_NOT_RESOURCE,
        "NotAction with NotResource grants iam:PassRole on almost any role: add iam:PassRole to NotAction, or list the roles in Resource");
  }
}
