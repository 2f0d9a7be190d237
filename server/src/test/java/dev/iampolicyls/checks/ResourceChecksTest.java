package dev.iampolicyls.checks;

import static dev.iampolicyls.checks.CheckAssert.assertFindings;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.iampolicyls.policy.PolicyType;
import org.junit.jupiter.api.Test;

/** RESOURCE_MISMATCH, WILDCARD_IN_SERVICE_NAME, REDUNDANT_ACTION and REDUNDANT_RESOURCE. */
class ResourceChecksTest {

  private static String statement(String actions, String resources) {
    return "{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"Allow\", \"Action\": "
        + actions
        + ", \"Resource\": "
        + resources
        + "}]}";
  }

  @Test
  void bucketArnForObjectActionsMismatches() {
    assertFindings(
        statement(
            "[\"s3:GetObject\", \"s3:PutObject\"]",
            "[«\"arn:aws:s3:::my-bucket\"», \"arn:aws:s3:::my-bucket/*\"]"),
        "RESOURCE_MISMATCH");
    // With a bucket action in the statement the bucket ARN has a use.
    assertFindings(
        statement(
            "[\"s3:GetObject\", \"s3:ListBucket\"]",
            "[\"arn:aws:s3:::my-bucket\", \"arn:aws:s3:::my-bucket/*\"]"),
        "RESOURCE_MISMATCH");
  }

  @Test
  void mismatchStaysSilentWhenTheCatalogCannotDecide() {
    String silent =
        statement(
            "[\"s3:Get*\"]",
            "[\"*\", \"arn:aws:s3:::my-bucket\", \"arn:aws:s3:::b*\", \"arn:aws:*:::b\"]");
    assertFindings(silent, "RESOURCE_MISMATCH"); // s3:Get* includes bucket actions
    assertFindings(statement("\"*\"", "\"arn:aws:s3:::b\""), "RESOURCE_MISMATCH");
    assertFindings(statement("\"s3:ListAllMyBuckets\"", "\"arn:aws:s3:::b\""), "RESOURCE_MISMATCH");
    assertFindings(statement("\"s3:Frobnicate\"", "\"arn:aws:s3:::b\""), "RESOURCE_MISMATCH");
    assertFindings(
        statement("\"iam:PassRole\"", "\"arn:aws:iam::${aws:PrincipalAccount}:role/r\""),
        "RESOURCE_MISMATCH");
    assertFindings(
        statement("\"iam:PassRole\"", "«\"arn:aws:iam::123456789012:instance-profile/p\"»"),
        "RESOURCE_MISMATCH");
  }

  @Test
  void wildcardInServiceName() {
    assertFindings(
        statement(
            "[«\"s3*:Get*\"», \"*:Get*\", \"s3:Get*\"]",
            "[«\"arn:aws:*code*::111122223333:*\"», \"arn:aws:*:*:*:*\"]"),
        "WILDCARD_IN_SERVICE_NAME");
    assertFindings(statement("[\"*\", \"ec2:*\"]", "\"*\""), "WILDCARD_IN_SERVICE_NAME");
  }

  @Test
  void redundantAction() {
    assertFindings(
        statement(
            "[\"iam:Get*\", \"iam:List*\", «\"iam:GetCredentialReport\"», «\"IAM:getrole\"», \"s3:Get*\", «\"s3:get*\"»]",
            "\"*\""),
        "REDUNDANT_ACTION");
    // iam:*CredentialReport also holds GenerateCredentialReport, which iam:Get* does not.
    assertFindings(
        statement("[\"iam:Get*\", \"iam:*CredentialReport\", \"s3:GetObject\"]", "\"*\""),
        "REDUNDANT_ACTION");
  }

  @Test
  void redundantResource() {
    assertFindings(
        statement(
            "\"s3:*\"",
            "[«\"arn:aws:s3:::b/x\"», \"arn:aws:s3:::b/*\", «\"arn:aws:s3:::b/${aws:username}/y\"», «\"arn:aws:s3:::b/*\"»]"),
        "REDUNDANT_RESOURCE");
    assertFindings(
        statement(
            "\"s3:*\"",
            "[\"arn:aws:s3:::b\", \"arn:aws:s3:::b/x*\", \"arn:aws:s3:::B/x\", \"arn:aws:s3:::b/${aws:username}\"]"),
        "REDUNDANT_RESOURCE");
  }

  @Test
  void coverIsSoundForStarsAndQuestionMarks() {
    assertTrue(PatternCover.covers("s3:Get*", "s3:GetObject*", true));
    assertTrue(PatternCover.covers("a*", "a?b*", false));
    assertFalse(PatternCover.covers("a?", "a*", false));
    assertFalse(PatternCover.covers("a*b", "a*", false));
    assertTrue(PatternCover.coversArn("*", "arn:aws:s3:::b"));
    assertFalse(PatternCover.coversArn("arn:aws:s3:::*", "arn:aws:s3:us-east-1:1:x"));
  }

  @Test
  void typeIsIdentityForPlainStatements() {
    assertFindings(
        statement("[\"s3:GetObject\"]", "[«\"arn:aws:s3:::b\"»]"),
        PolicyType.IDENTITY_POLICY,
        "RESOURCE_MISMATCH");
  }
}
