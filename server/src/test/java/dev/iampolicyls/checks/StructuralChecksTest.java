package dev.iampolicyls.checks;

import static dev.iampolicyls.checks.CheckAssert.assertClean;
import static dev.iampolicyls.checks.CheckAssert.assertFindings;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.iampolicyls.policy.PolicyType;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The checks that need no catalog: one nested group per check, policy text beside it. */
class StructuralChecksTest {

  static final String GOOD_IDENTITY =
      """
      {
        "Version": "2012-10-17",
        "Statement": [
          {"Sid": "Read", "Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*"},
          {"Sid": "NoDelete", "Effect": "Deny", "NotAction": ["s3:Get*"], "NotResource": "*"}
        ]
      }
      """;

  static final String GOOD_BUCKET_POLICY =
      """
      {
        "Version": "2012-10-17",
        "Id": "bucket-policy",
        "Statement": {
          "Sid": "cross-account read",
          "Effect": "Allow",
          "Principal": {"AWS": ["arn:aws:iam::111122223333:root"]},
          "Action": "s3:GetObject",
          "Resource": "arn:aws:s3:::b/*"
        }
      }
      """;

  static final String GOOD_TRUST =
      """
      {"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
        "Principal": {"Service": "lambda.amazonaws.com"}, "Action": "sts:AssumeRole"}]}
      """;

  @Test
  void correctPoliciesOfEachTypeAreClean() {
    assertClean(GOOD_IDENTITY, PolicyType.IDENTITY_POLICY);
    assertClean(GOOD_BUCKET_POLICY, PolicyType.RESOURCE_POLICY);
    assertClean(GOOD_TRUST, PolicyType.TRUST_POLICY);
    assertClean(GOOD_IDENTITY, PolicyType.SERVICE_CONTROL_POLICY);
  }

  @Test
  void jsonSyntaxErrors() {
    assertFindings("{\"Version\": \"2012-10-17\", \"Statement\": []«,»}", "JSON_SYNTAX_ERROR");
    assertFindings("«[1]»", "JSON_SYNTAX_ERROR");
    List<Finding> dup =
        assertFindings(
            "{\"Version\": \"2012-10-17\", «\"Version\"»: \"2012-10-17\", \"Statement\": []}",
            "JSON_SYNTAX_ERROR");
    assertEquals(List.of("Version"), dup.get(0).path());
  }

  @Test
  void anEmptyStatementListIsAMissingStatement() {
    // No Statement at all: docs/checks/MISSING_STATEMENT.md.
    assertFindings("{\"Version\": \"2012-10-17\", \"Statement\": «[]»}", "MISSING_STATEMENT");
  }

  @Test
  void missingEffectMarksTheStatementsLineWithItsPath() {
    // On one line, the statement's first line is the whole statement (and no more).
    List<Finding> f =
        assertFindings(
            "{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"Deny\", \"Action\": \"*\", \"Resource\": \"*\"}, «{\"Action\": \"*\", \"Resource\": \"*\"}»]}",
            "MISSING_EFFECT");
    assertEquals(List.of("Statement", 1), f.get(0).path());
  }

  @Test
  void aStatementIsMarkedWhereItIsSeen() {
    // Its Sid names it.
    assertFindings(
        "{\n  \"Statement\": [\n    {\n      \"Sid\": «\"ReadOnly\"»,\n      \"Action\": \"s3:GetObject\",\n      \"Resource\": \"*\"\n    }\n  ]\n}",
        "MISSING_EFFECT");
    // Without a Sid: the brace to the end of its line's content.
    assertFindings(
        "{\n  \"Statement\": [\n    «{ \"Action\": \"s3:GetObject\",»  \n      \"Resource\": \"*\"\n    }\n  ]\n}",
        "MISSING_EFFECT");
    // A brace alone on its line: the first key.
    assertFindings(
        "{\n  \"Statement\": [\n    {\n      «\"Action\"»: \"s3:GetObject\",\n      \"Resource\": \"*\"\n    }\n  ]\n}",
        "MISSING_EFFECT");
    // An empty statement keeps its brace.
    assertFindings("{\"Statement\": [«{}»]}", "MISSING_EFFECT");
  }

  @Test
  void invalidEffect() {
    assertFindings(
        "{\"Statement\": [{\"Effect\": «\"allow\"», \"Action\": \"*\", \"Resource\": \"*\"}, {\"Effect\": «1», \"Action\": \"*\", \"Resource\": \"*\"}]}",
        "INVALID_EFFECT");
  }

  @Test
  void missingActionAndResource() {
    String text = "{\"Version\": \"2012-10-17\", \"Statement\": «{\"Effect\": \"Allow\"}»}";
    assertFindings(text, "MISSING_ACTION");
    assertFindings(text, "MISSING_RESOURCE");
    assertEquals(
        List.of("Statement"),
        CheckAssert.run(CheckAssert.unmark(text).text(), null).stream()
            .filter(x -> x.code().id().equals("MISSING_ACTION"))
            .findFirst()
            .orElseThrow()
            .path());
  }

  @Test
  void trustPoliciesNeedNoResource() {
    assertFindings(GOOD_TRUST, PolicyType.TRUST_POLICY, "MISSING_RESOURCE");
  }

  @Test
  void missingPrincipalOnlyInResourceAndTrustPolicies() {
    String text =
        "{\"Version\": \"2012-10-17\", \"Statement\": [«{\"Effect\": \"Allow\", \"Action\": \"s3:GetObject\", \"Resource\": \"*\"}»]}";
    assertFindings(text, PolicyType.RESOURCE_POLICY, "MISSING_PRINCIPAL");
    assertFindings(text, PolicyType.TRUST_POLICY, "MISSING_PRINCIPAL");
    assertFindings(
        CheckAssert.unmark(text).text(), PolicyType.IDENTITY_POLICY, "MISSING_PRINCIPAL");
  }

  @Test
  void versionMissingOrInvalid() {
    assertFindings("«{»\"Statement\": []}", "MISSING_VERSION");
    assertFindings("{\"Version\": «\"2012-10-18\"», \"Statement\": []}", "INVALID_VERSION");
    assertFindings("{\"Version\": «2012», \"Statement\": []}", "INVALID_VERSION");
    assertFindings("{\"Version\": \"2008-10-17\", \"Statement\": []}", "INVALID_VERSION");
  }

  @Test
  void invalidPolicyElement() {
    assertFindings(
        "{\"Version\": \"2012-10-17\", «\"Statements\"»: [], \"Statement\": [{«\"effect\"»: \"Allow\", \"Effect\": \"Allow\", \"Action\": \"*\", \"Resource\": \"*\", «\"Comment\"»: \"x\"}]}",
        "INVALID_POLICY_ELEMENT");
  }

  @Test
  void unsupportedElementCombination() {
    assertFindings(
        "{\"Statement\": [{\"Effect\": \"Allow\", \"Action\": \"*\", «\"NotAction\"»: \"s3:*\", \"Resource\": \"*\", «\"NotResource\"»: \"*\"}]}",
        "UNSUPPORTED_ELEMENT_COMBINATION");
  }

  @Test
  void duplicateConditionKeysWithDifferentCase() {
    List<Finding> f =
        assertFindings(
            "{\"Statement\": [{\"Effect\": \"Allow\", \"Action\": \"*\", \"Resource\": \"*\", \"Condition\": {\"IpAddress\": {\"aws:SourceIp\": \"10.0.0.0/8\", «\"AWS:SourceIP\"»: \"10.0.0.0/8\"}, \"StringEquals\": {\"aws:SourceIp\": \"x\"}}}]}",
            "DUPLICATE_KEYS_WITH_DIFFERENT_CASE");
    assertEquals(
        List.of("Statement", 0, "Condition", "IpAddress", "AWS:SourceIP"), f.get(0).path());
  }

  @Test
  void uniqueSids() {
    assertFindings(
        "{\"Statement\": [{\"Sid\": \"A\", \"Effect\": \"Allow\", \"Action\": \"*\", \"Resource\": \"*\"}, {\"Sid\": «\"A\"», \"Effect\": \"Deny\", \"Action\": \"*\", \"Resource\": \"*\"}, {\"Sid\": \"a\", \"Effect\": \"Deny\", \"Action\": \"*\", \"Resource\": \"*\"}]}",
        "UNIQUE_SIDS_REQUIRED");
  }

  @Test
  void unsupportedSidInIdentityPoliciesOnly() {
    String text =
        "{\"Statement\": [{\"Sid\": «\"read-only\"», \"Effect\": \"Allow\", \"Action\": \"*\", \"Resource\": \"*\"}, {\"Sid\": «7», \"Effect\": \"Allow\", \"Action\": \"*\", \"Resource\": \"*\"}]}";
    assertFindings(text, PolicyType.IDENTITY_POLICY, "UNSUPPORTED_SID");
    assertFindings(GOOD_BUCKET_POLICY, PolicyType.RESOURCE_POLICY, "UNSUPPORTED_SID");
  }

  @Test
  void emptySid() {
    assertFindings(
        "{\"Statement\": [{\"Sid\": «\"\"», \"Effect\": \"Allow\", \"Action\": \"*\", \"Resource\": \"*\"}]}",
        "EMPTY_SID_VALUE");
  }

  @Test
  void emptyArrays() {
    String text =
        "{\"Statement\": [{\"Effect\": \"Allow\", \"Principal\": {\"AWS\": «[]»}, \"NotAction\": «[]», \"Resource\": «[]»}, {\"Effect\": \"Allow\", \"NotPrincipal\": «[]», \"Action\": \"s3:*\", \"Resource\": \"*\"}]}";
    CheckAssert.Marked all = CheckAssert.unmark(text);
    // The marks are in document order: Principal, Action, Resource, NotPrincipal.
    assertFindings(keep(text, 1, 4), PolicyType.RESOURCE_POLICY, "EMPTY_ARRAY_PRINCIPAL");
    assertFindings(keep(text, 2), PolicyType.RESOURCE_POLICY, "EMPTY_ARRAY_ACTION");
    assertFindings(keep(text, 3), PolicyType.RESOURCE_POLICY, "EMPTY_ARRAY_RESOURCE");
    assertEquals(4, all.spans().size());
  }

  /** Keeps only the marks with these 1-based numbers. */
  private static String keep(String marked, int... numbers) {
    StringBuilder sb = new StringBuilder();
    int mark = 0;
    boolean keepThis = false;
    for (char c : marked.toCharArray()) {
      if (c == '«') {
        mark++;
        final int current = mark;
        keepThis = java.util.Arrays.stream(numbers).anyMatch(n -> n == current);
        if (keepThis) sb.append(c);
      } else if (c == '»') {
        if (keepThis) sb.append(c);
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }
}
