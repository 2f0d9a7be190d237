package dev.iampolicyls.checks;

/**
 * An Allow with NotAction that leaves iam:CreateServiceLinkedRole in, on every role. See {@link
 * RoleActionGrant}.
 */
final class CreateSlrWithStarInResourceAndNotActionCheck extends PolicyCheck {
  CreateSlrWithStarInResourceAndNotActionCheck() {
    super(CheckCode.CREATE_SLR_WITH_STAR_IN_RESOURCE_AND_NOT_ACTION);
  }

  @Override
  public void run(CheckContext context) {
    RoleActionGrant.CREATE_SLR.report(
        this,
        context,
        RoleActionGrant.Shape.STAR_IN_RESOURCE_AND_NOT_ACTION,
        "NotAction leaves iam:CreateServiceLinkedRole allowed on every role: add it to NotAction, or list the roles");
  }
}
