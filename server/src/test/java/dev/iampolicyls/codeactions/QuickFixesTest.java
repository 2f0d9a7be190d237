package dev.iampolicyls.codeactions;

import static dev.iampolicyls.codeactions.FixAssert.apply;
import static dev.iampolicyls.codeactions.FixAssert.assertFix;
import static dev.iampolicyls.codeactions.FixAssert.assertNotOffered;
import static dev.iampolicyls.codeactions.FixAssert.lines;
import static dev.iampolicyls.codeactions.FixAssert.offered;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.iampolicyls.checks.CheckCode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One test per quick fix: the text before, the text after, and a case where it is not offered. */
class QuickFixesTest {
  private static String one(String statement) {
    return "{\"Version\": \"2012-10-17\", \"Statement\": [" + statement + "]}";
  }

  @Test
  void invalidActionOffersTheClosestActionsOfTheServiceFirst() {
    String text = one("{\"Effect\": \"Allow\", \"Action\": \"s3:GetObjekt\", \"Resource\": \"*\"}");
    List<PolicyCodeAction> fixes = offered(text, "s3:GetObjekt");
    assertEquals("Change to \"s3:GetObject\"", fixes.get(0).title());
    assertEquals("INVALID_ACTION", fixes.get(0).fixes().code().id());
    assertEquals(PolicyCodeAction.QUICK_FIX, fixes.get(0).kind());
    assertFix(
        text,
        "s3:GetObjekt",
        "Change to \"s3:GetObject\"",
        one("{\"Effect\": \"Allow\", \"Action\": \"s3:GetObject\", \"Resource\": \"*\"}"));
  }

  @Test
  void invalidActionForAnApiOperationOffersOnlyTheActionThatAuthorizesIt() {
    String text =
        one("{\"Effect\": \"Allow\", \"Action\": \"s3:ListBuckets\", \"Resource\": \"*\"}");
    List<PolicyCodeAction> fixes = offered(text, "s3:ListBuckets");
    List<String> changes =
        FixAssert.titles(fixes).stream().filter(t -> t.startsWith("Change to")).toList();
    assertEquals(List.of("Change to \"s3:ListAllMyBuckets\""), changes);
    assertFix(
        text,
        "s3:ListBuckets",
        "Change to \"s3:ListAllMyBuckets\"",
        one("{\"Effect\": \"Allow\", \"Action\": \"s3:ListAllMyBuckets\", \"Resource\": \"*\"}"));
    String reEncrypt =
        one("{\"Effect\": \"Allow\", \"Action\": \"kms:ReEncrypt\", \"Resource\": \"*\"}");
    assertFix(
        reEncrypt,
        "kms:ReEncrypt",
        "Change to \"kms:ReEncrypt*\"",
        one("{\"Effect\": \"Allow\", \"Action\": \"kms:ReEncrypt*\", \"Resource\": \"*\"}"));
  }

  @Test
  void invalidArnResourceWithTheWrongSeparatorIsRewrittenToTheNearestFormat() {
    String text =
        one(
            "{\"Effect\": \"Allow\", \"Action\": \"lambda:InvokeFunction\", \"Resource\":"
                + " \"arn:aws:lambda:us-east-1:123456789012:function/*\"}");
    assertFix(
        text,
        "arn:aws:lambda",
        "Change to \"arn:aws:lambda:us-east-1:123456789012:function:*\"",
        one(
            "{\"Effect\": \"Allow\", \"Action\": \"lambda:InvokeFunction\", \"Resource\":"
                + " \"arn:aws:lambda:us-east-1:123456789012:function:*\"}"));
    // An empty resource part has no type to keep: nothing to rewrite.
    String empty =
        one(
            "{\"Effect\": \"Allow\", \"Action\": \"s3:GetObject\", \"Resource\":"
                + " \"arn:aws:s3:::\"}");
    assertNotOffered(empty, "arn:aws:s3", "Change to");
  }

  @Test
  void invalidActionWithNothingCloseOffersNothing() {
    String text =
        one("{\"Effect\": \"Allow\", \"Action\": \"s3:Zzzzzzzzzzzz\", \"Resource\": \"*\"}");
    assertNotOffered(text, "s3:Zzzz", "Change to");
    String valid =
        one("{\"Effect\": \"Allow\", \"Action\": \"s3:GetObject\", \"Resource\": \"*\"}");
    assertNotOffered(valid, "s3:GetObject", "Change to");
  }

  @Test
  void actionInWrongCaseGetsItsExactCaseWithoutADiagnostic() {
    String text = one("{\"Effect\": \"Allow\", \"Action\": \"S3:getobject\", \"Resource\": \"*\"}");
    PolicyCodeAction fix =
        offered(text, "S3:getobject").stream()
            .filter(a -> a.title().startsWith("Write \"s3:GetObject\""))
            .findFirst()
            .orElseThrow();
    assertEquals(PolicyCodeAction.QUICK_FIX, fix.kind());
    assertFix(
        text,
        "S3:getobject",
        "Write \"s3:GetObject\"",
        one("{\"Effect\": \"Allow\", \"Action\": \"s3:GetObject\", \"Resource\": \"*\"}"));
    assertNotOffered(
        one("{\"Effect\": \"Allow\", \"Action\": \"s3:GetObject\", \"Resource\": \"*\"}"),
        "s3:GetObject",
        "Write");
  }

  @Test
  void missingEffectOffersAllowAndDenyAsTheStatementsFirstMember() {
    String text =
        lines(
            "{",
            "  \"Version\": \"2012-10-17\",",
            "  \"Statement\": [",
            "    {",
            "      \"Sid\": \"Read\",",
            "      \"Action\": \"s3:GetObject\",",
            "      \"Resource\": \"*\"",
            "    }",
            "  ]",
            "}");
    List<PolicyCodeAction> fixes = offered(text, "\"Read\"");
    List<String> titles =
        fixes.stream()
            .filter(a -> a.fixes() != null && a.fixes().code() == CheckCode.MISSING_EFFECT)
            .map(PolicyCodeAction::title)
            .toList();
    assertEquals(List.of("Add \"Effect\": \"Allow\"", "Add \"Effect\": \"Deny\""), titles);
    assertFix(
        text,
        "\"Read\"",
        "Add \"Effect\": \"Deny\"",
        lines(
            "{",
            "  \"Version\": \"2012-10-17\",",
            "  \"Statement\": [",
            "    {",
            "      \"Effect\": \"Deny\",",
            "      \"Sid\": \"Read\",",
            "      \"Action\": \"s3:GetObject\",",
            "      \"Resource\": \"*\"",
            "    }",
            "  ]",
            "}"));
    // A statement on one line: the member goes on that line. The second statement is fixed.
    String oneLine =
        one(
            "{\"Effect\": \"Allow\", \"Action\": \"s3:GetObject\", \"Resource\": \"*\"},"
                + " {\"Action\": \"s3:PutObject\", \"Resource\": \"*\"}");
    assertFix(
        oneLine,
        "{\"Action\": \"s3:Put",
        "Add \"Effect\": \"Allow\"",
        one(
            "{\"Effect\": \"Allow\", \"Action\": \"s3:GetObject\", \"Resource\": \"*\"},"
                + " {\"Effect\": \"Allow\", \"Action\": \"s3:PutObject\", \"Resource\": \"*\"}"));
    assertFix(one("{}"), "{}", "Add \"Effect\": \"Allow\"", one("{\"Effect\": \"Allow\"}"));
    assertNotOffered(oneLine, "{\"Effect\"", "Add \"Effect\"");
  }

  @Test
  void missingVersionIsInsertedFirstWithTheDocumentsIndentation() {
    String text =
        lines(
            "{",
            "    \"Statement\": [{",
            "        \"Effect\": \"Allow\", \"Action\": \"s3:GetObject\", \"Resource\": \"*\"",
            "    }]",
            "}");
    assertFix(
        text,
        "{",
        "Add \"Version\"",
        lines(
            "{",
            "    \"Version\": \"2012-10-17\",",
            "    \"Statement\": [{",
            "        \"Effect\": \"Allow\", \"Action\": \"s3:GetObject\", \"Resource\": \"*\"",
            "    }]",
            "}"));
    assertFix(
        "{\"Statement\": []}",
        "{",
        "Add \"Version\"",
        "{\"Version\": \"2012-10-17\", \"Statement\": []}");
    assertNotOffered(
        one("{\"Effect\": \"Allow\", \"Action\": \"s3:GetObject\", \"Resource\": \"*\"}"),
        "{",
        "Add \"Version\"");
  }

  @Test
  void invalidEffectBecomesAllowOrDeny() {
    String text = one("{\"Effect\": \"deny\", \"Action\": \"s3:GetObject\", \"Resource\": \"*\"}");
    assertEquals("Change Effect to \"Deny\"", offered(text, "\"deny").get(0).title());
    assertFix(
        text,
        "\"deny",
        "Change Effect to \"Deny\"",
        one("{\"Effect\": \"Deny\", \"Action\": \"s3:GetObject\", \"Resource\": \"*\"}"));
    assertFix(
        text,
        "\"deny",
        "Change Effect to \"Allow\"",
        one("{\"Effect\": \"Allow\", \"Action\": \"s3:GetObject\", \"Resource\": \"*\"}"));
    assertNotOffered(
        one("{\"Effect\": \"Deny\", \"Action\": \"s3:GetObject\", \"Resource\": \"*\"}"),
        "\"Deny",
        "Change Effect");
  }

  @Test
  void redundantActionIsRemovedWithItsLine() {
    String text =
        lines(
            "{",
            "  \"Version\": \"2012-10-17\",",
            "  \"Statement\": [{",
            "    \"Effect\": \"Allow\",",
            "    \"Action\": [",
            "      \"s3:Get*\",",
            "      \"s3:GetObject\",",
            "      \"s3:PutObject\"",
            "    ],",
            "    \"Resource\": \"*\"",
            "  }]",
            "}");
    assertFix(
        text,
        "s3:GetObject",
        "Remove \"s3:GetObject\"",
        text.replace("      \"s3:GetObject\",\n", ""));
    assertNotOffered(text, "s3:PutObject", "Remove");
  }

  @Test
  void redundantLastItemTakesThePrecedingComma() {
    String text =
        one(
            "{\"Effect\": \"Allow\", \"Action\": \"s3:GetObject\","
                + " \"Resource\": [\"arn:aws:s3:::b/*\", \"arn:aws:s3:::b/x\"]}");
    assertFix(
        text,
        "arn:aws:s3:::b/x",
        "Remove \"arn:aws:s3:::b/x\"",
        one(
            "{\"Effect\": \"Allow\", \"Action\": \"s3:GetObject\","
                + " \"Resource\": [\"arn:aws:s3:::b/*\"]}"));
    assertNotOffered(text, "arn:aws:s3:::b/*", "Remove");
  }

  @Test
  void emptyArrayIsRemovedWithItsElement() {
    String text =
        one(
            "{\"Effect\": \"Allow\", \"Action\": \"s3:GetObject\", \"Resource\": \"*\","
                + " \"Condition\": {\"StringEquals\": {\"aws:SourceVpc\": [], \"aws:SourceIp\": \"1\"}}}");
    String after = apply(text, "[]", "Remove the empty \"aws:SourceVpc\"");
    assertEquals(
        one(
            "{\"Effect\": \"Allow\", \"Action\": \"s3:GetObject\", \"Resource\": \"*\","
                + " \"Condition\": {\"StringEquals\": {\"aws:SourceIp\": \"1\"}}}"),
        after);
    String emptyAction = one("{\"Effect\": \"Allow\", \"Action\": [], \"Resource\": \"*\"}");
    assertFix(
        emptyAction,
        "[]",
        "Remove the empty \"Action\"",
        one("{\"Effect\": \"Allow\", \"Resource\": \"*\"}"));
    assertNotOffered(
        one("{\"Effect\": \"Allow\", \"Action\": [\"s3:GetObject\"], \"Resource\": \"*\"}"),
        "[\"s3",
        "Remove the empty");
  }

  @Test
  void stringLikeStarBecomesNullFalse() {
    String text =
        one(
            "{\"Effect\": \"Allow\", \"Action\": \"s3:GetObject\", \"Resource\": \"*\","
                + " \"Condition\": {\"StringLike\": {\"aws:ResourceTag/team\": \"*\"}}}");
    assertFix(
        text,
        "aws:ResourceTag/team",
        "Rewrite as {\"Null\"",
        one(
            "{\"Effect\": \"Allow\", \"Action\": \"s3:GetObject\", \"Resource\": \"*\","
                + " \"Condition\": {\"Null\": {\"aws:ResourceTag/team\": \"false\"}}}"));
    assertNotOffered(text.replace("\"*\"}}", "\"a*\"}}"), "aws:ResourceTag/team", "Rewrite as");
  }

  @Test
  void stringNotLikeStarNextToOtherKeysMovesIntoTheNullBlock() {
    String text =
        one(
            "{\"Effect\": \"Deny\", \"Action\": \"s3:GetObject\", \"Resource\": \"*\","
                + " \"Condition\": {\"StringNotLike\": {\"aws:ResourceTag/team\": \"*\","
                + " \"aws:ResourceTag/env\": \"prod*\"}, \"Null\": {\"aws:SourceVpc\": \"true\"}}}");
    assertFix(
        text,
        "aws:ResourceTag/team",
        "Rewrite as {\"Null\"",
        one(
            "{\"Effect\": \"Deny\", \"Action\": \"s3:GetObject\", \"Resource\": \"*\","
                + " \"Condition\": {\"StringNotLike\": {\"aws:ResourceTag/env\": \"prod*\"},"
                + " \"Null\": {\"aws:SourceVpc\": \"true\", \"aws:ResourceTag/team\": \"true\"}}}"));
  }

  @Test
  void duplicateSidIsRenamed() {
    String text =
        one(
            "{\"Sid\": \"Read\", \"Effect\": \"Allow\", \"Action\": \"s3:GetObject\", \"Resource\": \"*\"},"
                + " {\"Sid\": \"Read\", \"Effect\": \"Allow\", \"Action\": \"s3:ListBucket\", \"Resource\": \"*\"}");
    int second = text.lastIndexOf("\"Read\"");
    List<PolicyCodeAction> fixes =
        FixAssert.SERVICE.codeActions(text, second + 1, second + 1, null);
    PolicyCodeAction rename =
        fixes.stream()
            .filter(a -> a.title().startsWith("Rename the Sid"))
            .findFirst()
            .orElseThrow();
    String after = CodeActionEngineTest.apply(text, rename.edits());
    assertEquals(
        one(
            "{\"Sid\": \"Read\", \"Effect\": \"Allow\", \"Action\": \"s3:GetObject\", \"Resource\": \"*\"},"
                + " {\"Sid\": \"Read2\", \"Effect\": \"Allow\", \"Action\": \"s3:ListBucket\", \"Resource\": \"*\"}"),
        after);
    assertNotOffered(text, "\"Read\"", "Rename the Sid");
  }

  @Test
  void multiValuedKeyGetsAQualifier() {
    String text =
        one(
            "{\"Effect\": \"Allow\", \"Action\": \"iam:TagUser\", \"Resource\": \"*\","
                + " \"Condition\": {\"StringEquals\": {\"aws:TagKeys\": \"team\"}}}");
    assertFix(
        text,
        "aws:TagKeys",
        "Change the operator to ForAnyValue:StringEquals",
        text.replace("\"StringEquals\"", "\"ForAnyValue:StringEquals\""));
    assertFix(
        text,
        "aws:TagKeys",
        "Change the operator to ForAllValues:StringEquals",
        text.replace("\"StringEquals\"", "\"ForAllValues:StringEquals\""));
    assertNotOffered(
        text.replace("aws:TagKeys", "aws:PrincipalAccount"),
        "aws:PrincipalAccount",
        "Change the operator");
  }

  @Test
  void quickFixesAreOfferedOnlyOnTheirFinding() {
    String text = one("{\"Effect\": \"deny\", \"Action\": \"s3:GetObjekt\", \"Resource\": \"*\"}");
    assertTrue(
        FixAssert.titles(offered(text, "Resource")).stream()
            .noneMatch(t -> t.startsWith("Change")));
  }
}
