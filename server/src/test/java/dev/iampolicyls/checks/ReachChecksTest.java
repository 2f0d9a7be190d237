package dev.iampolicyls.checks;

import static dev.iampolicyls.checks.CheckAssert.assertFindings;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The checks that judge "every resource" judge by breadth class ({@code grants/Reach}), not by a
 * literal "*": RESOURCE_STAR by "as broad as *", the risk checks by "a whole type in an account"
 * too. And the conditions note says "may narrow it further" only of keys the actions carry.
 */
class ReachChecksTest {

  private static String allow(String actions, String resources) {
    return allow(actions, resources, null);
  }

  private static String allow(String actions, String resources, String condition) {
    return "{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"Allow\", \"Action\": "
        + actions
        + ", \"Resource\": "
        + resources
        + (condition == null ? "" : ", \"Condition\": " + condition)
        + "}]}";
  }

  @Test
  void aPatternAsBroadAsStarIsResourceStar() {
    List<Finding> found =
        assertFindings(
            allow("\"cloudtrail:UpdateTrail\"", "«\"arn:*:cloudtrail:*:*:trail/*\"»"),
            "RESOURCE_STAR");
    assertTrue(found.get(0).message().contains("as broad as \"*\""), found.get(0).message());
    // Each broad pattern names the actions it reaches; a named one is left alone.
    assertFindings(
        allow(
            "[\"ec2:TerminateInstances\", \"ec2:DeleteVolume\"]",
            "[«\"arn:aws:ec2:*:*:instance/*\"», \"arn:aws:ec2:us-east-1:111122223333:volume/vol-1\"]"),
        "RESOURCE_STAR");
    // Every object, but not every access point object: s3:PutObject acts on both.
    assertFindings(allow("\"s3:PutObject\"", "\"arn:aws:s3:::*\""), "RESOURCE_STAR");
  }

  @Test
  void accountWideOrPartialPatternsAreNotResourceStar() {
    assertFindings(
        allow("\"cloudtrail:UpdateTrail\"", "\"arn:aws:cloudtrail:*:111122223333:trail/*\""),
        "RESOURCE_STAR");
    assertFindings(
        allow("\"cloudtrail:UpdateTrail\"", "\"arn:aws:cloudtrail:*:*:trail/app-*\""),
        "RESOURCE_STAR");
    // A pattern of another type reaches nothing the action acts on.
    assertFindings(
        allow("\"ec2:TerminateInstances\"", "\"arn:aws:ec2:*:*:volume/*\""), "RESOURCE_STAR");
  }

  @Test
  void aWholeTypeInAnAccountCountsForTheRiskChecks() {
    List<Finding> found =
        assertFindings(
            allow("«\"iam:PutRolePolicy\"»", "\"arn:aws:iam::111122223333:role/*\""),
            "PERMISSIONS_MANAGEMENT");
    assertTrue(found.get(0).message().contains("in an account"), found.get(0).message());
    assertFindings(
        allow("«\"iam:CreateAccessKey\"»", "\"arn:aws:iam::111122223333:user/*\""),
        "CREDENTIALS_EXPOSURE");
    assertFindings(allow("«\"s3:GetObject\"»", "\"arn:aws:s3:::*/*\""), "DATA_EXFILTRATION");
  }

  @Test
  void namedOrPartialPatternsAreNotRisks() {
    assertFindings(
        allow("\"iam:PutRolePolicy\"", "\"arn:aws:iam::111122223333:role/app-*\""),
        "PERMISSIONS_MANAGEMENT");
    assertFindings(
        allow("\"iam:CreateAccessKey\"", "\"arn:aws:iam::111122223333:user/${aws:username}\""),
        "CREDENTIALS_EXPOSURE");
    assertFindings(allow("\"s3:GetObject\"", "\"arn:aws:s3:::my-bucket/*\""), "DATA_EXFILTRATION");
  }

  @Test
  void mayNarrowOnlyOfKeysTheActionsCarry() {
    String carried =
        assertFindings(
                allow(
                    "«\"s3:GetObject\"»",
                    "\"*\"",
                    "{\"StringNotEquals\": {\"s3:ExistingObjectTag/team\": \"x\"}}"),
                "DATA_EXFILTRATION")
            .get(0)
            .message();
    assertTrue(carried.contains("s3:ExistingObjectTag/team may narrow it further"), carried);
    String foreign =
        assertFindings(
                allow(
                    "«\"s3:GetObject\"»",
                    "\"*\"",
                    "{\"StringNotEquals\": {\"iam:ResourceTag/team\": \"x\"}}"),
                "DATA_EXFILTRATION")
            .get(0)
            .message();
    assertFalse(foreign.contains("may narrow"), foreign);
    String alwaysTrue =
        assertFindings(
                allow(
                    "«\"s3:GetObject\"»",
                    "\"*\"",
                    "{\"NotIpAddress\": {\"aws:SourceIp\": \"10.0.0.0/8\"}}"),
                "DATA_EXFILTRATION")
            .get(0)
            .message();
    assertFalse(alwaysTrue.contains("may narrow"), alwaysTrue);
    String global =
        assertFindings(
                allow(
                    "«\"s3:GetObject\"»",
                    "\"*\"",
                    "{\"Bool\": {\"aws:MultiFactorAuthPresent\": \"true\"}}"),
                "DATA_EXFILTRATION")
            .get(0)
            .message();
    assertTrue(global.contains("aws:MultiFactorAuthPresent may narrow it further"), global);
  }
}
