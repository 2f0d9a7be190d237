package dev.iampolicyls.checks;

import static dev.iampolicyls.checks.CheckAssert.assertFindings;
import static dev.iampolicyls.checks.ConditionOperatorChecksTest.withCondition;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.iampolicyls.policy.PolicyType;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The condition key checks against the bundled catalog. */
class ConditionKeyChecksTest {

  private static String statement(String effect, String actionElement, String condition) {
    return "{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \""
        + effect
        + "\", "
        + actionElement
        + ", \"Resource\": \"*\", \"Condition\": "
        + condition
        + "}]}";
  }

  @Test
  void badKeyFormat() {
    assertFindings(
        withCondition(
            "{\"StringEquals\": {«\"SourceVpc\"»: \"vpc-1\", «\"aws:\"»: \"x\", «\"aws:SourceVpc"
                + " \"»: \"vpc-1\"}}"),
        "INVALID_CONDITION_KEY_FORMAT");
    assertFindings(
        withCondition(
            "{\"StringEquals\": {\"kms:EncryptionContext:aws:s3:arn\": \"x\","
                + " \"token.actions.githubusercontent.com:sub\": \"repo:o/r:*\"}, \"Null\":"
                + " {\"accounts.google.com\": \"false\"}}"),
        "INVALID_CONDITION_KEY_FORMAT");
  }

  @Test
  void unknownGlobalKeyIsReportedWithTheClosestRealOne() {
    List<Finding> f =
        assertFindings(
            withCondition("{\"StringEquals\": {«\"aws:SourceVcp\"»: \"vpc-1\"}}"),
            "INVALID_GLOBAL_CONDITION_KEY");
    assertTrue(f.get(0).message().contains("aws:SourceVpc"), f.get(0).message());
    assertFindings(
        withCondition(
            "{\"StringEquals\": {\"AWS:sourcevpc\": \"vpc-1\", \"aws:PrincipalTag/team\": \"a\","
                + " \"aws:ResourceTag\": \"a\", \"aws:ARN\": \"arn:aws:iam::111122223333:root\"}}"),
        "INVALID_GLOBAL_CONDITION_KEY");
  }

  @Test
  void misspelledServiceKey() {
    List<Finding> f =
        assertFindings(
            withCondition("{\"StringLike\": {«\"s3:prefx\"»: \"home/\"}}"),
            "INVALID_SERVICE_CONDITION_KEY");
    assertTrue(f.get(0).message().contains("s3:prefix"), f.get(0).message());
    // Real keys, templated keys and keys of prefixes the catalog does not know.
    assertFindings(
        withCondition(
            "{\"StringLike\": {\"s3:prefix\": \"home/\", \"s3:ExistingObjectTag/team\": \"a\","
                + " \"secretsmanager:ResourceTag/owner\": \"a\", \"saml:aud\": \"x\","
                + " \"example.com:sub\": \"x\"}}"),
        "INVALID_SERVICE_CONDITION_KEY");
  }

  @Test
  void serviceKeyUnlikeAnyListedOneIsReportedToo() {
    List<Finding> f =
        assertFindings(
            withCondition(
                "{\"StringEquals\": {«\"s3:CompletelyInventedKeyName\"»: \"x\","
                    + " «\"ec2:InstanceColour\"»: \"red\"}}"),
            "INVALID_SERVICE_CONDITION_KEY");
    assertEquals(
        "The service s3 has no condition key \"s3:CompletelyInventedKeyName\".",
        f.get(0).message());
  }

  @Test
  void keysKnownToWorkThoughTheCatalogDoesNotListThemAreAccepted() {
    String text =
        withCondition(
            "{\"Null\": {\"lakeformation:GlueARN\": \"true\"}, \"StringEquals\":"
                + " {\"aws:PrincipalOrgMasterAccountId\": \"111122223333\"}}");
    assertFindings(text, "INVALID_SERVICE_CONDITION_KEY");
    assertFindings(text, "INVALID_GLOBAL_CONDITION_KEY");
  }

  @Test
  void awsArnIsUnsupported() {
    assertFindings(
        withCondition("{\"ArnEquals\": {«\"aws:ARN\"»: \"arn:aws:iam::111122223333:root\"}}"),
        "UNSUPPORTED_GLOBAL_CONDITION_KEY");
    assertFindings(
        withCondition(
            "{\"ArnEquals\": {\"aws:PrincipalArn\": \"arn:aws:iam::111122223333:root\"}}"),
        "UNSUPPORTED_GLOBAL_CONDITION_KEY");
  }

  @Test
  void serviceKeyNextToActionsThatDoNotCarryIt() {
    String condition = "{\"StringLike\": {«\"s3:prefix\"»: \"home/\"}}";
    assertFindings(
        withCondition("[\"s3:ListBucket\", \"s3:GetObject\"]", condition),
        "UNSUPPORTED_ACTION_FOR_CONDITION_KEY");
    assertFindings(
        withCondition(
            "[\"s3:ListBucket\", \"s3:GetObject\"]", condition.replace("«", "").replace("»", "")),
        "MISSING_ACTION_FOR_CONDITION_KEY");
    // IfExists, negation, wildcard patterns with a supporting action: nothing to say.
    assertFindings(
        withCondition(
            "[\"s3:ListBucket\", \"s3:GetObject\", \"s3:Get*\"]",
            "{\"StringLikeIfExists\": {\"s3:prefix\": \"home/\"}, \"StringNotLike\":"
                + " {\"s3:prefix\": \"tmp/\"}}"),
        "UNSUPPORTED_ACTION_FOR_CONDITION_KEY");
  }

  @Test
  void serviceKeyThatNoActionOfTheStatementCarries() {
    assertFindings(
        withCondition(
            "[\"s3:GetObject\", \"s3:PutObject\"]",
            "{\"StringLike\": {«\"s3:prefix\"»: \"home/\"}}"),
        "MISSING_ACTION_FOR_CONDITION_KEY");
    assertFindings(
        withCondition(
            "[\"s3:GetObject\", \"s3:PutObject\"]", "{\"StringLike\": {\"s3:prefix\": \"home/\"}}"),
        "UNSUPPORTED_ACTION_FOR_CONDITION_KEY");
    assertFindings(
        withCondition(
            "[\"s3:ListBucket\", \"ec2:RunInstances\"]",
            "{\"StringLike\": {\"s3:prefix\": \"home/\"}, \"ArnLike\": {\"ec2:SourceInstanceArn\":"
                + " \"arn:aws:ec2:*:*:instance/*\"}}"),
        "MISSING_ACTION_FOR_CONDITION_KEY");
  }

  @Test
  void callerSetKeysAreUntrustworthy() {
    assertFindings(
        withCondition("{\"StringLike\": {«\"aws:Referer\"»: \"https://example.com/*\"}}"),
        "UNTRUSTWORTHY_CONDITION_KEY");
    assertFindings(
        withCondition("{\"StringEquals\": {\"aws:SourceVpce\": \"vpce-1\"}}"),
        "UNTRUSTWORTHY_CONDITION_KEY");
  }

  @Test
  void vpcSourceIpWithoutVpc() {
    assertFindings(
        withCondition("{\"IpAddress\": {«\"aws:VpcSourceIp\"»: \"10.0.0.0/16\"}}"),
        "MISSING_PAIRED_CONDITION_KEYS");
    assertFindings(
        withCondition(
            "{\"IpAddress\": {\"aws:VpcSourceIp\": \"10.0.0.0/16\"}, \"StringEquals\":"
                + " {\"aws:SourceVpc\": \"vpc-1\"}}"),
        "MISSING_PAIRED_CONDITION_KEYS");
  }

  @Test
  void tagKeysWithActionsThatDoNotCarryThem() {
    String condition = "{\"StringEquals\": {«\"aws:ResourceTag/team\"»: \"a\"}}";
    String actions = "\"Action\": [\"ec2:StartInstances\", \"ec2:DescribeInstances\"]";
    assertFindings(
        statement("Deny", actions, condition),
        "DENY_WITH_UNSUPPORTED_TAG_CONDITION_KEY_FOR_SERVICE");
    assertFindings(
        statement("Allow", actions, condition),
        "ALLOW_WITH_UNSUPPORTED_TAG_CONDITION_KEY_FOR_SERVICE");
    String supported = "\"Action\": [\"ec2:StartInstances\", \"ec2:StopInstances\", \"ec2:*\"]";
    String plain = condition.replace("«", "").replace("»", "");
    assertFindings(
        statement("Deny", supported, plain), "DENY_WITH_UNSUPPORTED_TAG_CONDITION_KEY_FOR_SERVICE");
    assertFindings(
        statement("Allow", supported, plain),
        "ALLOW_WITH_UNSUPPORTED_TAG_CONDITION_KEY_FOR_SERVICE");
    // IfExists makes the test true without the key: no action is left out.
    assertFindings(
        statement("Deny", actions, plain.replace("StringEquals", "StringEqualsIfExists")),
        "DENY_WITH_UNSUPPORTED_TAG_CONDITION_KEY_FOR_SERVICE");
  }

  @Test
  void tagKeysWithNotAction() {
    String condition = "{\"StringEquals\": {«\"aws:ResourceTag/team\"»: \"a\"}}";
    String notAction = "\"NotAction\": \"iam:*\"";
    assertFindings(
        statement("Deny", notAction, condition),
        PolicyType.SERVICE_CONTROL_POLICY,
        "DENY_NOTACTION_WITH_UNSUPPORTED_TAG_CONDITION_KEY_FOR_SERVICE");
    assertFindings(
        statement("Allow", notAction, condition),
        "ALLOW_NOTACTION_WITH_UNSUPPORTED_TAG_CONDITION_KEY_FOR_SERVICE");
    String plain = condition.replace("«", "").replace("»", "");
    assertFindings(
        statement("Deny", "\"Action\": \"ec2:StartInstances\"", plain),
        "DENY_NOTACTION_WITH_UNSUPPORTED_TAG_CONDITION_KEY_FOR_SERVICE");
    assertFindings(
        statement("Allow", notAction, "{\"StringEquals\": {\"aws:PrincipalTag/team\": \"a\"}}"),
        "ALLOW_NOTACTION_WITH_UNSUPPORTED_TAG_CONDITION_KEY_FOR_SERVICE");
  }
}
