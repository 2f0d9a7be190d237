package dev.iampolicyls.checks;

import static dev.iampolicyls.checks.CheckAssert.assertFindings;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.iampolicyls.policy.PolicyType;
import java.util.List;
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
  void patternThatNamesOnlyObjectsMismatchesABucketAction() {
    assertFindings(
        statement("\"s3:ListBucket\"", "«\"arn:aws:s3:::my-bucket/*\"»"), "RESOURCE_MISMATCH");
    // A variable is some value without a slash: still an object key, never a bucket.
    assertFindings(
        statement("\"s3:ListBucket\"", "«\"arn:aws:s3:::b/${aws:username}/*\"»"),
        "RESOURCE_MISMATCH");
    assertFindings(
        statement("\"s3:ListBucket\"", "[\"arn:aws:s3:::my-bucket*\", \"arn:aws:s3:::*\"]"),
        "RESOURCE_MISMATCH");
  }

  @Test
  void actionThatFitsNoResourceIsReportedOnTheAction() {
    List<Finding> found =
        assertFindings(
            statement("[«\"s3:GetObject\"», \"s3:ListBucket\"]", "\"arn:aws:s3:::my-bucket\""),
            "RESOURCE_MISMATCH");
    assertTrue(found.get(0).message().contains("s3 object"), found.get(0).message());
    assertFindings(
        statement("[\"s3:GetObject\", «\"s3:ListBucket\"»]", "\"arn:aws:s3:::my-bucket/*\""),
        "RESOURCE_MISMATCH");
    // A wildcard that names some action of each kind fits both.
    assertFindings(
        statement("\"s3:*\"", "[\"arn:aws:s3:::my-bucket\", \"arn:aws:s3:::my-bucket/*\"]"),
        "RESOURCE_MISMATCH");
  }

  /**
   * An action the catalog cannot decide (unknown, or "*" only) may act on the Resource, which then
   * stays silent: the known actions that fit no Resource carry the finding instead.
   */
  @Test
  void besideAnUndecidedActionTheMisfittingActionsAreReported() {
    assertFindings(
        statement("[\"s3:GetObjekt\", «\"s3:ListBucket\"»]", "\"arn:aws:s3:::my-bucket/*\""),
        "RESOURCE_MISMATCH");
    assertFindings(
        statement("[\"s3:ListAllMyBuckets\", «\"s3:GetObject\"»]", "\"arn:aws:s3:::my-bucket\""),
        "RESOURCE_MISMATCH");
    assertFindings(
        statement("[\"s3:Frobnicate\", \"s3:GetObject\"]", "\"arn:aws:s3:::my-bucket/*\""),
        "RESOURCE_MISMATCH");
  }

  @Test
  void oneMistakeInASmallStatementIsReportedOnce() {
    // Neither side fits the other: the Resource carries the finding, not also the action.
    assertFindings(
        statement("\"s3:GetObject\"", "«\"arn:aws:s3:::my-bucket\"»"), "RESOURCE_MISMATCH");
  }

  @Test
  void mismatchAcrossServices() {
    String queue = "\"arn:aws:sqs:us-east-1:123456789012:q\"";
    assertFindings(statement("\"sns:Publish\"", "«" + queue + "»"), "RESOURCE_MISMATCH");
    assertFindings(
        statement("[«\"sns:Publish\"», \"sqs:SendMessage\"]", queue), "RESOURCE_MISMATCH");
  }

  @Test
  void renamedServicesAcceptEachOthersArns() {
    assertFindings(
        statement(
            "\"codestar-connections:UseConnection\"",
            "\"arn:aws:codeconnections:us-east-1:123456789012:connection/c\""),
        "RESOURCE_MISMATCH");
    assertFindings(
        statement(
            "\"codeconnections:UseConnection\"",
            "\"arn:aws:codestar-connections:us-east-1:123456789012:connection/*\""),
        "RESOURCE_MISMATCH");
  }

  @Test
  void crossServicePairsTheCatalogMissesStaySilent() {
    // EKS Connector: Systems Manager sessions reach EKS clusters, a type ssm's actions do not list.
    assertFindings(
        statement("\"ssm:StartSession\"", "\"arn:aws:eks:*:*:cluster/*\""), "RESOURCE_MISMATCH");
    // Without that known gap the same shape is reported: an IAM role for SSM tagging.
    assertFindings(
        statement("\"ssm:AddTagsToResource\"", "«\"arn:aws:iam::*:role/app-*\"»"),
        "RESOURCE_MISMATCH");
  }

  @Test
  void sameServicePatternsOfUnrelatedTypesStaySilent() {
    // The catalog does not list every type an action accepts (AWS grants glue:GetTags on schema
    // registries): within one service only a parent/child mix-up or a written-out ARN is sure.
    assertFindings(
        statement("\"glue:GetTags\"", "\"arn:aws:glue:*:*:registry/*\""), "RESOURCE_MISMATCH");
    assertFindings(
        statement("\"iam:PassRole\"", "«\"arn:aws:iam::*:instance-profile/app\"»"),
        "RESOURCE_MISMATCH");
    // A written-out ARN is reported whatever its type, as before.
    assertFindings(
        statement("\"glue:GetTags\"", "«\"arn:aws:glue:us-east-1:123456789012:registry/r\"»"),
        "RESOURCE_MISMATCH");
  }

  @Test
  void anArnAnotherCheckReportsGetsNoMismatchToo() {
    String bucketWithRegion = statement("\"s3:ListBucket\"", "\"arn:aws:s3:us-east-1::b\"");
    assertFindings(bucketWithRegion, "RESOURCE_MISMATCH");
    assertFindings(
        statement("\"s3:ListBucket\"", "«\"arn:aws:s3:us-east-1::b\"»"), "ARN_REGION_NOT_ALLOWED");
  }

  @Test
  void mismatchIsSilentWhenAnyPartCannotBeDecided() {
    // A "*" Resource may be what the object action uses: GetObject is not reported.
    assertFindings(
        statement("[\"s3:GetObject\", \"s3:ListBucket\"]", "[\"arn:aws:s3:::b\", \"*\"]"),
        "RESOURCE_MISMATCH");
    // s3:ListAllMyBuckets acts on "*" only: nothing to compare the bucket pattern against.
    assertFindings(
        statement("[\"s3:ListAllMyBuckets\", \"s3:GetObject\"]", "\"arn:aws:s3:::b*\""),
        "RESOURCE_MISMATCH");
    // An action the catalog does not know may act on the bucket: the Resource is not reported
    // (the object action that fits it not is: besideAnUndecidedActionTheMisfittingActions...).
    assertFindings(
        statement("[\"s3:Frobnicate\", «\"s3:GetObject\"»]", "\"arn:aws:s3:::b\""),
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
