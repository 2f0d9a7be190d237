package dev.iampolicyls.checks;

import static dev.iampolicyls.checks.SizeQuotaChecksTest.find;
import static dev.iampolicyls.checks.SizeQuotaChecksTest.settings;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.iampolicyls.config.DocumentSettings;
import dev.iampolicyls.policy.PolicyResourceType;
import dev.iampolicyls.policy.PolicyType;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Checks that read the kind of resource policy: a VPC endpoint policy, where {@code "Principal":
 * "*"} is the rule, and AWS's default KMS key policy.
 */
class PolicyResourceTypeChecksTest {
  private static final DocumentSettings VPC_ENDPOINT =
      settings(PolicyResourceType.EC2_VPC_ENDPOINT, false, 2048);
  private static final DocumentSettings BUCKET =
      settings(PolicyResourceType.S3_BUCKET, false, 2048);

  /** The findings of a code at the «» spans of the text, run with the settings. */
  private static void assertFindings(
      String marked, PolicyType type, DocumentSettings settings, String code) {
    CheckAssert.Marked m = CheckAssert.unmark(marked);
    assertEquals(
        m.spans().stream().map(s -> s[0] + "+" + s[1]).toList(),
        find(m.text(), type, settings, code),
        () -> code + " in\n" + m.text());
  }

  private static String endpointPolicy(String principal) {
    return "{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"Allow\", \"Principal\": "
        + principal
        + ", \"Action\": [\"s3:GetObject\", \"s3:PutObject\"], \"Resource\":"
        + " \"arn:aws:s3:::my-bucket/*\"}]}";
  }

  @Test
  void vpcEndpointPolicyWithEveryPrincipalIsNotPublicAccess() {
    String policy = endpointPolicy("«\"*\"»");
    assertFindings(policy, PolicyType.RESOURCE_POLICY, BUCKET, "PUBLIC_ACCESS");
    assertFindings(
        policy.replace("«", "").replace("»", ""),
        PolicyType.RESOURCE_POLICY,
        VPC_ENDPOINT,
        "PUBLIC_ACCESS");
    assertFindings(
        endpointPolicy("{\"AWS\": \"*\"}"),
        PolicyType.RESOURCE_POLICY,
        VPC_ENDPOINT,
        "PUBLIC_ACCESS");
  }

  @Test
  void vpcEndpointIsAResourcePolicyByItsAwsName() {
    PolicyResourceType t = PolicyResourceType.parse("aws::ec2::vpcendpoint").orElseThrow();
    assertEquals(PolicyResourceType.EC2_VPC_ENDPOINT, t);
    assertEquals(PolicyType.RESOURCE_POLICY, t.policyType());
    assertEquals("AWS::EC2::VPCEndpoint", t.awsName());
  }

  private static String keyPolicy(String principal, String actions) {
    return "{\"Version\": \"2012-10-17\", \"Id\": \"key-default-1\", \"Statement\": [{\"Sid\":"
        + " \"Enable IAM User Permissions\", \"Effect\": \"Allow\", \"Principal\": "
        + principal
        + ", \"Action\": "
        + actions
        + ", \"Resource\": \"*\"}]}";
  }

  @Test
  void defaultKeyPolicyForTheAccountRootIsNoServiceWildcard() {
    DocumentSettings none = DocumentSettings.DEFAULT;
    String code = "SERVICE_WILDCARD";
    assertFindings(
        keyPolicy("{\"AWS\": \"arn:aws:iam::111122223333:root\"}", "\"kms:*\""),
        PolicyType.RESOURCE_POLICY,
        none,
        code);
    assertFindings(
        keyPolicy(
            "{\"AWS\": [\"arn:aws-us-gov:iam::111122223333:root\", \"444455556666\"]}",
            "\"KMS:*\""),
        PolicyType.RESOURCE_POLICY,
        none,
        code);
    // Another service's wildcard next to it is still reported.
    assertFindings(
        keyPolicy("{\"AWS\": \"arn:aws:iam::111122223333:root\"}", "[\"kms:*\", «\"s3:*\"»]"),
        PolicyType.RESOURCE_POLICY,
        none,
        code);
  }

  @Test
  void kmsWildcardForOtherPrincipalsOrInIdentityPoliciesIsStillReported() {
    String code = "SERVICE_WILDCARD";
    DocumentSettings none = DocumentSettings.DEFAULT;
    // A role, not the account: it really gets every KMS action on the key.
    assertFindings(
        keyPolicy("{\"AWS\": \"arn:aws:iam::111122223333:role/admin\"}", "«\"kms:*\"»"),
        PolicyType.RESOURCE_POLICY,
        none,
        code);
    assertFindings(
        keyPolicy(
            "{\"AWS\": [\"arn:aws:iam::111122223333:root\", \"arn:aws:iam::111122223333:user/a\"]}",
            "«\"kms:*\"»"),
        PolicyType.RESOURCE_POLICY,
        none,
        code);
    // In an identity policy kms:* on "*" is every key in reach.
    assertFindings(
        "{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"Allow\", \"Action\":"
            + " «\"kms:*\"», \"Resource\": \"*\"}]}",
        PolicyType.IDENTITY_POLICY,
        none,
        code);
  }

  @Test
  void aKeyPolicyWithOnlyTheDefaultStatementIsOtherwiseClean() {
    List<String> codes =
        CheckAssert.run(
                keyPolicy("{\"AWS\": \"arn:aws:iam::111122223333:root\"}", "\"kms:*\""),
                PolicyType.RESOURCE_POLICY)
            .stream()
            .map(f -> f.code().id())
            .toList();
    assertEquals(List.of(), codes);
  }
}
