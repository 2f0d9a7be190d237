package dev.iampolicyls.checks;

/**
 * An Allow whose wildcard action grants iam:CreateServiceLinkedRole, with NotResource. See {@link
 * RoleActionGrant}.
 */
final class CreateSlrWithStarInActionAndNotResourceCheck extends PolicyCheck {
  CreateSlrWithStarInActionAndNotResourceCheck() {
    super(CheckCode.CREATE_SLR_WITH_STAR_IN_ACTION_AND_NOT_RESOURCE);
  }

  @Override
  public void run(CheckContext context) {
    RoleActionGrant.CREATE_SLR.report(
        this,
        context,
        RoleActionGrant.Shape.STAR_IN_ACTION_AND_NOT_RESOURCE,
        "This wildcard grants iam:CreateServiceLinkedRole, and with NotResource for almost any role: list the roles in Resource instead");
  }
}
