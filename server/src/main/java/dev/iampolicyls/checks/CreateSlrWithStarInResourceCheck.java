package dev.iampolicyls.checks;

/**
 * An Allow of iam:CreateServiceLinkedRole on every role, with no iam:AWSServiceName condition. See
 * {@link RoleActionGrant}.
 */
final class CreateSlrWithStarInResourceCheck extends PolicyCheck {
  CreateSlrWithStarInResourceCheck() {
    super(CheckCode.CREATE_SLR_WITH_STAR_IN_RESOURCE);
  }

  @Override
  public void run(CheckContext context) {
    RoleActionGrant.CREATE_SLR.report(
        this,
        context,
        RoleActionGrant.Shape.STAR_IN_RESOURCE,
        "iam:CreateServiceLinkedRole on every role allows service-linked roles for any service: list the roles, or add an iam:AWSServiceName condition");
  }
}
