package dev.iampolicyls.checks;

import static dev.iampolicyls.checks.CheckAssert.assertFindings;

import dev.iampolicyls.policy.PolicyType;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The six PassRole and six CreateServiceLinkedRole shapes, on identity policies. */
class RoleGrantChecksTest {
  private static final PolicyType ID = PolicyType.IDENTITY_POLICY;

  private static String allow(String body) {
    return "{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"Allow\", " + body + "}]}";
  }

  @Test
  void passRoleWithNotResource() {
    assertFindings(
        allow(
            "\"Action\": [\"ec2:RunInstances\", «\"iam:PassRole\"»], \"NotResource\": \"arn:aws:iam::123456789012:role/admin\""),
        ID,
        "PASS_ROLE_WITH_NOT_RESOURCE");
    assertFindings(
        allow("\"Action\": \"iam:PassRole\", \"NotResource\": \"arn:aws:iam::*:role/*\""),
        ID,
        "PASS_ROLE_WITH_NOT_RESOURCE");
  }

  @Test
  void passRoleWithStarInActionAndNotResource() {
    assertFindings(
        allow(
            "\"Action\": «\"iam:Pass*\"», \"NotResource\": \"arn:aws:iam::123456789012:role/admin\""),
        ID,
        "PASS_ROLE_WITH_STAR_IN_ACTION_AND_NOT_RESOURCE");
    assertFindings(
        allow(
            "\"Action\": \"iam:Get*\", \"NotResource\": \"arn:aws:iam::123456789012:role/admin\""),
        ID,
        "PASS_ROLE_WITH_STAR_IN_ACTION_AND_NOT_RESOURCE");
  }

  @Test
  void passRoleWithNotActionAndNotResource() {
    assertFindings(
        allow("«\"NotAction\"»: \"s3:*\", \"NotResource\": \"arn:aws:s3:::b\""),
        ID,
        "PASS_ROLE_WITH_NOT_ACTION_AND_NOT_RESOURCE");
    assertFindings(
        allow("\"NotAction\": \"iam:*\", \"NotResource\": \"arn:aws:s3:::b\""),
        ID,
        "PASS_ROLE_WITH_NOT_ACTION_AND_NOT_RESOURCE");
  }

  @Test
  void passRoleWithStarInResource() {
    assertFindings(
        allow("\"Action\": \"iam:PassRole\", \"Resource\": «\"arn:aws:iam::123456789012:role/*\"»"),
        ID,
        "PASS_ROLE_WITH_STAR_IN_RESOURCE");
    // A pinned service, a named role path, or another policy type: no finding.
    assertFindings(
        allow(
            "\"Action\": \"iam:PassRole\", \"Resource\": \"*\", \"Condition\": {\"StringEquals\":"
                + " {\"iam:PassedToService\": \"ec2.amazonaws.com\"}}"),
        ID,
        "PASS_ROLE_WITH_STAR_IN_RESOURCE");
    assertFindings(
        allow("\"Action\": \"iam:PassRole\", \"Resource\": \"arn:aws:iam::*:role/Service*\""),
        ID,
        "PASS_ROLE_WITH_STAR_IN_RESOURCE");
    assertFindings(
        allow("\"Action\": \"iam:PassRole\", \"Resource\": \"*\""),
        PolicyType.SERVICE_CONTROL_POLICY,
        "PASS_ROLE_WITH_STAR_IN_RESOURCE");
  }

  @Test
  void ifExistsDoesNotPinTheService() {
    assertFindings(
        allow(
            "\"Action\": \"iam:PassRole\", \"Resource\": «\"*\"», \"Condition\":"
                + " {\"StringEqualsIfExists\": {\"iam:PassedToService\": \"ec2.amazonaws.com\"}}"),
        ID,
        "PASS_ROLE_WITH_STAR_IN_RESOURCE");
  }

  @Test
  void passRoleWithStarInActionAndResource() {
    assertFindings(
        allow("\"Action\": [«\"iam:*\"», \"s3:*\"], \"Resource\": \"*\""),
        ID,
        "PASS_ROLE_WITH_STAR_IN_ACTION_AND_RESOURCE");
    assertFindings(
        allow("\"Action\": [\"iam:*\", \"iam:PassRole\"], \"Resource\": \"*\""),
        ID,
        "PASS_ROLE_WITH_STAR_IN_ACTION_AND_RESOURCE");
  }

  @Test
  void passRoleWithStarInResourceAndNotAction() {
    assertFindings(
        allow("\"NotAction\": \"s3:*\", \"Resource\": «\"*\"»"),
        ID,
        "PASS_ROLE_WITH_STAR_IN_RESOURCE_AND_NOT_ACTION");
    assertFindings(
        "{\"Statement\": [{\"Effect\": \"Deny\", \"NotAction\": \"s3:*\", \"Resource\": \"*\"}]}",
        ID,
        "PASS_ROLE_WITH_STAR_IN_RESOURCE_AND_NOT_ACTION");
  }

  @Test
  void createSlrWithNotResource() {
    assertFindings(
        allow(
            "\"Action\": «\"iam:CreateServiceLinkedRole\"», \"NotResource\": \"arn:aws:iam::*:role/x\""),
        ID,
        "CREATE_SLR_WITH_NOT_RESOURCE");
    assertFindings(
        allow(
            "\"Action\": \"iam:CreateServiceLinkedRole\", \"Resource\": \"arn:aws:iam::*:role/x\""),
        ID,
        "CREATE_SLR_WITH_NOT_RESOURCE");
  }

  @Test
  void createSlrWithStarInActionAndNotResource() {
    assertFindings(
        allow("\"Action\": «\"iam:Create*\"», \"NotResource\": \"arn:aws:iam::*:role/x\""),
        ID,
        "CREATE_SLR_WITH_STAR_IN_ACTION_AND_NOT_RESOURCE");
    assertFindings(
        allow("\"Action\": \"iam:Delete*\", \"NotResource\": \"arn:aws:iam::*:role/x\""),
        ID,
        "CREATE_SLR_WITH_STAR_IN_ACTION_AND_NOT_RESOURCE");
  }

  @Test
  void createSlrWithNotActionAndNotResource() {
    assertFindings(
        allow("«\"NotAction\"»: \"ec2:*\", \"NotResource\": \"arn:aws:s3:::b\""),
        ID,
        "CREATE_SLR_WITH_NOT_ACTION_AND_NOT_RESOURCE");
    assertFindings(
        allow("\"NotAction\": \"iam:Create*\", \"NotResource\": \"arn:aws:s3:::b\""),
        ID,
        "CREATE_SLR_WITH_NOT_ACTION_AND_NOT_RESOURCE");
  }

  @Test
  void createSlrWithStarInResource() {
    assertFindings(
        allow("\"Action\": \"iam:CreateServiceLinkedRole\", \"Resource\": «\"*\"»"),
        ID,
        "CREATE_SLR_WITH_STAR_IN_RESOURCE");
    assertFindings(
        allow(
            "\"Action\": \"iam:CreateServiceLinkedRole\", \"Resource\": \"*\", \"Condition\":"
                + " {\"StringEquals\": {\"iam:AWSServiceName\": \"autoscaling.amazonaws.com\"}}"),
        ID,
        "CREATE_SLR_WITH_STAR_IN_RESOURCE");
  }

  @Test
  void leadingWildcardInServiceNameDoesNotPin() {
    assertFindings(
        allow(
            "\"Action\": \"iam:CreateServiceLinkedRole\", \"Resource\": «\"*\"», \"Condition\":"
                + " {\"StringLike\": {\"iam:AWSServiceName\": \"*a4b.amazonaws.com\"}}"),
        ID,
        "CREATE_SLR_WITH_STAR_IN_RESOURCE");
  }

  @Test
  void createSlrWithStarInActionAndResource() {
    assertFindings(
        allow("\"Action\": «\"*\"», \"Resource\": \"*\""),
        ID,
        "CREATE_SLR_WITH_STAR_IN_ACTION_AND_RESOURCE");
    assertFindings(
        allow("\"Action\": \"*\", \"Resource\": \"arn:aws:s3:::b\""),
        ID,
        "CREATE_SLR_WITH_STAR_IN_ACTION_AND_RESOURCE");
  }

  @Test
  void createSlrWithStarInResourceAndNotAction() {
    assertFindings(
        allow("\"NotAction\": [\"s3:*\"], \"Resource\": «\"*\"»"),
        ID,
        "CREATE_SLR_WITH_STAR_IN_RESOURCE_AND_NOT_ACTION");
    assertFindings(
        allow("\"NotAction\": [\"iam:*\", \"organizations:*\"], \"Resource\": \"*\""),
        ID,
        "CREATE_SLR_WITH_STAR_IN_RESOURCE_AND_NOT_ACTION");
  }

  private static String allowThenDeny(String allow, String deny) {
    return "{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"Allow\", "
        + allow
        + "}, {\"Effect\": \"Deny\", "
        + deny
        + "}]}";
  }

  /** A Deny without condition that covers the grant takes it away, as for every grant check. */
  @Test
  void aCoveringUnconditionalDenySilencesEveryShape() {
    String deny = "\"Action\": \"*\", \"Resource\": \"*\"";
    for (String allow :
        List.of(
            "\"Action\": \"*\", \"Resource\": \"*\"",
            "\"Action\": \"iam:PassRole\", \"Resource\": \"*\"",
            "\"Action\": \"iam:*\", \"NotResource\": \"arn:aws:s3:::b\"",
            "\"NotAction\": \"s3:*\", \"Resource\": \"*\"",
            "\"NotAction\": \"s3:*\", \"NotResource\": \"arn:aws:s3:::b\"")) {
      for (String code : CODES) {
        assertFindings(allowThenDeny(allow, deny), ID, code);
      }
    }
    // Denying just the role actions is enough too.
    assertFindings(
        allowThenDeny(
            "\"Action\": \"*\", \"Resource\": \"*\"",
            "\"Action\": [\"iam:PassRole\", \"iam:CreateServiceLinkedRole\"], \"Resource\": \"*\""),
        ID,
        "PASS_ROLE_WITH_STAR_IN_ACTION_AND_RESOURCE");
    assertFindings(
        allowThenDeny(
            "\"Action\": \"*\", \"Resource\": \"*\"",
            "\"Action\": \"iam:PassRole\", \"Resource\": \"*\""),
        ID,
        "PASS_ROLE_WITH_STAR_IN_ACTION_AND_RESOURCE");
  }

  /** A Deny that may not apply, or applies elsewhere, takes nothing away. */
  @Test
  void aConditionalOrNarrowerDenyDoesNot() {
    String allow = "\"Action\": «\"*\"», \"Resource\": \"*\"";
    assertFindings(
        allowThenDeny(
            allow,
            "\"Action\": \"*\", \"Resource\": \"*\", \"Condition\": {\"Bool\":"
                + " {\"aws:MultiFactorAuthPresent\": \"false\"}}"),
        ID,
        "PASS_ROLE_WITH_STAR_IN_ACTION_AND_RESOURCE");
    assertFindings(
        allowThenDeny(
            allow, "\"Action\": \"*\", \"Resource\": \"arn:aws:iam::123456789012:role/admin\""),
        ID,
        "PASS_ROLE_WITH_STAR_IN_ACTION_AND_RESOURCE");
    // Another action denied: iam:CreateServiceLinkedRole is still granted.
    assertFindings(
        allowThenDeny(allow, "\"Action\": \"iam:PassRole\", \"Resource\": \"*\""),
        ID,
        "CREATE_SLR_WITH_STAR_IN_ACTION_AND_RESOURCE");
  }

  private static final List<String> CODES =
      List.of(
          "PASS_ROLE_WITH_NOT_RESOURCE",
          "PASS_ROLE_WITH_STAR_IN_ACTION_AND_NOT_RESOURCE",
          "PASS_ROLE_WITH_NOT_ACTION_AND_NOT_RESOURCE",
          "PASS_ROLE_WITH_STAR_IN_RESOURCE",
          "PASS_ROLE_WITH_STAR_IN_ACTION_AND_RESOURCE",
          "PASS_ROLE_WITH_STAR_IN_RESOURCE_AND_NOT_ACTION",
          "CREATE_SLR_WITH_NOT_RESOURCE",
          "CREATE_SLR_WITH_STAR_IN_ACTION_AND_NOT_RESOURCE",
          "CREATE_SLR_WITH_NOT_ACTION_AND_NOT_RESOURCE",
          "CREATE_SLR_WITH_STAR_IN_RESOURCE",
          "CREATE_SLR_WITH_STAR_IN_ACTION_AND_RESOURCE",
          "CREATE_SLR_WITH_STAR_IN_RESOURCE_AND_NOT_ACTION");
}
