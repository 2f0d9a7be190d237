package dev.iampolicyls.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.iampolicyls.catalog.Catalog;
import dev.iampolicyls.checks.Finding;
import dev.iampolicyls.policy.PolicyType;
import java.util.List;
import org.junit.jupiter.api.Test;

/** While a string or bracket is unterminated, its syntax error is the one finding past it. */
class SyntaxDamageTest {
  private static final PolicyLanguageService SERVICE = new PolicyLanguageService(Catalog.bundled());

  private static List<Finding> findings(String text, PolicyType type) {
    return SERVICE.analyze(text, type, true).findings();
  }

  private static String describe(List<Finding> findings) {
    return findings.stream().map(f -> f.code() + "@" + f.offset() + "+" + f.length()).toList() + "";
  }

  private static final String UNTERMINATED_ACTION =
      String.join(
          "\n",
          "{",
          "  \"Version\": \"2012-10-17\",",
          "  \"Statement\": [",
          "    {",
          "      \"Sid\": \"Read\",",
          "      \"Effect\": \"Allow\",",
          "      \"Action\": [\"s3:ListBucket\", \"s3:Get],",
          "      \"Resource\": [\"arn:aws:s3:::my-bucket\", \"arn:aws:s3:::my-bucket/*\"]",
          "    },",
          "    {",
          "      \"Effect\": \"Allow\",",
          "      \"Action\": \"ec2:DescribeInstances\",",
          "      \"Resource\": \"*\"",
          "    }",
          "  ]",
          "}");

  @Test
  void anUnterminatedStringInTheMiddleIsTheOneFinding() {
    List<Finding> findings = findings(UNTERMINATED_ACTION, PolicyType.IDENTITY_POLICY);
    int at = UNTERMINATED_ACTION.indexOf("\"s3:Get]");
    assertEquals(1, findings.size(), describe(findings));
    Finding only = findings.get(0);
    assertEquals("JSON_SYNTAX_ERROR", only.code().id());
    assertEquals(at, only.offset());
    assertTrue(only.message().startsWith("Unterminated string"), only.message());
    // Closed, the policy is clean: nothing real was held back.
    String closed = UNTERMINATED_ACTION.replace("\"s3:Get]", "\"s3:GetObject\"]");
    assertEquals(List.of(), findings(closed, PolicyType.IDENTITY_POLICY));
  }

  @Test
  void realFindingsBeforeTheDamageStay() {
    String text =
        UNTERMINATED_ACTION
            .replace(
                "\"Effect\": \"Allow\",\n      \"Action\": [",
                "\"Effect\": \"allow\",\n      \"Action\": [")
            .replace("\"s3:ListBucket\"", "\"s3:ListBuckets\"");
    List<Finding> findings = findings(text, PolicyType.IDENTITY_POLICY);
    assertEquals(
        List.of("INVALID_EFFECT", "INVALID_ACTION", "JSON_SYNTAX_ERROR"),
        findings.stream().map(f -> f.code().id()).toList(),
        describe(findings));
    assertEquals(text.indexOf("\"allow\""), findings.get(0).offset());
    assertEquals(text.indexOf("\"s3:ListBuckets\""), findings.get(1).offset());
    assertEquals(text.indexOf("\"s3:Get]"), findings.get(2).offset());
  }

  @Test
  void findingsAboutTheElementsAroundTheDamageAreHeldBack() {
    // The statement seems to lack a Resource only because the string swallowed the line; the
    // policy's missing Version (a finding on the root, which holds the damage) waits too.
    String text =
        "{\"Statement\": [{\"Effect\": \"Allow\", \"Action\": \"s3:GetObject\", \"Resource\": \"arn:aws:s3:::b/*}]}";
    List<Finding> findings = findings(text, PolicyType.IDENTITY_POLICY);
    assertEquals(1, findings.size(), describe(findings));
    assertEquals(text.indexOf("\"arn:"), findings.get(0).offset());
    // A statement before the damaged one keeps its findings.
    String two =
        "{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"Allow\", \"Resource\": \"*\"},"
            + " {\"Effect\": \"Allow\", \"Action\": \"s3:Get}]}";
    List<Finding> kept = findings(two, PolicyType.IDENTITY_POLICY);
    assertEquals(
        List.of("MISSING_ACTION", "JSON_SYNTAX_ERROR"),
        kept.stream().map(f -> f.code().id()).toList(),
        describe(kept));
  }

  @Test
  void aMissingBracketHoldsBackTheKeyItSwallowed() {
    // Without its ], the Action array takes "Resource" as an action and its value as another.
    String text =
        String.join(
            "\n",
            "{",
            "  \"Version\": \"2012-10-17\",",
            "  \"Statement\": [",
            "    {",
            "      \"Effect\": \"Allow\",",
            "      \"Action\": [\"s3:GetObject\",",
            "      \"Resource\": \"arn:aws:s3:::my-bucket/*\"",
            "    }",
            "  ]",
            "}");
    List<Finding> findings = findings(text, PolicyType.IDENTITY_POLICY);
    assertEquals(1, findings.size(), describe(findings));
    assertEquals("JSON_SYNTAX_ERROR", findings.get(0).code().id());
    assertTrue(findings.get(0).offset() > text.indexOf("\"Resource\""), describe(findings));
  }

  @Test
  void anUnclosedDocumentReportsOneSyntaxErrorAtItsEnd() {
    String text =
        "{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"Allow\", \"Action\": \"s3:GetObject\"";
    List<Finding> findings = findings(text, PolicyType.IDENTITY_POLICY);
    assertEquals(1, findings.size(), describe(findings));
    assertEquals("JSON_SYNTAX_ERROR", findings.get(0).code().id());
    assertEquals(text.length(), findings.get(0).offset());
  }

  @Test
  void otherSyntaxErrorsHoldNothingBack() {
    // A trailing comma leaves the tree as meant: the real findings stay, all of them.
    String text =
        "{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"Allow\", \"Action\":"
            + " \"s3:GetObjekt\", \"Resource\": \"*\",}]}";
    List<String> codes =
        findings(text, PolicyType.IDENTITY_POLICY).stream().map(f -> f.code().id()).toList();
    assertTrue(codes.contains("INVALID_ACTION"), codes.toString());
    assertTrue(codes.contains("JSON_SYNTAX_ERROR"), codes.toString());
  }
}
