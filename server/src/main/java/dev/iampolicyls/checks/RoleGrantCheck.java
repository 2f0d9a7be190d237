package dev.iampolicyls.checks;

import java.util.List;

/**
 * The role-action checks: an Allow of iam:PassRole or iam:CreateServiceLinkedRole on too many
 * roles, in one of the six shapes of {@link RoleActionGrant}. The twelve codes differ only in the
 * action, the shape and the message, so they are rows of one table.
 */
final class RoleGrantCheck extends PolicyCheck {
  private final RoleActionGrant grant;
  private final RoleActionGrant.Shape shape;
  private final String message;

  private RoleGrantCheck(
      CheckCode code, RoleActionGrant grant, RoleActionGrant.Shape shape, String message) {
    super(code);
    this.grant = grant;
    this.shape = shape;
    this.message = message;
  }

  /** The twelve checks, iam:PassRole's first, in the order they run. */
  static List<PolicyCheck> all() {
    return List.of(
        // An Allow of iam:PassRole with NotResource: the role may be passed for almost every role.
        new RoleGrantCheck(
            CheckCode.PASS_ROLE_WITH_NOT_RESOURCE,
            RoleActionGrant.PASS_ROLE,
            RoleActionGrant.Shape.NOT_RESOURCE,
            "iam:PassRole with NotResource lets the principal pass almost any role to a service: list the roles it may pass in Resource instead"),
        // An Allow whose wildcard action grants iam:PassRole, with NotResource.
        new RoleGrantCheck(
            CheckCode.PASS_ROLE_WITH_STAR_IN_ACTION_AND_NOT_RESOURCE,
            RoleActionGrant.PASS_ROLE,
            RoleActionGrant.Shape.STAR_IN_ACTION_AND_NOT_RESOURCE,
            "This wildcard grants iam:PassRole, and with NotResource on almost any role: list the roles in Resource instead"),
        // An Allow with NotAction that leaves iam:PassRole in, and NotResource.
        new RoleGrantCheck(
            CheckCode.PASS_ROLE_WITH_NOT_ACTION_AND_NOT_RESOURCE,
            RoleActionGrant.PASS_ROLE,
            RoleActionGrant.Shape.NOT_ACTION_AND_NOT_RESOURCE,
            "NotAction with NotResource grants iam:PassRole on almost any role: add iam:PassRole to NotAction, or list the roles in Resource"),
        // An Allow of iam:PassRole on every role, with no iam:PassedToService condition.
        new RoleGrantCheck(
            CheckCode.PASS_ROLE_WITH_STAR_IN_RESOURCE,
            RoleActionGrant.PASS_ROLE,
            RoleActionGrant.Shape.STAR_IN_RESOURCE,
            "iam:PassRole on every role lets the principal pass any role to any service: list the roles, or add an iam:PassedToService condition"),
        // An Allow whose wildcard action grants iam:PassRole on every role.
        new RoleGrantCheck(
            CheckCode.PASS_ROLE_WITH_STAR_IN_ACTION_AND_RESOURCE,
            RoleActionGrant.PASS_ROLE,
            RoleActionGrant.Shape.STAR_IN_ACTION_AND_RESOURCE,
            "This wildcard grants iam:PassRole on every role, so any role can be passed to any service: list the roles, or add an iam:PassedToService condition"),
        // An Allow with NotAction that leaves iam:PassRole in, on every role.
        new RoleGrantCheck(
            CheckCode.PASS_ROLE_WITH_STAR_IN_RESOURCE_AND_NOT_ACTION,
            RoleActionGrant.PASS_ROLE,
            RoleActionGrant.Shape.STAR_IN_RESOURCE_AND_NOT_ACTION,
            "NotAction leaves iam:PassRole allowed on every role: add iam:PassRole to NotAction, list the roles, or add an iam:PassedToService condition"),
        // An Allow of iam:CreateServiceLinkedRole with NotResource.
        new RoleGrantCheck(
            CheckCode.CREATE_SLR_WITH_NOT_RESOURCE,
            RoleActionGrant.CREATE_SLR,
            RoleActionGrant.Shape.NOT_RESOURCE,
            "iam:CreateServiceLinkedRole with NotResource allows creating almost any service-linked role: list the roles in Resource instead"),
        // An Allow whose wildcard action grants iam:CreateServiceLinkedRole, with NotResource.
        new RoleGrantCheck(
            CheckCode.CREATE_SLR_WITH_STAR_IN_ACTION_AND_NOT_RESOURCE,
            RoleActionGrant.CREATE_SLR,
            RoleActionGrant.Shape.STAR_IN_ACTION_AND_NOT_RESOURCE,
            "This wildcard grants iam:CreateServiceLinkedRole, and with NotResource for almost any role: list the roles in Resource instead"),
        // An Allow with NotAction that leaves iam:CreateServiceLinkedRole in, and NotResource.
        new RoleGrantCheck(
            CheckCode.CREATE_SLR_WITH_NOT_ACTION_AND_NOT_RESOURCE,
            RoleActionGrant.CREATE_SLR,
            RoleActionGrant.Shape.NOT_ACTION_AND_NOT_RESOURCE,
            "NotAction with NotResource allows iam:CreateServiceLinkedRole for almost any role: add it to NotAction, or list the roles in Resource"),
        // An Allow of iam:CreateServiceLinkedRole on every role, with no iam:AWSServiceName
        // condition.
        new RoleGrantCheck(
            CheckCode.CREATE_SLR_WITH_STAR_IN_RESOURCE,
            RoleActionGrant.CREATE_SLR,
            RoleActionGrant.Shape.STAR_IN_RESOURCE,
            "iam:CreateServiceLinkedRole on every role allows service-linked roles for any service: list the roles, or add an iam:AWSServiceName condition"),
        // An Allow whose wildcard action grants iam:CreateServiceLinkedRole on every role.
        new RoleGrantCheck(
            CheckCode.CREATE_SLR_WITH_STAR_IN_ACTION_AND_RESOURCE,
            RoleActionGrant.CREATE_SLR,
            RoleActionGrant.Shape.STAR_IN_ACTION_AND_RESOURCE,
            "This wildcard grants iam:CreateServiceLinkedRole on every role: list the roles, or add an iam:AWSServiceName condition"),
        // An Allow with NotAction that leaves iam:CreateServiceLinkedRole in, on every role.
        new RoleGrantCheck(
            CheckCode.CREATE_SLR_WITH_STAR_IN_RESOURCE_AND_NOT_ACTION,
            RoleActionGrant.CREATE_SLR,
            RoleActionGrant.Shape.STAR_IN_RESOURCE_AND_NOT_ACTION,
            "NotAction leaves iam:CreateServiceLinkedRole allowed on every role: add it to NotAction, or list the roles"));
  }

  @Override
  public void run(CheckContext context) {
    grant.report(this, context, shape, message);
  }
}
