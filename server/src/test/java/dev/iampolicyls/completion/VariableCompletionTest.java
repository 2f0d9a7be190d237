package dev.iampolicyls.completion;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import org.junit.jupiter.api.Test;

class VariableCompletionTest {

  private static String statement(String body) {
    return "{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"Allow\", " + body + "}]}";
  }

  @Test
  void variablesInResourceReplaceTheStringKeepingItsText() {
    Completions c =
        Completions.at(
            statement("\"Action\": \"s3:GetObject\", \"Resource\": \"arn:aws:s3:::b/${|/*\""));
    c.has(
            "${aws:username}",
            "${aws:userid}",
            "${aws:PrincipalTag/${TagKey}}",
            "${aws:SourceAccount}",
            "${*}",
            "${?}",
            "${$}")
        .lacks("${aws:TagKeys}", "${aws:SecureTransport}", "*");
    assertEquals(
        statement(
            "\"Action\": \"s3:GetObject\", \"Resource\": \"arn:aws:s3:::b/${aws:username}/*\""),
        c.apply("${aws:username}"));
    List<String> sorted = c.sortedLabels();
    assertEquals("${aws:username}", sorted.get(0));
    assertEquals("${$}", sorted.get(sorted.size() - 1));
  }

  @Test
  void aPartlyTypedVariableAndItsClosingBraceAreReplaced() {
    Completions c = Completions.at(statement("\"Resource\": \"arn:aws:s3:::b/${aws:us|er}/x\""));
    c.has("${aws:username}", "${aws:userid}").lacks("${aws:PrincipalTag/${TagKey}}");
    assertEquals(
        statement("\"Resource\": \"arn:aws:s3:::b/${aws:userid}/x\""), c.apply("${aws:userid}"));
  }

  @Test
  void snippetsEscapeTheVariableAndMakeTheTagATabStop() {
    Completions c =
        Completions.withSnippets(statement("\"Resource\": \"arn:aws:s3:::b/${aws:Pri|\""));
    CompletionItem tag = c.item("${aws:PrincipalTag/${TagKey}}");
    assertTrue(tag.snippet());
    assertEquals("\"arn:aws:s3:::b/\\${aws:PrincipalTag/${1:TagKey}\\}\"", tag.edit().newText());
    // Without a tab stop the item stays plain text, unescaped.
    CompletionItem arn = c.item("${aws:PrincipalArn}");
    assertFalse(arn.snippet());
    assertEquals("\"arn:aws:s3:::b/${aws:PrincipalArn}\"", arn.edit().newText());
    // Without snippets the tag name is plain text inside the variable.
    Completions plain = Completions.at(statement("\"Resource\": \"arn:aws:s3:::b/${aws:Pri|\""));
    assertEquals(
        statement("\"Resource\": \"arn:aws:s3:::b/${aws:PrincipalTag/TagKey}\""),
        plain.apply("${aws:PrincipalTag/${TagKey}}"));
  }

  @Test
  void variablesInStringAndArnConditionValuesOnly() {
    Completions.at(statement("\"Condition\": {\"StringLike\": {\"s3:prefix\": [\"home/${|\"]}}"))
        .has("${aws:username}");
    Completions.at(statement("\"Condition\": {\"ArnEquals\": {\"aws:SourceArn\": \"${|\"}}"))
        .has("${aws:SourceAccount}");
    assertEquals(
        List.of(),
        Completions.at(
                statement("\"Condition\": {\"NumericLessThan\": {\"s3:max-keys\": \"${|\"}}"))
            .labels());
  }

  @Test
  void noVariablesInActionsOrAfterAClosedVariable() {
    assertFalse(
        Completions.at(statement("\"Action\": \"s3:${|\"")).labels().contains("${aws:username}"));
    assertFalse(
        Completions.at(statement("\"Resource\": \"arn:aws:s3:::${aws:username}/|\""))
            .labels()
            .contains("${aws:username}"));
  }
}
