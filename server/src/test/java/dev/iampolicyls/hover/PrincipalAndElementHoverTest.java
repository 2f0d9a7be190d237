package dev.iampolicyls.hover;

import static dev.iampolicyls.hover.HoverAssert.ENGINE;
import static dev.iampolicyls.hover.HoverAssert.assertNoHover;
import static dev.iampolicyls.hover.HoverAssert.hover;
import static dev.iampolicyls.hover.HoverAssert.policy;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.iampolicyls.policy.Policy;
import dev.iampolicyls.policy.PolicyType;
import org.junit.jupiter.api.Test;

class PrincipalAndElementHoverTest {
  private static final String TRUST =
      policy(
          "    {\"Effect\": \"Allow\", \"Principal\": {\"Service\": \"ec2.amazonaws.com\","
              + " \"AWS\": [\"arn:aws:iam::111122223333:root\","
              + " \"arn:aws:iam::111122223333:role/Deployer\", \"*\"]},"
              + " \"Action\": \"sts:AssumeRole\"}");

  private static final String S3 =
      policy(
          "    {\"Sid\": \"ReadReports\", \"Effect\": \"Allow\", \"Action\": \"s3:GetObject\","
              + " \"Resource\": \"arn:aws:s3:::b/*\"}");

  @Test
  void principalsAreNamed() {
    hover(TRUST.replace("ec2.amazon", "ec2.ama|zon"))
        .covers("\"ec2.amazonaws.com\"")
        .contains("Amazon EC2");
    hover(TRUST.replace(":root", ":ro|ot")).contains("account 111122223333");
    hover(TRUST.replace("Deployer", "Deplo|yer")).contains("role Deployer");
  }

  @Test
  void everyoneWarnsUnderAllow() {
    hover(TRUST.replace("\"*\"", "\"|*\"")).covers("\"*\"").contains("Warning", "anonymous");
    hover(policy("{\"Effect\": \"Deny\", \"Principal\": \"|*\", \"Action\": \"s3:*\"}"))
        .lacks("Warning");
  }

  @Test
  void principalKeysAreExplained() {
    hover(TRUST.replace("\"Service\"", "\"Ser|vice\"")).covers("\"Service\"");
    hover(TRUST.replace("\"Principal\"", "\"Princ|ipal\"")).covers("\"Principal\"").lacks("Note");
    hover(TRUST.replace("\"Principal\"", "\"Princ|ipal\""), PolicyType.IDENTITY_POLICY)
        .contains("**Note:**");
  }

  @Test
  void theStatementIsSummarisedOnItsBraceSidAndEffect() {
    Policy parsed = Policy.parse(S3);
    String sentence = ENGINE.summary().summarize(parsed, parsed.statements().get(0));
    int brace = S3.indexOf("{\"Sid\"");
    HoverResult onBrace = ENGINE.hover(parsed, brace, null).orElseThrow();
    assertEquals(brace, onBrace.startOffset());
    assertEquals(brace + 1, onBrace.endOffset());
    assertTrue(onBrace.markdown().startsWith(sentence.replace("*", "\\*")), onBrace.markdown());

    hover(S3.replace("\"Sid\"", "\"S|id\"")).covers("\"Sid\"").contains("object", "**Sid**");
    hover(S3.replace("ReadReports", "Read|Reports")).covers("\"ReadReports\"").contains("Allows");
    hover(S3.replace("\"Effect\"", "\"Eff|ect\"")).covers("\"Effect\"").contains("**Effect**");
    hover(S3.replace("\"Allow\"", "\"Al|low\""))
        .covers("\"Allow\"")
        .contains("Allows s3:GetObject");
  }

  @Test
  void topLevelKeysAndTheVersionAreExplained() {
    hover(S3.replace("\"Version\"", "\"Vers|ion\"")).covers("\"Version\"");
    hover(S3.replace("\"2012-10-17\"", "\"2012-|10-17\"")).contains("current");
    hover(S3.replace("\"2012-10-17\"", "\"2008-|10-17\"")).contains("`2012-10-17`");
    hover(S3.replace("\"Statement\"", "\"State|ment\"")).contains("1 statement.");
  }

  @Test
  void nothingIsShownWhereThereIsNothingToSay() {
    assertNoHover(S3.replace("\"Sid\"", "|\n\"Sid\"")); // whitespace inside a statement
    assertNoHover(S3.replace("\"Version\": ", "\"Version\":| ")); // between key and value
    assertNoHover(policy("{\"Effect\": \"Allow\", \"Whatever\": \"x|y\"}"));
    assertNoHover("|");
    assertNoHover("[\"s3:Get|Object\"]");
  }

  @Test
  void halfTypedPoliciesNeverBreakAHover() {
    String[] texts = {
      S3,
      TRUST,
      "{\"Statement\": [{\"Effect\": \"Allow\", \"Action\": ",
      "{\"Statement\": {\"Effect\": \"Allow\", \"Action\": [\"s3:Get*\", ",
      "{\"Statement\": [{\"Condition\": {\"StringEquals\": {\"aws:",
      "{\"Statement\": [{\"Principal\": {\"AWS\": [1, null, {}]}, \"Resource\": [\"arn:aws:\"",
      "{\"Statement\": [{\"Resource\": \"arn:aws:s3:::b/${aws:username\"}]}",
      "{\"Statement\": [{\"Resource\": \"arn:aws:s3:::b/${\", \"Action\": \"*:*\"}]}",
    };
    for (String text : texts) {
      Policy parsed = Policy.parse(text);
      for (int i = 0; i <= text.length(); i++) {
        int at = i;
        assertDoesNotThrow(() -> ENGINE.hover(parsed, at, null), () -> text + " at " + at);
      }
    }
  }
}
