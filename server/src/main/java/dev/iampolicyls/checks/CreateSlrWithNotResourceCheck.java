package dev.iampolicyls.checks;

/** An Allow of iam:CreateServiceLinkedRole with NotResource. See {@link RoleActionGrant}. */
final class CreateSlrWithNotResourceCheck extends PolicyCheck {
  CreateSlrWithNotResourceCheck() {
    super(CheckCode.CREATE_SLR_WITH_NOT_RESOURCE);
  }

  @Override
  public void run(CheckContext context) {
    RoleActionGrant.CREATE_SLR.report(
        this,
        context,
        RoleActionGrant.Shape.NOT_RESOURCE,
        "iam:CreateServiceLinkedRole with NotResource allows creating almost any service-linked role: list the roles in Resource instead");
  }
}
