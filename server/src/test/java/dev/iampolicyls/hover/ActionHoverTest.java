package dev.iampolicyls.hover;

import static dev.iampolicyls.hover.HoverAssert.CATALOG;
import static dev.iampolicyls.hover.HoverAssert.hover;
import static dev.iampolicyls.hover.HoverAssert.policy;

import dev.iampolicyls.catalog.AccessLevel;
import dev.iampolicyls.catalog.Action;
import java.util.List;
import org.junit.jupiter.api.Test;

class ActionHoverTest {

  private static String statement(String effect, String element, String action, String resource) {
    return policy(
        "    {\"Effect\": \""
            + effect
            + "\", \""
            + element
            + "\": ["
            + action
            + "], \"Resource\": \""
            + resource
            + "\"}");
  }

  private static long count(List<Action> actions, AccessLevel level) {
    return actions.stream().filter(a -> a.accessLevel() == level).count();
  }

  @Test
  void aKnownActionGivesItsLevelServiceDescriptionAndLink() {
    Action getObject = CATALOG.action("s3:GetObject").orElseThrow();
    hover(statement("Allow", "Action", "\"s3:Get|Object\"", "*"))
        .covers("\"s3:GetObject\"")
        .contains("Read", "Amazon S3", "`object`", getObject.documentationUrl());
  }

  @Test
  void requiredResourceTypesAreMarked() {
    hover(statement("Allow", "Action", "\"iam:Pass|Role\"", "*"))
        .covers("\"iam:PassRole\"")
        .contains("Write", "`role` (required)");
  }

  @Test
  void actionsThatOnlyWorkOnStarSaySo() {
    hover(statement("Allow", "Action", "\"s3:ListAll|MyBuckets\"", "*")).contains("only `*`");
  }

  @Test
  void theActionIsFoundWhateverItsCase() {
    hover(statement("Allow", "Action", "\"S3:getobject|\"", "*"))
        .covers("\"S3:getobject\"")
        .contains("`s3:GetObject`", "Read");
  }

  @Test
  void anUnknownActionGetsTheClosestSuggestion() {
    hover(statement("Allow", "Action", "\"s3:GetObj|ekt\"", "*"))
        .covers("\"s3:GetObjekt\"")
        .contains("GetObjekt", "`s3:GetObject`");
  }

  @Test
  void anApiOperationNameGetsTheActionThatAuthorizesIt() {
    hover(statement("Allow", "Action", "\"s3:List|Buckets\"", "*"))
        .covers("\"s3:ListBuckets\"")
        .contains("is authorized by `s3:ListAllMyBuckets`")
        .lacks("`s3:ListBucket`");
  }

  @Test
  void aRetiredPrefixGetsItsSuccessor() {
    hover(statement("Allow", "Action", "\"macie:List|MemberAccounts\"", "*"))
        .contains("`macie`", "macie2");
  }

  @Test
  void anUnknownServiceGetsTheClosestPrefix() {
    hover(statement("Allow", "Action", "\"s4:GetOb|ject\"", "*")).contains("`s4`", "`s3`");
  }

  @Test
  void aStringWithoutAColonIsNotAnAction() {
    hover(statement("Allow", "Action", "\"GetOb|ject\"", "*")).contains("service:ActionName");
  }

  @Test
  void aWildcardCountsItsActionsByAccessLevel() {
    List<Action> matched = CATALOG.matchActions("s3:Get*");
    hover(statement("Allow", "Action", "\"s3:G|et*\"", "*"))
        .covers("\"s3:Get*\"")
        .contains(
            matched.size() + " actions",
            count(matched, AccessLevel.READ) + " Read",
            "`" + matched.get(0).qualifiedName() + "`",
            matched.size() - ActionHover.LISTED + " more")
        .lacks("Warning");
  }

  @Test
  void aWildcardGrantingWriteAndPermissionsManagementOnStarWarns() {
    List<Action> matched = CATALOG.matchActions("iam:*");
    hover(statement("Allow", "Action", "\"iam:|*\"", "*"))
        .contains(
            matched.size() + " actions",
            count(matched, AccessLevel.PERMISSIONS_MANAGEMENT) + " Permissions management",
            count(matched, AccessLevel.WRITE) + " Write",
            "Warning",
            "every resource");
  }

  @Test
  void theWarningDoesNotClaimEveryResourceWhenResourcesAreNamed() {
    hover(statement("Allow", "Action", "\"iam:|*\"", "arn:aws:iam::111122223333:role/app-*"))
        .contains("Warning")
        .lacks("every resource");
  }

  @Test
  void denyingByWildcardIsNoRisk() {
    hover(statement("Deny", "Action", "\"iam:|*\"", "*")).lacks("Warning");
  }

  @Test
  void questionMarksAndLeadingStarsCount() {
    int n = CATALOG.matchActions("ec2:*Instance?").size();
    hover(statement("Allow", "Action", "\"ec2:*Ins|tance?\"", "*"))
        .covers("\"ec2:*Instance?\"")
        .contains(n + " actions", "Amazon EC2");
  }

  @Test
  void starAloneMatchesEveryActionAcrossServices() {
    int n = CATALOG.matchActions("*").size();
    int services = CATALOG.services().size();
    hover(statement("Allow", "Action", "\"|*\"", "*"))
        .covers("\"*\"")
        .contains(n + " actions", "across " + services + " services", "Warning");
  }

  @Test
  void underNotActionTheStatementCoversEverythingElse() {
    int n = CATALOG.matchActions("iam:*").size();
    hover(statement("Allow", "NotAction", "\"iam|:*\"", "*"))
        .contains("EXCEPT", n + " actions")
        .lacks("**Warning:** grants");
    hover(statement("Deny", "NotAction", "\"iam:Pass|Role\"", "*")).contains("EXCEPT", "Write");
  }

  @Test
  void aPatternMatchingNothingSaysSo() {
    hover(statement("Allow", "Action", "\"s3:Gett|*\"", "*")).contains("matches no action");
  }

  @Test
  void theElementKeysAreExplained() {
    hover(statement("Allow", "Act|ion", "\"s3:GetObject\"", "*")).covers("\"Action\"");
    hover(statement("Allow", "NotAc|tion", "\"s3:GetObject\"", "*"))
        .covers("\"NotAction\"")
        .contains("EXCEPT");
  }
}
