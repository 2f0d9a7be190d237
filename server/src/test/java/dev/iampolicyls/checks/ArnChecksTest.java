package dev.iampolicyls.checks;

import static dev.iampolicyls.checks.CheckAssert.assertFindings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The ARN format checks, one test pair per code: a policy that triggers it and a close one. */
class ArnChecksTest {

  private static String withResources(String action, String resources) {
    return "{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"Allow\", \"Action\": \""
        + action
        + "\", \"Resource\": "
        + resources
        + "}]}";
  }

  private static String s3(String resources) {
    return withResources("s3:*", resources);
  }

  @Test
  void arnPrefix() {
    assertFindings(s3("[«\"my-bucket/*\"», «\"ARN:aws:s3:::b\"», «\" *\"»]"), "INVALID_ARN_PREFIX");
    assertFindings(
        s3("[\"*\", \"arn:aws:s3:::b\", \"*:s3:::b\", \"ar?:aws:s3:::b\"]"), "INVALID_ARN_PREFIX");
  }

  @Test
  void missingField() {
    assertFindings(s3("[«\"arn:aws:s3:my-bucket\"»]"), "MISSING_ARN_FIELD");
    assertFindings(s3("[\"arn:aws:s3:::my-bucket\", \"arn:aws:*\"]"), "MISSING_ARN_FIELD");
  }

  @Test
  void partition() {
    assertFindings(s3("[«\"arn:amazon:s3:::b\"», «\"arn::s3:::b\"»]"), "INVALID_PARTITION");
    assertFindings(
        s3(
            "[\"arn:aws-cn:s3:::b\", \"arn:aws-us-gov:s3:::b\", \"arn:*:s3:::b\", \"arn:aws-*:s3:::b\"]"),
        "INVALID_PARTITION");
  }

  @Test
  void serviceCaseAndUnknownService() {
    assertFindings(s3("[«\"arn:aws:S3:::b\"»]"), "INVALID_ARN_SERVICE_CASE");
    assertFindings(s3("[\"arn:aws:s3:::b\"]"), "INVALID_ARN_SERVICE_CASE");
    assertFindings(
        withResources(
            "*", "[«\"arn:aws:s4:::b\"», «\"arn:aws:autoscling:us-east-1:123456789012:x\"»]"),
        "INVALID_SERVICE");
    // ARN namespaces that are not action prefixes are known too; wildcards say nothing.
    assertFindings(
        withResources(
            "*",
            "[\"arn:aws:s3:::b\", \"arn:aws:codewhisperer:us-east-1:123456789012:profile/x\","
                + " \"arn:aws:*code*:*:*:*\", \"arn:aws:sts::123456789012:assumed-role/r/s\"]"),
        "INVALID_SERVICE");
  }

  @Test
  void regionNotAllowed() {
    assertFindings(
        withResources("iam:GetRole", "[«\"arn:aws:iam:us-east-1:123456789012:role/r\"»]"),
        "ARN_REGION_NOT_ALLOWED");
    assertFindings(
        withResources(
            "iam:GetRole",
            "[\"arn:aws:iam::123456789012:role/r\", \"arn:aws:iam:*:123456789012:role/r\"]"),
        "ARN_REGION_NOT_ALLOWED");
  }

  @Test
  void invalidArnRegion() {
    assertFindings(
        withResources(
            "sqs:*",
            "[«\"arn:aws:sqs:us-east-7:123456789012:q\"», «\"arn:aws:sqs:cn-north-1:123456789012:q\"»,"
                + " «\"arn:aws:sqs:mars-*:123456789012:q\"»]"),
        "INVALID_ARN_REGION");
    assertFindings(
        withResources(
            "sqs:*",
            "[\"arn:aws:sqs:us-east-1:123456789012:q\", \"arn:aws-cn:sqs:cn-north-1:123456789012:q\","
                + " \"arn:aws:sqs:us-*:123456789012:q\", \"arn:aws:sqs:${aws:RequestedRegion}:123456789012:q\","
                + " \"arn:aws-eusc:sqs:eusc-de-east-1:123456789012:q\"]"),
        "INVALID_ARN_REGION");
  }

  @Test
  void missingRegion() {
    assertFindings(
        withResources("sqs:*", "[«\"arn:aws:sqs::123456789012:q\"»]"), "MISSING_ARN_REGION");
    // S3 buckets have no Region, so an S3 ARN without one is fine.
    assertFindings(
        s3("[\"arn:aws:s3:::b\", \"arn:aws:sqs:*:123456789012:q\"]"), "MISSING_ARN_REGION");
  }

  @Test
  void accountNotAllowed() {
    assertFindings(s3("[«\"arn:aws:s3::123456789012:b\"»]"), "ARN_ACCOUNT_NOT_ALLOWED");
    assertFindings(
        s3("[\"arn:aws:s3:::b\", \"arn:aws:s3:us-east-1:123456789012:accesspoint/ap\"]"),
        "ARN_ACCOUNT_NOT_ALLOWED");
  }

  @Test
  void invalidAccount() {
    assertFindings(
        withResources(
            "iam:GetRole",
            "[«\"arn:aws:iam::account-id:role/r\"», «\"arn:aws:iam::12345678901:role/r\"»]"),
        "INVALID_ARN_ACCOUNT");
    assertFindings(
        withResources(
            "iam:*",
            "[\"arn:aws:iam::123456789012:role/r\", \"arn:aws:iam::aws:policy/ReadOnlyAccess\","
                + " \"arn:aws:iam::*:role/r\", \"arn:aws:iam::${aws:PrincipalAccount}:role/r\"]"),
        "INVALID_ARN_ACCOUNT");
  }

  @Test
  void missingAccount() {
    assertFindings(
        withResources("sqs:*", "[«\"arn:aws:sqs:us-east-1::q\"»]"), "MISSING_ARN_ACCOUNT");
    // AWS-owned SSM documents and EC2 images have no account.
    assertFindings(
        withResources(
            "*",
            "[\"arn:aws:ssm:us-east-1::document/AWS-RunShellScript\","
                + " \"arn:aws:ec2:us-east-1::image/ami-12345678\"]"),
        "MISSING_ARN_ACCOUNT");
  }

  @Test
  void invalidArnResource() {
    assertFindings(
        withResources(
            "lambda:InvokeFunction",
            "[«\"arn:aws:lambda:us-east-1:123456789012:function/f\"», «\"arn:aws:s3:::\"»]"),
        "INVALID_ARN_RESOURCE");
    assertFindings(
        withResources(
            "lambda:InvokeFunction",
            "[\"arn:aws:lambda:us-east-1:123456789012:function:f\","
                + " \"arn:aws:lambda:us-east-1:123456789012:function:f:1\", \"arn:aws:s3:::b/*\"]"),
        "INVALID_ARN_RESOURCE");
  }

  @Test
  void invalidArnResourceOffersTheNearestFormatOfTheStatementsActions() {
    List<Finding> f =
        assertFindings(
            withResources(
                "lambda:InvokeFunction", "«\"arn:aws:lambda:us-east-1:123456789012:function/*\"»"),
            "INVALID_ARN_RESOURCE");
    assertEquals(
        "\"function/*\" is no lambda resource: the nearest format is function:${FunctionName}, so"
            + " write function:*",
        f.get(0).message());
    // A statement about layers is offered the layer format, not the first formats of lambda.
    f =
        assertFindings(
            withResources(
                "lambda:GetLayerVersion", "«\"arn:aws:lambda:us-east-1:123456789012:function/f\"»"),
            "INVALID_ARN_RESOURCE");
    assertEquals(
        "\"function/f\" is no lambda resource: expected e.g. layer:${LayerName}:${LayerVersion}",
        f.get(0).message());
    // An empty resource part: the bucket format for s3:ListBucket, the object format for GetObject.
    f =
        assertFindings(
            "{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"Allow\", \"Action\":"
                + " \"s3:ListBucket\", \"Resource\": «\"arn:aws:s3:::\"»}, {\"Effect\": \"Allow\","
                + " \"Action\": \"s3:GetObject\", \"Resource\": «\"arn:aws:s3:::\"»}]}",
            "INVALID_ARN_RESOURCE");
    // (s3:ListBucket also lists through an access point: its format comes next.)
    assertEquals(
        "\"\" is no s3 resource: expected e.g. ${BucketName}, accesspoint/${AccessPointName}",
        f.get(0).message());
    assertTrue(
        f.get(1)
            .message()
            .startsWith("\"\" is no s3 resource: expected e.g. ${BucketName}/${ObjectName}"),
        f.get(1).message());
  }

  @Test
  void nearestFormatsRankTheSameResourceTypeFirst() {
    assertEquals(
        List.of("function:${FunctionName}", "layer:${LayerName}"),
        NearestArnFormats.rank(
            "function/x", List.of("layer:${LayerName}", "function:${FunctionName}")));
    assertEquals(
        "function:x/y", NearestArnFormats.rewrite("function/x/y", "function:${FunctionName}"));
    assertEquals(null, NearestArnFormats.rewrite("function:x", "function:${FunctionName}"));
    assertEquals(null, NearestArnFormats.rewrite("layer/x", "function:${FunctionName}"));
  }

  @Test
  void invalidRegionInCondition() {
    String marked =
        "{\"Statement\": [{\"Effect\": \"Deny\", \"Action\": \"*\", \"Resource\": \"*\","
            + " \"Condition\": {\"StringNotEquals\": {\"aws:RequestedRegion\": [\"us-east-1\","
            + " «\"us-east-7\"»]}, \"StringNotLike\": {\"ec2:Region\": [\"eu-*\", «\"mars-*\"»]}}}]}";
    assertFindings(marked, "INVALID_REGION");
    assertFindings(
        "{\"Statement\": [{\"Effect\": \"Deny\", \"Action\": \"*\", \"Resource\": \"*\","
            + " \"Condition\": {\"StringNotEquals\": {\"aws:RequestedRegion\": [\"us-east-1\","
            + " \"${aws:PrincipalTag/region}\"], \"aws:SourceVpc\": \"us-east-7\"}}}]}",
        "INVALID_REGION");
  }
}
