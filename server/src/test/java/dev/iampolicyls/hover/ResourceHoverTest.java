package dev.iampolicyls.hover;

import static dev.iampolicyls.hover.HoverAssert.CATALOG;
import static dev.iampolicyls.hover.HoverAssert.hover;
import static dev.iampolicyls.hover.HoverAssert.policy;

import org.junit.jupiter.api.Test;

class ResourceHoverTest {

  private static String statement(String actions, String resource) {
    return policy(
        "    {\"Effect\": \"Allow\", \"Action\": ["
            + actions
            + "], \"Resource\": ["
            + resource
            + "]}");
  }

  @Test
  void anObjectArnNamesItsTypeItsActionsAndItsParts() {
    hover(statement("\"s3:GetObject\", \"s3:ListBucket\"", "\"arn:aws:s3:::my-bucket/|reports/*\""))
        .covers("\"arn:aws:s3:::my-bucket/reports/*\"")
        .contains(
            "`object`",
            "Amazon S3",
            "my-bucket",
            "`s3:GetObject`",
            "Not to",
            "`s3:ListBucket`",
            "partition `aws`",
            "service `s3`",
            "resource `my-bucket/reports/*`");
  }

  @Test
  void aBucketArnIsABucket() {
    hover(statement("\"s3:ListBucket\"", "\"arn:aws:s3:::my-|bucket\""))
        .contains("`bucket`", "Applies to `s3:ListBucket`")
        .lacks("Not to");
  }

  @Test
  void aRoleArnIsARole() {
    hover(statement("\"iam:PassRole\"", "\"arn:aws:iam::111122223333:role/|app\""))
        .contains("`role`", "account `111122223333`", "AWS Identity and Access Management");
  }

  @Test
  void theArnsOwnServiceIsUsedWhenActionsAreWildcards() {
    hover(statement("\"*\"", "\"arn:aws:dynamodb:us-east-1:111122223333:table/|Books\""))
        .contains("`table`", "region `us-east-1`");
  }

  @Test
  void anArnNoTypeFitsSaysSo() {
    hover(statement("\"s3:GetObject\"", "\"arn:aws:s3:us-east-1::|nothing\""))
        .contains("No resource type");
  }

  @Test
  void actionsOfAnotherServiceDoNotApply() {
    hover(statement("\"s3:GetObject\"", "\"arn:aws:sqs:us-east-1:111122223333:|queue\""))
        .contains("`queue`", "None of the statement's 1 action apply");
  }

  @Test
  void starIsEveryResourceAndCountsStarOnlyActions() {
    long starOnly =
        CATALOG.matchActions("s3:List*").stream().filter(a -> a.resourceTypes().isEmpty()).count();
    int total = CATALOG.matchActions("s3:List*").size();
    hover(statement("\"s3:List*\"", "\"|*\""))
        .covers("\"*\"")
        .contains("every resource", starOnly + " of the statement's " + total + " actions");
  }

  @Test
  void notAnArnSaysHowToWriteOne() {
    hover(statement("\"s3:GetObject\"", "\"my-|bucket\"")).contains("not an ARN");
  }

  @Test
  void underNotResourceItIsAnException() {
    hover(
            policy(
                "{\"Effect\": \"Deny\", \"Action\": \"s3:*\", \"NotResource\":"
                    + " \"arn:aws:s3:::keep/|*\"}"))
        .contains("EXCEPT", "`object`");
  }

  @Test
  void theResourceKeyIsExplained() {
    hover(statement("\"s3:GetObject\"", "\"*\"").replace("\"Resource\"", "\"Reso|urce\""))
        .covers("\"Resource\"");
  }

  @Test
  void aPolicyVariableSaysWhatItResolvesTo() {
    hover(statement("\"s3:GetObject\"", "\"arn:aws:s3:::b/home/${aws:user|name}/*\""))
        .covers("${aws:username}")
        .contains("IAM user")
        .lacks("Warning");
  }

  @Test
  void aVariableUnderAnOldVersionWarns() {
    String text =
        statement("\"s3:GetObject\"", "\"arn:aws:s3:::b/${aws:PrincipalTag/te|am}/*\"")
            .replace("2012-10-17", "2008-10-17");
    hover(text).covers("${aws:PrincipalTag/team}").contains("`team`", "Warning", "2008-10-17");
  }

  @Test
  void aVariableDefaultAndTheSpecialCharacters() {
    hover(statement("\"s3:GetObject\"", "\"arn:aws:s3:::b/${aws:PrincipalTag/team, 'shar|ed'}/*\""))
        .covers("${aws:PrincipalTag/team, 'shared'}")
        .contains("`shared`");
    hover(statement("\"s3:GetObject\"", "\"arn:aws:s3:::b/${|*}\"")).contains("literal");
  }

  @Test
  void everyActionThatAppliesIsCounted() {
    long applies =
        CATALOG.matchActions("s3:*").stream()
            .filter(
                a ->
                    a.resourceTypes().stream()
                        .anyMatch(
                            r ->
                                r.resourceType()
                                    .filter(t -> t.name().equals("bucket"))
                                    .isPresent()))
            .count();
    int total = CATALOG.matchActions("s3:*").size();
    hover(statement("\"s3:*\"", "\"arn:aws:s3:::|b\""))
        .contains("Applies to " + applies + " of the " + total + " actions");
  }
}
