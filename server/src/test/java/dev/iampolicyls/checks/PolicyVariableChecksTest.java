package dev.iampolicyls.checks;

import static dev.iampolicyls.checks.CheckAssert.assertFindings;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The policy variable checks: syntax, where variables work, and the Version they need. */
class PolicyVariableChecksTest {

  private static String policy(String version, String statementBody) {
    String v = version == null ? "" : "\"Version\": \"" + version + "\", ";
    return "{" + v + "\"Statement\": [{\"Effect\": \"Allow\", " + statementBody + "}]}";
  }

  private static String withResource(String resource) {
    return policy("2012-10-17", "\"Action\": \"s3:GetObject\", \"Resource\": " + resource);
  }

  private static String withCondition(String condition) {
    return policy(
        "2012-10-17",
        "\"Action\": \"s3:GetObject\", \"Resource\": \"*\", \"Condition\": " + condition);
  }

  @Test
  void missingBraceIsReportedOnTheVariableText() {
    List<Finding> f =
        assertFindings(
            withResource(
                "[\"arn:aws:s3:::b/«${aws:username/*»\", \"arn:aws:s3:::b/${aws:userid}\"]"),
            "MISSING_BRACE_IN_VARIABLE");
    assertTrue(f.get(0).message().contains("${aws:username/*"), f.get(0).message());
    assertFindings(
        withCondition("{\"StringLike\": {\"s3:prefix\": \"home/«${aws:username»\"}}"),
        "MISSING_BRACE_IN_VARIABLE");
    assertFindings(
        withResource("\"arn:aws:s3:::b/${aws:username}/*\""), "MISSING_BRACE_IN_VARIABLE");
  }

  @Test
  void aStringWithEscapesIsReportedWhole() {
    assertFindings(
        withResource("«\"arn:aws:s3:::b\\/${aws:username\"»"), "MISSING_BRACE_IN_VARIABLE");
  }

  @Test
  void defaultValueMustBeQuoted() {
    assertFindings(
        withResource("\"arn:aws:s3:::b/«${aws:PrincipalTag/team, company}»/*\""),
        "MISSING_QUOTE_IN_VARIABLE");
    assertFindings(
        withResource("\"arn:aws:s3:::b/${aws:PrincipalTag/team, 'company wide'}/*\""),
        "MISSING_QUOTE_IN_VARIABLE");
  }

  @Test
  void spaceInTheNameIsReportedButNotInTheDefault() {
    assertFindings(
        withCondition(
            "{\"StringEquals\": {\"aws:ResourceTag/owner\": [\"«${aws: username}»\", \"${aws:username, 'no one'}\"]}}"),
        "UNSUPPORTED_SPACE_IN_VARIABLE");
  }

  @Test
  void emptyVariableIsReportedButEscapesAreNot() {
    assertFindings(withResource("\"arn:aws:s3:::b/«${}»/${*}/${?}/${$}\""), "EMPTY_VARIABLE");
  }

  @Test
  void variablesOutsideResourceAndConditionAreReported() {
    String bucketPolicy =
        "{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"Allow\","
            + " \"Principal\": {\"AWS\": \"arn:aws:iam::111122223333:user/«${aws:username}»\"},"
            + " \"Action\": [\"s3:GetObject\", \"s3:«${aws:PrincipalTag/action}»\"],"
            + " \"Resource\": \"arn:aws:s3:::b/${aws:username}/*\"}]}";
    assertFindings(bucketPolicy, "VARIABLE_UNSUPPORTED_IN_ELEMENT");
    assertFindings(
        withResource("\"arn:aws:s3:::b/${aws:username}/*\""), "VARIABLE_UNSUPPORTED_IN_ELEMENT");
  }

  @Test
  void variablesNeedVersion20121017() {
    String body =
        "\"Action\": \"s3:GetObject\", \"Resource\": \"arn:aws:s3:::b/«${aws:username}»/*\"";
    assertFindings(policy(null, body), "VARIABLE_UNSUPPORTED_IN_VERSION");
    assertFindings(policy("2008-10-17", body), "VARIABLE_UNSUPPORTED_IN_VERSION");
    String clean =
        "\"Action\": \"s3:GetObject\", \"Resource\": \"arn:aws:s3:::b/${aws:username}/*\"";
    assertFindings(policy("2012-10-17", clean), "VARIABLE_UNSUPPORTED_IN_VERSION");
    // In an old-language policy the text is literal, so its syntax is not checked.
    assertFindings(
        policy(null, "\"Action\": \"s3:GetObject\", \"Resource\": \"arn:aws:s3:::b/${aws:x\""),
        "MISSING_BRACE_IN_VARIABLE");
  }

  @Test
  void variablesWorkOnlyWithStringAndArnOperators() {
    assertFindings(
        withCondition(
            "{\"NumericLessThan\": {\"aws:MultiFactorAuthAge\": \"«${aws:TokenIssueTime}»\"},"
                + " \"IpAddress\": {\"aws:SourceIp\": \"«${aws:VpcSourceIp}»\"}}"),
        "INVALID_VARIABLE_FOR_OPERATOR");
    assertFindings(
        withCondition(
            "{\"StringEquals\": {\"aws:ResourceTag/owner\": \"${aws:username}\"},"
                + " \"ArnLike\": {\"aws:SourceArn\": \"arn:aws:sns:*:${aws:PrincipalAccount}:*\"}}"),
        "INVALID_VARIABLE_FOR_OPERATOR");
  }
}
