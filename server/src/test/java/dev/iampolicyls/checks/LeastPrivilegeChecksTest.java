package dev.iampolicyls.checks;

import static dev.iampolicyls.checks.CheckAssert.assertFindings;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.iampolicyls.policy.PolicyType;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The least-privilege codes: where they fire, and the look-alikes where they must not. */
class LeastPrivilegeChecksTest {

  private static String policy(String... statements) {
    return "{\"Version\": \"2012-10-17\", \"Statement\": [" + String.join(", ", statements) + "]}";
  }

  private static String allow(String actions, String resource) {
    return "{\"Effect\": \"Allow\", \"Action\": " + actions + ", \"Resource\": " + resource + "}";
  }

  private static String deny(String actions, String resource) {
    return "{\"Effect\": \"Deny\", \"Action\": " + actions + ", \"Resource\": " + resource + "}";
  }

  // ---- FULL_ADMIN_ACCESS ----

  // "*" on "*", and a NotAction that keeps IAM: docs/checks/FULL_ADMIN_ACCESS.md.

  @Test
  void notFullAdminWhenIamIsExcludedDeniedOrResourcesNamed() {
    assertFindings(
        policy("{\"Effect\": \"Allow\", \"NotAction\": \"iam:*\", \"Resource\": \"*\"}"),
        "FULL_ADMIN_ACCESS");
    assertFindings(
        policy(allow("\"*\"", "\"*\""), deny("\"iam:*\"", "\"*\"")), "FULL_ADMIN_ACCESS");
    assertFindings(policy(allow("\"*\"", "\"arn:aws:s3:::b/*\"")), "FULL_ADMIN_ACCESS");
    assertFindings(
        "{\"Statement\": [{\"Effect\": \"Allow\", \"Action\": \"*\", \"Resource\": \"*\"}]}",
        PolicyType.SERVICE_CONTROL_POLICY,
        "FULL_ADMIN_ACCESS");
  }

  @Test
  void fullAdminStandsAloneWithoutTheFinerCodes() {
    String text = policy(allow("\"*\"", "\"*\""));
    for (String code :
        List.of(
            "PERMISSIONS_MANAGEMENT",
            "PRIVILEGE_ESCALATION",
            "CREDENTIALS_EXPOSURE",
            "DATA_EXFILTRATION",
            "RESOURCE_STAR")) {
      assertFindings(text, code);
    }
  }

  // ---- SERVICE_WILDCARD ----

  // ---- PRIVILEGE_ESCALATION on resource breadth ----

  @Test
  void everyRoleOfAnAccountEscalatesLikeEveryRole() {
    // The case where the tool contradicted itself: PASS_ROLE_WITH_STAR_IN_RESOURCE knew role/* is
    // every role, PRIVILEGE_ESCALATION counted only "*".
    String text =
        policy(
            allow("«\"iam:PassRole\"»", "\"arn:aws:iam::123456789012:role/*\""),
            allow("\"ec2:RunInstances\"", "\"*\""));
    assertFindings(text, "PRIVILEGE_ESCALATION");
    assertFindings(
        policy(
            allow("\"iam:PassRole\"", "«\"arn:aws:iam::123456789012:role/*\"»"),
            allow("\"ec2:RunInstances\"", "\"*\"")),
        "PASS_ROLE_WITH_STAR_IN_RESOURCE");
    assertFindings(
        policy(allow("«\"iam:CreatePolicyVersion\"»", "\"arn:aws:iam::123456789012:policy/*\"")),
        "PRIVILEGE_ESCALATION");
  }

  @Test
  void aPartialNameOrAnotherTypeStaysNamed() {
    assertFindings(
        policy(
            allow("\"iam:PassRole\"", "\"arn:aws:iam::123456789012:role/app-*\""),
            allow("\"ec2:RunInstances\"", "\"*\"")),
        "PRIVILEGE_ESCALATION");
    assertFindings(
        policy(
            allow("\"iam:PassRole\"", "\"arn:aws:iam::123456789012:role/${aws:username}\""),
            allow("\"ec2:RunInstances\"", "\"*\"")),
        "PRIVILEGE_ESCALATION");
    // Every user of the account is not a role: PassRole reaches nothing there.
    assertFindings(
        policy(
            allow(
                "[\"iam:PassRole\", \"ec2:RunInstances\"]",
                "\"arn:aws:iam::123456789012:user/*\"")),
        "PRIVILEGE_ESCALATION");
  }

  @Test
  void serviceWildcardSitsOnThePattern() {
    assertFindings(
        policy(allow("[\"s3:GetObject\", «\"s3:*\"», \"ec2:Describe*\"]", "\"*\"")),
        "SERVICE_WILDCARD");
    assertFindings(policy(allow("«\"sqs:**\"»", "\"arn:aws:sqs:*:*:q\"")), "SERVICE_WILDCARD");
  }

  @Test
  void noServiceWildcardForNarrowPatternsOrWhenADenyRemovesIt() {
    assertFindings(policy(allow("[\"s3:Get*\", \"*\", \"*:Get*\"]", "\"*\"")), "SERVICE_WILDCARD");
    assertFindings(
        policy(allow("\"s3:*\"", "\"*\""), deny("\"s3:*\"", "\"*\"")), "SERVICE_WILDCARD");
    // A conditional Deny may not apply: the finding stays.
    assertFindings(
        policy(
            allow("«\"s3:*\"»", "\"*\""),
            "{\"Effect\": \"Deny\", \"Action\": \"s3:*\", \"Resource\": \"*\", \"Condition\":"
                + " {\"Bool\": {\"aws:SecureTransport\": \"false\"}}}"),
        "SERVICE_WILDCARD");
  }

  // ---- RESOURCE_STAR ----

  @Test
  void writeActionsThatTakeArnsOnStar() {
    assertFindings(
        policy(allow("[\"s3:PutObject\", \"s3:GetObject\"]", "[\"arn:aws:s3:::b\", «\"*\"»]")),
        "RESOURCE_STAR");
  }

  @Test
  void noResourceStarForReadOnlyWildcardOnlyDeniedOrResourcePinned() {
    assertFindings(policy(allow("\"s3:GetObject\"", "\"*\"")), "RESOURCE_STAR");
    assertFindings(
        policy(allow("[\"iam:CreateAccountAlias\", \"s3:PutAccountPublicAccessBlock\"]", "\"*\"")),
        "RESOURCE_STAR");
    assertFindings(
        policy(allow("\"s3:PutObject\"", "\"*\""), deny("\"s3:Put*\"", "\"*\"")), "RESOURCE_STAR");
    assertFindings(
        policy(
            "{\"Effect\": \"Allow\", \"Action\": \"ec2:StopInstances\", \"Resource\": \"*\","
                + " \"Condition\": {\"StringEquals\": {\"aws:ResourceTag/team\": \"web\"}}}"),
        "RESOURCE_STAR");
  }

  // ---- ALLOW_WITH_NOT_ACTION / ALLOW_WITH_NOT_RESOURCE ----

  @Test
  void allowWithNotActionAndNotResource() {
    assertFindings(
        policy(
            "{\"Effect\": \"Allow\", «\"NotAction\"»: \"iam:*\", \"Resource\": \"arn:aws:s3:::b\"}"),
        "ALLOW_WITH_NOT_ACTION");
    assertFindings(
        policy("{\"Effect\": \"Allow\", \"Action\": \"s3:GetObject\", «\"NotResource\"»: \"x\"}"),
        "ALLOW_WITH_NOT_RESOURCE");
  }

  @Test
  void denyWithNotActionOrNotResourceIsFine() {
    String text =
        policy(
            allow("\"s3:GetObject\"", "\"arn:aws:s3:::b/*\""),
            "{\"Effect\": \"Deny\", \"NotAction\": \"s3:*\", \"NotResource\": \"arn:aws:s3:::b/*\"}");
    assertFindings(text, "ALLOW_WITH_NOT_ACTION");
    assertFindings(text, "ALLOW_WITH_NOT_RESOURCE");
  }

  // ---- PERMISSIONS_MANAGEMENT ----

  @Test
  void permissionsManagementOnStarSitsOnEachGrantingString() {
    assertFindings(
        policy(allow("[«\"iam:Put*\"», \"s3:GetObject\", «\"s3:PutBucketPolicy\"»]", "\"*\"")),
        "PERMISSIONS_MANAGEMENT");
  }

  @Test
  void noPermissionsManagementOnNamedResourcesOrWhenDenied() {
    assertFindings(
        policy(allow("\"s3:PutBucketPolicy\"", "\"arn:aws:s3:::b\"")), "PERMISSIONS_MANAGEMENT");
    assertFindings(
        policy(allow("\"s3:PutBucketPolicy\"", "\"*\""), deny("\"s3:PutBucket*\"", "\"*\"")),
        "PERMISSIONS_MANAGEMENT");
    // A Deny on some buckets does not cover an Allow on every bucket.
    assertFindings(
        policy(
            allow("«\"s3:PutBucketPolicy\"»", "\"*\""),
            deny("\"s3:PutBucketPolicy\"", "\"arn:aws:s3:::b\"")),
        "PERMISSIONS_MANAGEMENT");
  }

  // ---- CREDENTIALS_EXPOSURE ----

  // A Get of credentials on "*" fires: docs/checks/CREDENTIALS_EXPOSURE.md.

  @Test
  void noCredentialsExposureOnNamedResourcesOrForWildcardOnlyActions() {
    assertFindings(
        policy(allow("\"sts:AssumeRole\"", "\"arn:aws:iam::123456789012:role/deploy\"")),
        "CREDENTIALS_EXPOSURE");
    // Only grantable on "*", and returns the caller's own token.
    assertFindings(policy(allow("\"ecr:GetAuthorizationToken\"", "\"*\"")), "CREDENTIALS_EXPOSURE");
  }

  // ---- DATA_EXFILTRATION ----

  @Test
  void dataReadOnStar() {
    assertFindings(
        policy(allow("[«\"s3:GetObject\"», «\"ssm:GetParameter*\"»]", "\"*\"")),
        "DATA_EXFILTRATION");
  }

  @Test
  void noDataExfiltrationWhenPinnedNamedOrDenied() {
    assertFindings(
        policy(
            "{\"Effect\": \"Allow\", \"Action\": \"s3:GetObject\", \"Resource\": \"*\","
                + " \"Condition\": {\"StringEquals\": {\"aws:SourceVpce\": \"vpce-1a2b3c4d\"}}}"),
        "DATA_EXFILTRATION");
    assertFindings(policy(allow("\"s3:GetObject\"", "\"arn:aws:s3:::b/*\"")), "DATA_EXFILTRATION");
    assertFindings(
        policy(allow("\"s3:GetObject\"", "\"*\""), deny("\"s3:GetObject\"", "\"*\"")),
        "DATA_EXFILTRATION");
    // A negated or IfExists condition does not pin: the finding stays.
    assertFindings(
        policy(
            "{\"Effect\": \"Allow\", \"Action\": «\"s3:GetObject\"», \"Resource\": \"*\","
                + " \"Condition\": {\"StringEqualsIfExists\": {\"aws:SourceVpce\": \"vpce-1\"}}}"),
        "DATA_EXFILTRATION");
  }

  // ---- PUBLIC_ACCESS ----

  private static String bucketPolicy(String principal, String condition) {
    return "{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"Allow\", \"Principal\": "
        + principal
        + ", \"Action\": \"s3:GetObject\", \"Resource\": \"arn:aws:s3:::b/*\""
        + condition
        + "}]}";
  }

  @Test
  void publicPrincipalSitsOnTheStar() {
    // Also "*" in a list of principals, and under a negated condition: the page's examples.
    assertFindings(bucketPolicy("«\"*\"»", ""), "PUBLIC_ACCESS");
  }

  @Test
  void noPublicAccessWithAPinningConditionOrNamedPrincipal() {
    assertFindings(
        bucketPolicy(
            "\"*\"", ", \"Condition\": {\"StringEquals\": {\"aws:PrincipalOrgID\": \"o-abc123\"}}"),
        "PUBLIC_ACCESS");
    assertFindings(
        bucketPolicy("{\"AWS\": \"arn:aws:iam::111122223333:root\"}", ""), "PUBLIC_ACCESS");
    // Only AWS services may call (AWS's data-perimeter endpoint policies).
    assertFindings(
        bucketPolicy(
            "\"*\"", ", \"Condition\": {\"Bool\": {\"aws:PrincipalIsAWSService\": \"true\"}}"),
        "PUBLIC_ACCESS");
  }

  /** Allow * on a bucket's objects, then a Deny of these actions to all but some callers. */
  private static String allowThenDeny(String star, String denied, String condition) {
    return "{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"Allow\", \"Principal\": "
        + star
        + ", \"Action\": [\"s3:GetObject\", \"s3:PutObject\"], \"Resource\": \"arn:aws:s3:::b/*\"},"
        + " {\"Effect\": \"Deny\", \"Principal\": \"*\", \"Action\": "
        + denied
        + ", \"Resource\": \"arn:aws:s3:::b/*\", \"Condition\": "
        + condition
        + "}]}";
  }

  @Test
  void aDenyToAllButPinnedCallersPinsTheAllow() {
    // A private API's usual policy: allow everyone, deny whoever does not come through the
    // endpoint. Only those callers are left.
    String vpce = "{\"StringNotEquals\": {\"aws:SourceVpce\": \"vpce-1a2b3c4d\"}}";
    assertFindings(allowThenDeny("\"*\"", "\"s3:*\"", vpce), "PUBLIC_ACCESS");
    assertFindings(
        allowThenDeny(
            "\"*\"",
            "[\"s3:GetObject\", \"s3:PutObject\"]",
            "{\"StringNotEqualsIfExists\": {\"aws:PrincipalOrgID\": \"o-abc123\"},"
                + " \"NotIpAddress\": {\"aws:SourceIp\": \"203.0.113.0/24\"}}"),
        "PUBLIC_ACCESS");
    // Not when the Deny leaves an action out, also holds a test that does not pin the caller,
    // pins with a wildcard only, or is no negation.
    assertFindings(allowThenDeny("«\"*\"»", "\"s3:GetObject\"", vpce), "PUBLIC_ACCESS");
    assertFindings(
        allowThenDeny(
            "«\"*\"»",
            "\"s3:*\"",
            "{\"StringNotEquals\": {\"aws:SourceVpce\": \"vpce-1a2b3c4d\"},"
                + " \"Bool\": {\"aws:SecureTransport\": \"false\"}}"),
        "PUBLIC_ACCESS");
    assertFindings(
        allowThenDeny("«\"*\"»", "\"s3:*\"", "{\"StringNotLike\": {\"aws:SourceVpce\": \"*\"}}"),
        "PUBLIC_ACCESS");
    assertFindings(
        allowThenDeny(
            "«\"*\"»", "\"s3:*\"", "{\"StringEquals\": {\"aws:SourceVpce\": \"vpce-1a2b3c4d\"}}"),
        "PUBLIC_ACCESS");
  }

  // ---- messages name the cause ----

  @Test
  void messagesNameTheActionsAndTheConditionTakenIntoAccount() {
    List<Finding> f =
        assertFindings(
            policy(
                "{\"Effect\": \"Allow\", \"Action\": «\"s3:PutBucketAcl\"», \"Resource\": \"*\","
                    + " \"Condition\": {\"IpAddress\": {\"aws:SourceIp\": \"203.0.113.0/24\"}}}"),
            "PERMISSIONS_MANAGEMENT");
    assertEquals(true, f.get(0).message().contains("s3:PutBucketAcl"), f.get(0).message());
    assertEquals(true, f.get(0).message().contains("aws:SourceIp"), f.get(0).message());
  }
}
