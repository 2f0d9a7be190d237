package dev.iampolicyls.checks;

import static dev.iampolicyls.checks.CheckAssert.assertFindings;

import dev.iampolicyls.policy.PolicyType;
import org.junit.jupiter.api.Test;

/**
 * The SCP and RCP rules: one nested group of policies per code, beside a close one that is fine.
 */
class OrganizationPolicyChecksTest {
  private static final PolicyType SCP = PolicyType.SERVICE_CONTROL_POLICY;
  private static final PolicyType RCP = PolicyType.RESOURCE_CONTROL_POLICY;

  @Test
  void scpPrincipal() {
    assertFindings(
        """
        {"Version": "2012-10-17", "Statement": [
          {"Effect": "Deny", «"Principal"»: "*", "Action": "s3:*", "Resource": "*"},
          {"Effect": "Deny", «"NotPrincipal"»: {"AWS": "arn:aws:iam::111122223333:root"}, "Action": "s3:*", "Resource": "*"}]}
        """,
        SCP,
        "SCP_SYNTAX_ERROR_PRINCIPAL");
    // The same statement scoped with a condition on the principal is how SCPs do it.
    assertFindings(
        """
        {"Version": "2012-10-17", "Statement": {"Effect": "Deny", "Action": "s3:*", "Resource": "*",
          "Condition": {"ArnNotLike": {"aws:PrincipalArn": "arn:aws:iam::*:role/Admin"}}}}
        """,
        SCP,
        "SCP_SYNTAX_ERROR_PRINCIPAL");
  }

  @Test
  void actionWildcardOnlyAtTheEndInRcps() {
    String policy =
        """
        {"Version": "2012-10-17", "Statement": {"Effect": "Deny", "Principal": "*",
          "Action": [«"s3:*Object"», "s3:Get*", «"s3:Put?bject"»], "Resource": "*"}}
        """;
    assertFindings(policy, RCP, "SCP_SYNTAX_ERROR_ACTION_WILDCARD");
    // SCPs accept inner wildcards since AWS Organizations' full IAM language support (2025).
    assertFindings(
        """
        {"Version": "2012-10-17", "Statement": {"Effect": "Deny",
          "Action": ["s3:*Object", "iam:*AccessKey*"], "Resource": "*"}}
        """,
        SCP,
        "SCP_SYNTAX_ERROR_ACTION_WILDCARD");
  }

  @Test
  void rcpPrincipal() {
    assertFindings(
        """
        {"Version": "2012-10-17", "Statement": [
          {"Effect": "Deny", "Principal": «{"AWS": "arn:aws:iam::111122223333:root"}», "Action": "s3:*", "Resource": "*"},
          {"Effect": "Deny", «"NotPrincipal"»: {"AWS": "arn:aws:iam::111122223333:root"}, "Action": "s3:*", "Resource": "*"},
          {"Effect": "Deny", "Principal": «"arn:aws:iam::111122223333:root"», "Action": "s3:*", "Resource": "*"}]}
        """,
        RCP,
        "RCP_SYNTAX_ERROR_PRINCIPAL");
    assertFindings(
        """
        {"Version": "2012-10-17", "Statement": [
          {"Effect": "Deny", "Principal": "*", "Action": "s3:*", "Resource": "*"},
          {"Effect": "Deny", "Principal": {"AWS": "*"}, "Action": "sqs:*", "Resource": "*"}]}
        """,
        RCP,
        "RCP_SYNTAX_ERROR_PRINCIPAL");
  }

  @Test
  void rcpAllow() {
    assertFindings(
        """
        {"Version": "2012-10-17", "Statement": [
          {"Effect": "Allow", "Principal": "*", "Action": "*", "Resource": «"arn:aws:s3:::b"»},
          {"Effect": "Allow", "Principal": "*", "Action": "*", «"NotResource"»: "arn:aws:s3:::b"},
          {"Effect": "Allow", "Principal": "*", "Action": "*", "Resource": "*",
           «"Condition"»: {"Bool": {"aws:SecureTransport": "true"}}}]}
        """,
        RCP,
        "RCP_SYNTAX_ERROR_ALLOW");
    // RCPFullAWSAccess, and a Deny narrowed every way.
    assertFindings(
        """
        {"Version": "2012-10-17", "Statement": [
          {"Effect": "Allow", "Principal": "*", "Action": "*", "Resource": "*"},
          {"Effect": "Deny", "Principal": "*", "Action": "s3:*", "Resource": "arn:aws:s3:::b",
           "Condition": {"Bool": {"aws:SecureTransport": "false"}}}]}
        """,
        RCP,
        "RCP_SYNTAX_ERROR_ALLOW");
  }

  @Test
  void rcpNotAction() {
    assertFindings(
        """
        {"Version": "2012-10-17", "Statement": {"Effect": "Deny", "Principal": "*",
          «"NotAction"»: "s3:GetObject", "Resource": "*"}}
        """,
        RCP,
        "RCP_SYNTAX_ERROR_NOTACTION");
    assertFindings(
        """
        {"Version": "2012-10-17", "Statement": {"Effect": "Deny", "NotAction": "s3:GetObject",
          "Resource": "*"}}
        """,
        SCP,
        "RCP_SYNTAX_ERROR_NOTACTION");
  }

  @Test
  void rcpActionOfAnUnsupportedService() {
    assertFindings(
        """
        {"Version": "2012-10-17", "Statement": {"Effect": "Deny", "Principal": "*",
          "Action": ["s3:GetObject", «"sns:Publish"», "kms:*", «"EC2:RunInstances"», "*"], "Resource": "*"}}
        """,
        RCP,
        "RCP_SYNTAX_ERROR_ACTION");
    assertFindings(
        """
        {"Version": "2012-10-17", "Statement": {"Effect": "Deny", "Principal": "*",
          "Action": ["sqs:*", "sts:AssumeRole", "secretsmanager:GetSecretValue"], "Resource": "*"}}
        """,
        RCP,
        "RCP_SYNTAX_ERROR_ACTION");
  }

  private static final String IDENTITY_PERIMETER =
      """
      {"Version": "2012-10-17", "Statement": {"Effect": "Deny", "Principal": "*", "Action": "s3:*",
        "Resource": "*", "Condition": {
          "StringNotEqualsIfExists": {«"aws:PrincipalOrgID"»: "o-123"},
          "StringEquals": {"aws:PrincipalAccount": "111122223333"}%s}}}
      """;

  @Test
  void rcpPrincipalKeyWithoutTheServiceGuard() {
    assertFindings(
        IDENTITY_PERIMETER.formatted(""), RCP, "RCP_MISSING_RELATED_PRINCIPAL_CONDITION_KEY");
    String guarded =
        IDENTITY_PERIMETER
            .formatted(", \"BoolIfExists\": {\"aws:PrincipalIsAWSService\": \"false\"}")
            .replace("«", "")
            .replace("»", "");
    assertFindings(guarded, RCP, "RCP_MISSING_RELATED_PRINCIPAL_CONDITION_KEY");
    // Not an RCP: nothing to say.
    assertFindings(
        IDENTITY_PERIMETER.formatted("").replace("«", "").replace("»", ""),
        PolicyType.RESOURCE_POLICY,
        "RCP_MISSING_RELATED_PRINCIPAL_CONDITION_KEY");
  }

  private static final String CONFUSED_DEPUTY =
      """
      {"Version": "2012-10-17", "Statement": {"Effect": "Deny", "Principal": "*", "Action": "s3:*",
        "Resource": "*", "Condition": {
          "StringNotEqualsIfExists": {«"aws:SourceOrgID"»: "o-123"}%s}}}
      """;

  @Test
  void rcpSourceKeyWithoutThePrincipalGuard() {
    assertFindings(
        CONFUSED_DEPUTY.formatted(", \"Null\": {\"aws:SourceAccount\": \"false\"}"),
        RCP,
        "RCP_MISSING_RELATED_SERVICE_PRINCIPAL_CONDITION_KEY");
    assertFindings(
        CONFUSED_DEPUTY
            .formatted(
                ", \"Null\": {\"aws:SourceAccount\": \"false\"},"
                    + " \"Bool\": {\"aws:PrincipalIsAWSService\": \"true\"}")
            .replace("«", "")
            .replace("»", ""),
        RCP,
        "RCP_MISSING_RELATED_SERVICE_PRINCIPAL_CONDITION_KEY");
  }

  @Test
  void rcpSourceKeyWithoutANullCheck() {
    assertFindings(
        CONFUSED_DEPUTY.formatted(", \"Bool\": {\"aws:PrincipalIsAWSService\": \"true\"}"),
        RCP,
        "RCP_MISSING_SERVICE_CONDITION_KEY_NULL_CHECK");
    assertFindings(
        CONFUSED_DEPUTY
            .formatted(
                ", \"Null\": {\"aws:SourceArn\": \"false\"},"
                    + " \"Bool\": {\"aws:PrincipalIsAWSService\": \"true\"}")
            .replace("«", "")
            .replace("»", ""),
        RCP,
        "RCP_MISSING_SERVICE_CONDITION_KEY_NULL_CHECK");
  }
}
