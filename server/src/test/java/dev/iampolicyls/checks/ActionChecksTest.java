package dev.iampolicyls.checks;

import static dev.iampolicyls.checks.CheckAssert.assertFindings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** INVALID_SERVICE_IN_ACTION and INVALID_ACTION against the bundled catalog. */
class ActionChecksTest {

  private static String statementWith(String actions) {
    return "{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"Allow\", \"Action\": "
        + actions
        + ", \"Resource\": \"*\"}]}";
  }

  @Test
  void realActionsPatternsAndAnyCaseAreAccepted() {
    String text =
        statementWith(
            "[\"s3:GetObject\", \"S3:getobject\", \"s3:Get*\", \"ec2:*Instance?\", \"*\", \"s3:*\", \"iam:PassRole\", \"*:Get*\"]");
    assertFindings(text, "INVALID_ACTION");
    assertFindings(text, "INVALID_SERVICE_IN_ACTION");
  }

  @Test
  void aPrefixThatExtendsAKnownOneIsStillChecked() {
    // The check skips actions whose service part repeats the last known one: only exact repeats.
    assertFindings(
        statementWith(
            "[\"s3:GetObject\", \"s3:PutObject\", «\"s3x:GetObject\"», \"S3:ListBucket\", «\"s:Get\"»]"),
        "INVALID_SERVICE_IN_ACTION");
  }

  @Test
  void unknownServiceIsReportedWithTheClosestPrefix() {
    List<Finding> f =
        assertFindings(
            statementWith("[\"s3:GetObject\", «\"s4:GetObject\"»]"), "INVALID_SERVICE_IN_ACTION");
    assertTrue(f.get(0).message().contains("s3"), f.get(0).message());
    assertFindings(statementWith("[\"s3:GetObject\", \"s4:GetObject\"]"), "INVALID_ACTION");
  }

  @Test
  void unknownActionIsReportedWithTheClosestRealAction() {
    List<Finding> f =
        assertFindings(statementWith("[«\"s3:GetObjekt\"», \"s3:PutObject\"]"), "INVALID_ACTION");
    assertTrue(f.get(0).message().contains("s3:GetObject"), f.get(0).message());
  }

  @Test
  void patternsThatMatchNothingAreReported() {
    assertFindings(
        statementWith("[«\"s3:Frobnicate*\"», «\"*:Frobnicate*\"», \"s3:Get?bject\"]"),
        "INVALID_ACTION");
  }

  @Test
  void stringsThatAreNotActionsAreReported() {
    assertFindings(
        statementWith("[«\"GetObject\"», «\"s3:\"», «\"s3:Get:Object\"», «\"ec2:* \"»]"),
        "INVALID_ACTION");
  }

  @Test
  void notActionIsCheckedToo() {
    assertFindings(
        "{\"Statement\": [{\"Effect\": \"Deny\", \"NotAction\": «\"iam:PassRoles\"», \"Resource\": \"*\"}]}",
        "INVALID_ACTION");
  }

  @Test
  void apiOperationNamesGetTheActionThatAuthorizesThem() {
    List<Finding> f =
        assertFindings(
            statementWith(
                "[«\"s3:ListBuckets\"», «\"S3:headobject\"», \"s3:GetObject\","
                    + " «\"sqs:DeleteMessageBatch\"», «\"s3:UploadPart\"»]"),
            "INVALID_ACTION");
    assertEquals(
        "The service s3 has no action \"ListBuckets\": ListBuckets is an API operation, which IAM"
            + " authorizes with s3:ListAllMyBuckets.",
        f.get(0).message());
    assertTrue(f.get(1).message().endsWith("authorizes with s3:GetObject."), f.get(1).message());
    assertTrue(
        f.get(2).message().endsWith("authorizes with sqs:DeleteMessage."), f.get(2).message());
    assertTrue(f.get(3).message().endsWith("authorizes with s3:PutObject."), f.get(3).message());
    // The name spelled alike (s3:ListBucket) is another operation: not offered.
    assertTrue(!f.get(0).message().contains("Did you mean"), f.get(0).message());
  }

  @Test
  void retiredPrefixesNameTheirSuccessor() {
    List<Finding> f =
        assertFindings(
            statementWith(
                "[«\"macie:ListMemberAccounts\"», «\"pinpoint:SendMessages\"», \"macie2:ListFindings\"]"),
            "INVALID_SERVICE_IN_ACTION");
    assertEquals(
        "\"macie\" is not an AWS service prefix: it was Amazon Macie Classic's, which AWS retired;"
            + " Amazon Macie's actions use macie2.",
        f.get(0).message());
    assertEquals(
        "\"pinpoint\" is not an AWS service prefix: Amazon Pinpoint's actions use mobiletargeting.",
        f.get(1).message());
  }
}
