package dev.iampolicyls.checks;

/**
 * An Allow with NotAction that leaves iam:CreateServiceLinkedRole in, and NotResource. See {@link
 * RoleActionGrant}.
 */
final class CreateSlrWithNotActionAndNotResourceCheck extends PolicyCheck {
  CreateSlrWithNotActionAndNotResourceCheck() {
    super(CheckCode.CREATE_SLR_WITH_NOT_ACTION_AND_NOT_RESOURCE);
  }

  @Override
  public void run(CheckContext context) {
    RoleActionGrant.CREATE_SLR.report(
        this,
        context,
        RoleActionGrant.Shape.NOT_ACTION_AND_NOT_RESOURCE,
        "NotAction with NotResource allows iam:CreateServiceLinkedRole for almost any role: add it to NotAction, or list the roles in Resource");
  }
}
