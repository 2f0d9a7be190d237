package dev.iampolicyls.checks;

import static dev.iampolicyls.checks.CheckAssert.assertFindings;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The checks on condition values: IP ranges, identifier formats and redundant or weak tests. */
class ConditionValueChecksTest {

  private static String statement(String effect, String action, String condition) {
    return "{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \""
        + effect
        + "\", \"Action\": \""
        + action
        + "\", \"Resource\": \"*\", \"Condition\": "
        + condition
        + "}]}";
  }

  private static String allow(String condition) {
    return statement("Allow", "s3:GetObject", condition);
  }

  @Test
  void onlyPrivateSourceIpsUnderIpAddressNeverMatch() {
    assertFindings(
        allow(
            "{\"IpAddress\": {«\"aws:SourceIp\"»: [\"10.0.0.0/8\", \"192.168.1.1\", \"fd00::/8\"]}}"),
        "PRIVATE_IP_ADDRESS");
    assertFindings(
        allow("{\"IpAddress\": {\"aws:SourceIp\": [\"10.0.0.0/8\", \"203.0.113.0/24\"]}}"),
        "PRIVATE_IP_ADDRESS");
    assertFindings(
        allow("{\"IpAddress\": {\"aws:VpcSourceIp\": \"10.0.0.0/8\"}}"), "PRIVATE_IP_ADDRESS");
  }

  @Test
  void onlyPrivateSourceIpsUnderNotIpAddressAlwaysMatch() {
    assertFindings(
        statement(
            "Deny", "*", "{\"NotIpAddressIfExists\": {«\"aws:SourceIp\"»: \"172.16.0.0/12\"}}"),
        "PRIVATE_NOT_IP_ADDRESS");
    assertFindings(
        allow("{\"IpAddress\": {\"aws:SourceIp\": \"172.16.0.0/12\"}}"), "PRIVATE_NOT_IP_ADDRESS");
  }

  @Test
  void privateRangesMixedWithPublicOnesAreReportedEach() {
    assertFindings(
        allow(
            "{\"IpAddress\": {\"aws:SourceIp\": [\"203.0.113.0/24\", «\"10.0.0.0/8\"», \"2001:db8::/32\"]}}"),
        "PRIVATE_IP_ADDRESS_SUBSET");
    assertFindings(
        allow("{\"IpAddress\": {\"aws:SourceIp\": [\"203.0.113.0/24\", \"198.51.100.0/24\"]}}"),
        "PRIVATE_IP_ADDRESS_SUBSET");
    assertFindings(
        statement(
            "Deny",
            "*",
            "{\"NotIpAddress\": {\"aws:SourceIp\": [«\"192.168.0.0/16\"», \"203.0.113.0/24\"]}}"),
        "PRIVATE_NOT_IP_ADDRESS_SUBSET");
    assertFindings(
        statement(
            "Deny",
            "*",
            "{\"NotIpAddress\": {\"aws:SourceIp\": [\"192.168.0.0/16\", \"not an address\"]}}"),
        "PRIVATE_NOT_IP_ADDRESS_SUBSET");
  }

  @Test
  void hostBitsAfterThePrefixAreReportedWithTheNetwork() {
    List<Finding> f =
        assertFindings(
            allow(
                "{\"IpAddress\": {\"aws:SourceIp\": [«\"203.0.113.5/24\"», \"198.51.100.0/24\", \"198.51.100.7\"]}}"),
            "IMPROVE_IP_RANGE");
    assertTrue(f.get(0).message().contains("203.0.113.0/24"), f.get(0).message());
    assertFindings(
        allow("{\"StringEquals\": {\"aws:ResourceTag/cidr\": \"203.0.113.5/24\"}}"),
        "IMPROVE_IP_RANGE");
  }

  @Test
  void tagKeysWithoutATagAreReported() {
    assertFindings(
        allow(
            "{\"StringEquals\": {«\"aws:ResourceTag/\"»: \"a\", «\"aws:RequestTag\"»: \"b\", «\"s3:ExistingObjectTag\"»: \"c\"}}"),
        "MISSING_TAG_KEY_IN_CONDITION");
    assertFindings(
        allow(
            "{\"StringEquals\": {\"aws:ResourceTag/team\": \"a\", \"ec2:ResourceTag/x\": \"b\"},"
                + " \"ForAllValues:StringEquals\": {\"aws:TagKeys\": [\"team\"]}}"),
        "MISSING_TAG_KEY_IN_CONDITION");
  }

  @Test
  void sourceVpcValuesMustBeVpcIds() {
    assertFindings(
        allow(
            "{\"StringEquals\": {\"aws:SourceVpc\": [\"vpc-1a2b3c4d\", «\"vpc-123\"», \"vpc-0123456789abcdef0\", «\"vpce-1a2b3c4d\"»]}}"),
        "INVALID_VPC_FORMAT");
    assertFindings(
        allow(
            "{\"StringLike\": {\"aws:SourceVpc\": \"vpc-*\"}, \"StringEquals\": {\"aws:SourceVpcArn\": \"x\"}}"),
        "INVALID_VPC_FORMAT");
  }

  @Test
  void sourceVpceValuesMustBeEndpointIds() {
    assertFindings(
        allow(
            "{\"StringNotEquals\": {\"aws:sourcevpce\": [«\"vpc-1a2b3c4d\"», \"vpce-1a2b3c4d5e6f7a8b9\"]}}"),
        "INVALID_VPCE_FORMAT");
    assertFindings(
        allow("{\"StringEquals\": {\"aws:SourceVpce\": \"vpce-1a2b3c4d\"}}"),
        "INVALID_VPCE_FORMAT");
  }

  @Test
  void s3KmsKeyValuesMustBeKeyArns() {
    String key = "s3:x-amz-server-side-encryption-aws-kms-key-id";
    assertFindings(
        statement(
            "Allow",
            "s3:PutObject",
            "{\"StringEquals\": {\""
                + key
                + "\": [«\"1234abcd-12ab-34cd-56ef-1234567890ab\"», «\"arn:aws:kms:us-east-1:111122223333:alias/app\"»]}}"),
        "INVALID_KMS_KEY_VALUE");
    assertFindings(
        statement(
            "Allow",
            "s3:PutObject",
            "{\"StringEquals\": {\""
                + key
                + "\": \"arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab\"},"
                + " \"StringLike\": {\""
                + key
                + "\": \"arn:aws:kms:*:111122223333:*\"}, \"Null\": {\""
                + key
                + "\": \"true\"}}"),
        "INVALID_KMS_KEY_VALUE");
  }

  @Test
  void dynamodbAttributesNeedSpecificSelect() {
    String attributes =
        "\"ForAllValues:StringEquals\": {«\"dynamodb:Attributes\"»: [\"ID\", \"Message\"]}";
    assertFindings(
        statement("Allow", "dynamodb:GetItem", "{" + attributes + "}"),
        "DYNAMODB_ATTRIBUTES_WITHOUT_SELECT");
    String withSelect =
        "{\"ForAllValues:StringEquals\": {\"dynamodb:Attributes\": [\"ID\"]},"
            + " \"StringEqualsIfExists\": {\"dynamodb:Select\": \"SPECIFIC_ATTRIBUTES\"}}";
    assertFindings(
        statement("Allow", "dynamodb:GetItem", withSelect), "DYNAMODB_ATTRIBUTES_WITHOUT_SELECT");
    assertFindings(
        statement(
            "Deny",
            "dynamodb:GetItem",
            "{\"ForAnyValue:StringNotEquals\": {\"dynamodb:Attributes\": [\"ID\"]}}"),
        "DYNAMODB_ATTRIBUTES_WITHOUT_SELECT");
  }

  @Test
  void s3PrefixInADenyOrUnderANegatedOperatorIsReported() {
    assertFindings(
        statement("Deny", "s3:ListBucket", "{\"StringLike\": {«\"s3:prefix\"»: \"private/*\"}}"),
        "S3_PREFIX_IN_NEGATIVE_CONTEXT");
    assertFindings(
        statement(
            "Allow", "s3:ListBucket", "{\"StringNotLike\": {«\"s3:prefix\"»: \"private/*\"}}"),
        "S3_PREFIX_IN_NEGATIVE_CONTEXT");
    assertFindings(
        statement("Allow", "s3:ListBucket", "{\"StringLike\": {\"s3:prefix\": \"home/*\"}}"),
        "S3_PREFIX_IN_NEGATIVE_CONTEXT");
    assertFindings(
        statement("Deny", "s3:ListBucket", "{\"StringNotLike\": {\"s3:prefix\": \"home/*\"}}"),
        "S3_PREFIX_IN_NEGATIVE_CONTEXT");
  }

  @Test
  void onlyTheExtremeNumericBoundCounts() {
    List<Finding> f =
        assertFindings(
            allow("{\"NumericLessThan\": {\"aws:MultiFactorAuthAge\": [«\"2700\"», \"3600\"]}}"),
            "REDUNDANT_CONDITION_VALUE_NUM");
    assertTrue(f.get(0).message().contains("3600"), f.get(0).message());
    assertFindings(
        allow("{\"NumericGreaterThanEquals\": {\"aws:MultiFactorAuthAge\": [10, «20»]}}"),
        "REDUNDANT_CONDITION_VALUE_NUM");
    assertFindings(
        allow(
            "{\"NumericEquals\": {\"aws:MultiFactorAuthAge\": [\"2700\", \"3600\"]},"
                + " \"NumericLessThan\": {\"s3:max-keys\": \"10\"}}"),
        "REDUNDANT_CONDITION_VALUE_NUM");
  }

  @Test
  void alwaysTrueWildcardTestsAreRedundantKeys() {
    assertFindings(
        allow(
            "{\"StringLikeIfExists\": {«\"aws:PrincipalTag/team\"»: \"*\"},"
                + " \"ForAllValues:StringLike\": {«\"aws:TagKeys\"»: [\"team\", \"*\"]}}"),
        "REDUNDANT_KEY_DUE_TO_WILDCARD_IN_CONDITION");
    assertFindings(
        allow(
            "{\"StringLike\": {\"aws:PrincipalTag/team\": \"*\"},"
                + " \"StringLikeIfExists\": {\"aws:PrincipalTag/x\": \"a*\"}}"),
        "REDUNDANT_KEY_DUE_TO_WILDCARD_IN_CONDITION");
  }

  @Test
  void neverTrueWildcardTestsMakeTheStatementRedundant() {
    assertFindings(
        allow("{\"ForAnyValue:StringNotLike\": {«\"aws:TagKeys\"»: \"*\"}}"),
        "REDUNDANT_STATEMENT_DUE_TO_WILDCARD_IN_CONDITION");
    assertFindings(
        allow(
            "{\"ForAllValues:StringNotLike\": {\"aws:TagKeys\": \"*\"},"
                + " \"ForAnyValue:StringNotLikeIfExists\": {\"aws:CalledVia\": \"*\"}}"),
        "REDUNDANT_STATEMENT_DUE_TO_WILDCARD_IN_CONDITION");
  }
}
