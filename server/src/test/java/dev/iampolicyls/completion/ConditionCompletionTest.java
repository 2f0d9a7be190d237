package dev.iampolicyls.completion;

import static org.junit.jupiter.api.Assertions.*;

import dev.iampolicyls.policy.ConditionOperator.Base;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConditionCompletionTest {

  private static String statement(String body) {
    return "{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"Allow\", " + body + "}]}";
  }

  @Test
  void everyOperatorItsIfExistsFormAndTheSetPrefixes() {
    Completions c = Completions.at(statement("\"Condition\": {|}"));
    for (Base base : Base.values()) {
      c.has(base.name());
      if (base != Base.Null) {
        c.has(base.name() + "IfExists");
      }
    }
    c.has("ForAllValues:", "ForAnyValue:").lacks("NullIfExists");
    List<String> sorted = c.sortedLabels();
    assertTrue(sorted.indexOf("StringEquals") < sorted.indexOf("StringEqualsIfExists"));
    assertTrue(sorted.indexOf("StringEqualsIfExists") < sorted.indexOf("ForAllValues:"));
    assertEquals(statement("\"Condition\": {\"StringLike\": {}}"), c.apply("StringLike"));
  }

  @Test
  void operatorsAfterASetPrefix() {
    Completions c = Completions.at(statement("\"Condition\": {\"ForAnyValue:Str|\"}"));
    c.has("ForAnyValue:StringEquals", "ForAnyValue:StringLikeIfExists")
        .lacks("StringEquals", "ForAllValues:StringEquals");
    assertEquals(
        statement("\"Condition\": {\"ForAnyValue:StringEquals\": {}}"),
        c.apply("ForAnyValue:StringEquals"));
  }

  @Test
  void theSetPrefixKeepsTheCursorInTheString() {
    Completions c = Completions.at(statement("\"Condition\": {\"For|\"}"));
    assertEquals(statement("\"Condition\": {\"ForAllValues:\"}"), c.apply("ForAllValues:"));
  }

  @Test
  void operatorsAlreadyPresentAreLeftOut() {
    Completions.at(statement("\"Condition\": {\"Bool\": {}, \"|\"}"))
        .lacks("Bool")
        .has("BoolIfExists");
  }

  @Test
  void keysOfTheStatementsActionsComeBeforeGlobalKeys() {
    Completions c =
        Completions.at(
            statement(
                "\"Action\": \"s3:PutObject\", \"Resource\": \"*\", \"Condition\":"
                    + " {\"StringEquals\": {|}}"));
    c.has("s3:x-amz-acl", "aws:SourceIp", "aws:PrincipalTag/${TagKey}");
    List<String> sorted = c.sortedLabels();
    assertTrue(sorted.indexOf("s3:x-amz-acl") < sorted.indexOf("aws:SourceIp"), sorted.toString());
    assertEquals("IPAddress", c.item("aws:SourceIp").detail());
    assertEquals(
        statement(
            "\"Action\": \"s3:PutObject\", \"Resource\": \"*\", \"Condition\":"
                + " {\"StringEquals\": {\"s3:x-amz-acl\": \"\"}}"),
        c.apply("s3:x-amz-acl"));
  }

  @Test
  void keysFilteredByWhatIsTypedAndNotRepeated() {
    Completions c =
        Completions.at(
            statement(
                "\"Condition\": {\"Bool\": {\"aws:SecureTransport\": \"true\", \"aws:Mu|\"}}"));
    c.has("aws:MultiFactorAuthPresent", "aws:MultiFactorAuthAge").lacks("aws:SecureTransport");
    // The key property already has a value: only the key is replaced.
    Completions existing =
        Completions.at(statement("\"Condition\": {\"Bool\": {\"aws:Mu|\": \"true\"}}"));
    assertEquals(
        statement("\"Condition\": {\"Bool\": {\"aws:MultiFactorAuthPresent\": \"true\"}}"),
        existing.apply("aws:MultiFactorAuthPresent"));
  }

  @Test
  void templatedKeysTakeTheTypedTagNameAndAreTabStopsWithSnippets() {
    Completions typed =
        Completions.at(statement("\"Condition\": {\"StringEquals\": {\"aws:PrincipalTag/te|\"}}"));
    assertEquals(
        statement("\"Condition\": {\"StringEquals\": {\"aws:PrincipalTag/te\": \"\"}}"),
        typed.apply("aws:PrincipalTag/${TagKey}"));
    Completions snippets =
        Completions.withSnippets(statement("\"Condition\": {\"StringEquals\": {\"aws:Princ|\"}}"));
    assertEquals(
        "\"aws:PrincipalTag/${1:TagKey}\": \"$2\"",
        snippets.item("aws:PrincipalTag/${TagKey}").edit().newText());
  }

  @Test
  void boolAndNullValues() {
    Completions c =
        Completions.at(statement("\"Condition\": {\"Bool\": {\"aws:SecureTransport\": \"|\"}}"));
    assertEquals(List.of("true", "false"), c.sortedLabels());
    assertEquals(
        statement("\"Condition\": {\"Bool\": {\"aws:SecureTransport\": \"false\"}}"),
        c.apply("false"));
    Completions.at(statement("\"Condition\": {\"Null\": {\"aws:TokenIssueTime\": [|]}}"))
        .has("true", "false");
  }

  @Test
  void dateValuesGetAnIsoExample() {
    Completions c =
        Completions.at(
            statement("\"Condition\": {\"DateGreaterThan\": {\"aws:CurrentTime\": \"|\"}}"));
    assertEquals(List.of(ConditionCompletions.DATE_EXAMPLE), c.labels());
    assertTrue(
        ConditionCompletions.DATE_EXAMPLE.matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ"));
  }

  @Test
  void arnValuesComeFromTheStatementsResourcesAndPrincipals() {
    String body =
        "\"Principal\": {\"AWS\": \"arn:aws:iam::111122223333:root\"}, \"Action\":"
            + " \"sqs:SendMessage\", \"Resource\": \"arn:aws:sqs:us-east-1:444455556666:queue\","
            + " \"Condition\": {\"ArnLike\": {\"aws:SourceArn\": \"|\"}}";
    Completions c = Completions.at(statement(body));
    c.has(
        "arn:aws:*:*:111122223333:*",
        "arn:aws:*:*:444455556666:*",
        "arn:aws:sqs:us-east-1:444455556666:queue");
    Completions account =
        Completions.at(
            statement(
                body.replace("ArnLike", "StringEquals")
                    .replace("aws:SourceArn", "aws:SourceAccount")));
    account.has("111122223333", "444455556666");
  }

  @Test
  void valuesOutsideKnownTypesGiveNothing() {
    assertEquals(
        List.of(),
        Completions.at(statement("\"Condition\": {\"StringEquals\": {\"aws:UserAgent\": \"|\"}}"))
            .labels());
  }
}
