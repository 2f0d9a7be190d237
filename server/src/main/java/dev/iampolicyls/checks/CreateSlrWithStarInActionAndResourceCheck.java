package dev.iampolicyls.checks;

/**
 * An Allow whose wildcard action grants iam:CreateServiceLinkedRole on every role. See {@link
 * RoleActionGrant}.
 */
final class CreateSlrWithStarInActionAndResourceCheck extends PolicyCheck {
  CreateSlrWithStarInActionAndResourceCheck() {
    super(CheckCode.CREATE_SLR_WITH_STAR_IN_ACTION_AND_RESOURCE);
  }

  @Override
  public void run(CheckContext context) {
    RoleActionGrant.CREATE_SLR.report(
        this,
        context,
        RoleActionGrant.Shape.STAR_IN_ACTION_AND_RESOURCE,
        "This wildcard grants iam:CreateServiceLinkedRole on every role: list the roles, or add an iam:AWSServiceName condition");
  }
}
