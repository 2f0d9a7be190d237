package dev.iampolicyls.checks;

import static dev.iampolicyls.checks.CheckAssert.assertFindings;
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
}
