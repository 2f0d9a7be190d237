package dev.iampolicyls.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.iampolicyls.catalog.Catalog;
import dev.iampolicyls.config.DocumentSettings;
import dev.iampolicyls.policy.Policy;
import dev.iampolicyls.policy.PolicyResourceType;
import dev.iampolicyls.policy.PolicyType;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Size quotas: policies built to a known size, one character over and exactly at each limit. The
 * finding sits on the policy's opening brace.
 */
class SizeQuotaChecksTest {
  /** A policy of exactly {@code size} characters without whitespace, plus {@code spaces} spaces. */
  static String policyOfSize(int size, int spaces) {
    String head =
        "{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Deny\",\"Action\":\"s3:GetObject\",\"Resource\":\"";
    String tail = "\"}}";
    int fill = size - head.length() - tail.length();
    return head + "x".repeat(fill) + tail + " ".repeat(spaces);
  }

  static List<String> find(String text, PolicyType type, DocumentSettings settings, String code) {
    return new DiagnosticsEngine(Catalog.bundled())
        .run(Policy.parse(text), type, settings).stream()
            .filter(f -> f.code().id().equals(code))
            .map(f -> f.offset() + "+" + f.length())
            .toList();
  }

  static DocumentSettings settings(
      PolicyResourceType resource, boolean customerManaged, int trustQuota) {
    return new DocumentSettings(null, resource, customerManaged, trustQuota, Map.of(), Set.of());
  }

  private static final DocumentSettings DEFAULT = DocumentSettings.DEFAULT;
  private static final List<String> AT_BRACE = List.of("0+1");

  @Test
  void identityPolicyQuotaCountsNoWhitespace() {
    String code = "POLICY_SIZE_EXCEEDS_IDENTITY_POLICY_QUOTA";
    assertEquals(
        AT_BRACE, find(policyOfSize(10_241, 0), PolicyType.IDENTITY_POLICY, DEFAULT, code));
    assertEquals(
        List.of(), find(policyOfSize(10_240, 5_000), PolicyType.IDENTITY_POLICY, DEFAULT, code));
    DocumentSettings managed = settings(null, true, 2048);
    assertEquals(AT_BRACE, find(policyOfSize(6_145, 0), PolicyType.IDENTITY_POLICY, managed, code));
    assertEquals(
        List.of(), find(policyOfSize(6_144, 0), PolicyType.IDENTITY_POLICY, managed, code));
  }

  @Test
  void resourcePolicyQuotaIsPerResourceType() {
    String code = "POLICY_SIZE_EXCEEDS_RESOURCE_POLICY_QUOTA";
    DocumentSettings bucket = settings(PolicyResourceType.S3_BUCKET, false, 2048);
    DocumentSettings table = settings(PolicyResourceType.DYNAMODB_TABLE, false, 2048);
    assertEquals(AT_BRACE, find(policyOfSize(20_481, 0), PolicyType.RESOURCE_POLICY, bucket, code));
    // S3 is measured without whitespace; DynamoDB counts it.
    assertEquals(
        List.of(), find(policyOfSize(20_480, 100), PolicyType.RESOURCE_POLICY, bucket, code));
    assertEquals(
        AT_BRACE, find(policyOfSize(20_400, 100) + "x", PolicyType.RESOURCE_POLICY, table, code));
    // Unknown resource: unknown quota, no finding.
    assertEquals(
        List.of(), find(policyOfSize(30_000, 0), PolicyType.RESOURCE_POLICY, DEFAULT, code));
  }

  @Test
  void bytesQuotaCountsEveryByteOfMultiByteCharacters() {
    String code = "POLICY_SIZE_EXCEEDS_RESOURCE_POLICY_QUOTA";
    DocumentSettings bucket = settings(PolicyResourceType.S3_BUCKET, false, 2048);
    // 7,000 characters of three UTF-8 bytes each: a third of the quota in characters, over it in
    // bytes. A short text is not counted at all, so this guards that shortcut's bound.
    String euros = policyOfSize(7_000, 0).replace("x", "\u20ac");
    assertEquals(AT_BRACE, find(euros, PolicyType.RESOURCE_POLICY, bucket, code));
    String fewer = policyOfSize(6_800, 0).replace("x", "\u20ac");
    assertEquals(List.of(), find(fewer, PolicyType.RESOURCE_POLICY, bucket, code));
  }

  @Test
  void countingWithoutWhitespaceAgreesWithTheCompactText() {
    java.util.Random random = new java.util.Random(11);
    String alphabet = " \t\n\r\"\\{}[]:,ab\u00a0\u2028";
    for (int n = 0; n < 2_000; n++) {
      StringBuilder text = new StringBuilder();
      int length = random.nextInt(60);
      for (int i = 0; i < length; i++) {
        text.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      String t = text.toString();
      assertEquals(PolicyText.compact(t).length(), PolicyText.sizeWithoutWhitespace(t), t);
    }
  }

  @Test
  void roleTrustPolicyQuotaIsConfigurable() {
    String code = "POLICY_SIZE_EXCEEDS_ROLE_TRUST_POLICY_QUOTA";
    assertEquals(AT_BRACE, find(policyOfSize(2_049, 0), PolicyType.TRUST_POLICY, DEFAULT, code));
    assertEquals(List.of(), find(policyOfSize(2_048, 300), PolicyType.TRUST_POLICY, DEFAULT, code));
    DocumentSettings raised = settings(null, false, 4096);
    assertEquals(List.of(), find(policyOfSize(4_096, 0), PolicyType.TRUST_POLICY, raised, code));
    assertEquals(AT_BRACE, find(policyOfSize(4_097, 0), PolicyType.TRUST_POLICY, raised, code));
  }

  @Test
  void organizationsQuotasCountWhitespace() {
    for (var c :
        Map.of(
                "POLICY_SIZE_EXCEEDS_SCP_QUOTA", PolicyType.SERVICE_CONTROL_POLICY,
                "POLICY_SIZE_EXCEEDS_RCP_QUOTA", PolicyType.RESOURCE_CONTROL_POLICY)
            .entrySet()) {
      // 5,100 characters and 21 spaces inside the text: over, because whitespace counts.
      String spaced =
          policyOfSize(5_100, 0).replace("{\"Version\"", "{" + " ".repeat(21) + "\"Version\"");
      assertEquals(AT_BRACE, find(spaced, c.getValue(), DEFAULT, c.getKey()), c.getKey());
      // Exactly at the quota, and trailing newlines are not part of the policy.
      assertEquals(
          List.of(), find(policyOfSize(5_120, 0) + "\n\n", c.getValue(), DEFAULT, c.getKey()));
      // Other policy types are not held to it.
      assertEquals(List.of(), find(spaced, PolicyType.IDENTITY_POLICY, DEFAULT, c.getKey()));
    }
  }

  @Test
  void numbersAreGroupedAsFormatGroupsThem() {
    for (int n :
        new int[] {0, 7, 999, 1000, 6144, 10_240, 999_999, 1_234_567, -1234, Integer.MIN_VALUE}) {
      assertEquals(String.format(java.util.Locale.ROOT, "%,d", n), SizeQuotaCheck.number(n));
    }
  }
}
