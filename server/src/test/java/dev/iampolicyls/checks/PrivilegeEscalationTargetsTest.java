package dev.iampolicyls.checks;

import static dev.iampolicyls.checks.CheckAssert.assertFindings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.iampolicyls.catalog.Catalog;
import dev.iampolicyls.grants.ActionIndex;
import dev.iampolicyls.grants.EscalationTargets;
import dev.iampolicyls.grants.EscalationTargets.SelfMethod;
import dev.iampolicyls.grants.EscalationTargets.WriterMethod;
import dev.iampolicyls.policy.PolicyType;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * PRIVILEGE_ESCALATION beyond "every resource": on the caller itself, on a resource whose policy
 * the caller may write, and the conditions that narrow a method's targets.
 */
class PrivilegeEscalationTargetsTest {
  private static final String CODE = "PRIVILEGE_ESCALATION";

  private static String policy(String... statements) {
    return "{\"Version\": \"2012-10-17\", \"Statement\": [" + String.join(", ", statements) + "]}";
  }

  private static String allow(String actions, String resource) {
    return "{\"Effect\": \"Allow\", \"Action\": " + actions + ", \"Resource\": " + resource + "}";
  }

  private static String allowWhen(String actions, String resource, String condition) {
    return "{\"Effect\": \"Allow\", \"Action\": "
        + actions
        + ", \"Resource\": "
        + resource
        + ", \"Condition\": "
        + condition
        + "}";
  }

  private static List<Finding> escalations(String marked) {
    return assertFindings(marked, PolicyType.IDENTITY_POLICY, CODE);
  }

  private static void assertMessage(Finding f, String... parts) {
    for (String part : parts) {
      assertTrue(f.message().contains(part), f.message());
    }
  }

  private static List<String> relatedTexts(String marked, Finding f) {
    String text = CheckAssert.unmark(marked).text();
    return f.related().stream()
        .map(r -> text.substring(r.offset(), r.offset() + r.length()))
        .toList();
  }

  @Test
  void everyRowOfTheTablesResolvesAgainstTheCatalog() {
    ActionIndex index = ActionIndex.of(Catalog.bundled());
    EscalationTargets targets = EscalationTargets.of(index);
    assertEquals(8, targets.selfMethods().size());
    for (SelfMethod m : targets.selfMethods()) {
      assertTrue(
          EscalationTargets.actsOn(index.action(m.action()), m.resourceType()), m.method().name());
    }
    assertEquals(17, targets.writers().size());
    for (WriterMethod w : targets.writers()) {
      String name = w.method().name();
      assertTrue(EscalationTargets.actsOn(index.action(w.action()), w.resourceType()), name);
      assertTrue(w.services().cardinality() > w.uses().cardinality(), name);
      assertTrue(!w.uses().isEmpty() && !w.owners().isEmpty(), name);
      for (int a = w.owners().nextSetBit(0); a >= 0; a = w.owners().nextSetBit(a + 1)) {
        assertTrue(EscalationTargets.actsOn(index.action(a), w.resourceType()), name);
      }
      assertTrue(w.method().how().startsWith("it can "), name);
    }
  }

  // ---- on themselves ----

  @Test
  void aUserWritingTheirOwnPolicyEscalatesOnThemselves() {
    List<Finding> found =
        escalations(
            policy(
                allow(
                    "[«\"iam:PutUserPolicy\"», \"iam:GetUser\"]",
                    "\"arn:aws:iam::*:user/${aws:username}\"")));
    assertMessage(
        found.get(0),
        "by PutUserPolicyOnThemselves",
        "It needs iam:PutUserPolicy, which this statement grants on themselves:"
            + " arn:aws:iam::*:user/${aws:username} is the caller's own identity.");
    escalations(
        policy(
            allow(
                "«\"iam:AttachUserPolicy\"»",
                "\"arn:aws:iam::123456789012:user/division/${aws:username}\"")));
    escalations(
        policy(
            allow(
                "«\"iam:DeleteUserPermissionsBoundary\"»",
                "\"arn:aws:iam::*:user/*${aws:username}\"")));
  }

  @Test
  void theCallersOwnArnIsThemselvesForRolesToo() {
    List<Finding> found =
        escalations(policy(allow("«\"iam:PutRolePolicy\"»", "\"${aws:PrincipalArn}\"")));
    assertMessage(found.get(0), "by PutRolePolicyOnThemselves", "on themselves");
    escalations(policy(allow("«\"iam:AttachUserPolicy\"»", "\"${aws:PrincipalArn}\"")));
  }

  @Test
  void newCredentialsForThemselvesAreNotEscalation() {
    // AWS's own "manage your own credentials" policy: a new key carries the same permissions.
    escalations(
        policy(
            allow(
                "[\"iam:CreateAccessKey\", \"iam:UpdateLoginProfile\", \"iam:CreateLoginProfile\","
                    + " \"iam:ChangePassword\", \"iam:UpdateAssumeRolePolicy\"]",
                "[\"arn:aws:iam::*:user/${aws:username}\", \"${aws:PrincipalArn}\"]")));
  }

  @Test
  void resourcesThatAreNotTheCallerStayNamed() {
    // Another user whose name starts with the caller's, a role named like the user, a unique ID.
    escalations(
        policy(allow("\"iam:PutUserPolicy\"", "\"arn:aws:iam::*:user/${aws:username}-admin\"")));
    escalations(policy(allow("\"iam:PutRolePolicy\"", "\"arn:aws:iam::*:role/${aws:username}\"")));
    escalations(policy(allow("\"iam:PutUserPolicy\"", "\"arn:aws:iam::*:user/${aws:userid}\"")));
  }

  @Test
  void onEveryUserItIsTheEveryResourceFindingAlone() {
    List<Finding> found =
        escalations(
            policy(
                allow(
                    "«\"iam:PutUserPolicy\"»",
                    "[\"arn:aws:iam::*:user/${aws:username}\", \"*\"]")));
    assertMessage(found.get(0), "by PutUserPolicy:", "on every resource");
  }

  // ---- writing the policy of its own resource ----

  @Test
  void writingThePolicyOfABucketItReadsEscalates() {
    String text =
        policy(
            allow("«\"s3:PutBucketPolicy\"»", "\"arn:aws:s3:::reports\""),
            allow("\"s3:GetObject\"", "\"arn:aws:s3:::reports/*\""));
    List<Finding> found = escalations(text);
    assertMessage(
        found.get(0),
        "by RewriteBucketPolicyOfItsBucket",
        "It needs s3:PutBucketPolicy on arn:aws:s3:::reports, which this statement grants where"
            + " the policy also grants s3:GetObject.");
    assertEquals(List.of("\"s3:GetObject\""), relatedTexts(text, found.get(0)));
    // In one statement, with the bucket and its objects.
    escalations(
        policy(
            allow(
                "[\"s3:GetObject\", «\"s3:PutBucketPolicy\"», \"s3:ListBucket\"]",
                "[\"arn:aws:s3:::reports\", \"arn:aws:s3:::reports/*\"]")));
  }

  @Test
  void otherResourcePoliciesItMayWrite() {
    String key = "\"arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab\"";
    escalations(policy(allow("[\"kms:Decrypt\", «\"kms:PutKeyPolicy\"»]", key)));
    String queue = "\"arn:aws:sqs:us-east-1:123456789012:jobs\"";
    escalations(policy(allow("[\"sqs:ReceiveMessage\", «\"sqs:SetQueueAttributes\"»]", queue)));
    String role = "\"arn:aws:iam::123456789012:role/deploy\"";
    List<Finding> found =
        escalations(
            policy(
                allow("«\"iam:UpdateAssumeRolePolicy\"»", role),
                allow("\"sts:AssumeRole\"", role)));
    assertMessage(found.get(0), "by RewriteTrustPolicyOfItsRole");
    escalations(
        policy(
            allow(
                "[\"lambda:InvokeFunction\", «\"lambda:AddPermission\"»]",
                "\"arn:aws:lambda:us-east-1:123456789012:function:report\"")));
  }

  @Test
  void noEscalationOnAnotherResourceAloneOrWithEverythingAlready() {
    // Another bucket; the writer alone (a job that manages bucket policies); every S3 action on it
    // already; an action that acts on no bucket.
    escalations(
        policy(
            allow("\"s3:PutBucketPolicy\"", "\"arn:aws:s3:::reports\""),
            allow("\"s3:GetObject\"", "\"arn:aws:s3:::reports-archive/*\"")));
    escalations(policy(allow("\"s3:PutBucketPolicy\"", "\"arn:aws:s3:::reports\"")));
    escalations(
        policy(allow("\"s3:*\"", "[\"arn:aws:s3:::reports\", \"arn:aws:s3:::reports/*\"]")));
    escalations(
        policy(
            allow("\"s3:PutBucketPolicy\"", "\"arn:aws:s3:::reports\""),
            allow("\"s3:ListAllMyBuckets\"", "\"*\"")));
  }

  @Test
  void theOwnerOfAResourceWritesItsPolicy() {
    // Creating or deleting the bucket makes it the policy's own bucket (CloudTrail's,
    // CodePipeline's
    // artifact buckets in AWS's managed policies).
    escalations(
        policy(
            allow(
                "[\"s3:CreateBucket\", \"s3:PutBucketPolicy\", \"s3:GetObject\"]",
                "[\"arn:aws:s3:::pipeline-artifacts-*\", \"arn:aws:s3:::pipeline-artifacts-*/*\"]")));
    escalations(
        policy(
            allow(
                "[\"sns:DeleteTopic\", \"sns:SetTopicAttributes\"]", "\"arn:aws:sns:*:*:alerts\""),
            allow("\"sns:Publish\"", "\"arn:aws:sns:*:*:alerts\"")));
  }

  @Test
  void aNotResourceReachesTheBucketUnlessItNamesIt() {
    String writer = allow("«\"s3:PutBucketPolicy\"»", "\"arn:aws:s3:::reports\"");
    String reader =
        "{\"Effect\": \"Allow\", \"Action\": \"s3:GetObject\", \"NotResource\": \"%s\"}";
    escalations(policy(writer, reader.formatted("arn:aws:s3:::secrets/*")));
    escalations(
        policy(
            writer.replace("«", "").replace("»", ""), reader.formatted("arn:aws:s3:::reports/*")));
  }

  @Test
  void readingOnlyTheConfigurationIsNoUse() {
    // s3:GetBucketPolicy reads the policy, not what the bucket holds.
    escalations(
        policy(
            allow("[\"s3:PutBucketPolicy\", \"s3:GetBucketPolicy\"]", "\"arn:aws:s3:::reports\"")));
  }

  @Test
  void onEveryResourceTheWriterIsPermissionsManagement() {
    String text = policy(allow("[\"s3:PutBucketPolicy\", \"s3:GetObject\"]", "\"*\""));
    escalations(text);
    assertFindings(
        policy(allow("[«\"s3:PutBucketPolicy\"», \"s3:GetObject\"]", "\"*\"")),
        PolicyType.IDENTITY_POLICY,
        "PERMISSIONS_MANAGEMENT");
  }

  @Test
  void aReaderOnEveryResourceUsesTheNamedBucketToo() {
    escalations(
        policy(
            allow("«\"s3:PutBucketPolicy\"»", "\"arn:aws:s3:::reports\""),
            allow("\"s3:GetObject\"", "\"*\"")));
  }

  // ---- conditions that narrow the targets ----

  private static final String RUN_INSTANCES = allow("\"ec2:RunInstances\"", "\"*\"");

  @Test
  void passedToServiceKillsTheMethodsOfOtherServices() {
    String toLambda = "{\"StringEquals\": {\"iam:PassedToService\": \"lambda.amazonaws.com\"}}";
    escalations(policy(allowWhen("\"iam:PassRole\"", "\"*\"", toLambda), RUN_INSTANCES));
    List<Finding> found =
        escalations(
            policy(
                allowWhen("«\"iam:PassRole\"»", "\"*\"", toLambda),
                allow("[\"lambda:CreateFunction\", \"lambda:InvokeFunction\"]", "\"*\"")));
    assertMessage(found.get(0), "PassExistingRoleToNewLambdaThenInvoke");
    // Any service: no narrowing.
    escalations(
        policy(
            allowWhen(
                "«\"iam:PassRole\"»",
                "\"*\"",
                "{\"StringLike\": {\"iam:PassedToService\": \"*.amazonaws.com\"}}"),
            RUN_INSTANCES));
    escalations(
        policy(
            allowWhen(
                "«\"iam:PassRole\"»",
                "\"*\"",
                "{\"StringEquals\": {\"iam:PassedToService\": \"ec2.amazonaws.com\"}}"),
            RUN_INSTANCES));
  }

  @Test
  void resourceTagsNarrowWhichRolesOrUsers() {
    escalations(
        policy(
            allowWhen(
                "\"iam:PassRole\"",
                "\"*\"",
                "{\"StringEquals\": {\"iam:ResourceTag/team\": \"web\"}}"),
            RUN_INSTANCES));
    escalations(
        policy(
            allowWhen(
                "\"iam:CreateAccessKey\"",
                "\"*\"",
                "{\"StringEquals\": {\"aws:ResourceTag/access\": \"service-user\"}}")));
    // A tag on the instance, not the role: the role may still be any.
    escalations(
        policy(
            allow("«\"iam:PassRole\"»", "\"*\""),
            allowWhen(
                "\"ec2:RunInstances\"",
                "\"*\"",
                "{\"StringEquals\": {\"aws:ResourceTag/team\": \"web\"}}")));
    // IfExists lets a request without the tag through.
    escalations(
        policy(
            allowWhen(
                "«\"iam:PassRole\"»",
                "\"*\"",
                "{\"StringEqualsIfExists\": {\"iam:ResourceTag/team\": \"web\"}}"),
            RUN_INSTANCES));
  }

  @Test
  void policyArnNarrowsAttachingUnlessItMayBeAnAdministratorPolicy() {
    escalations(
        policy(
            allowWhen(
                "\"iam:AttachRolePolicy\"",
                "\"*\"",
                "{\"ArnEquals\": {\"iam:PolicyARN\": [\"arn:aws:iam::aws:policy/ReadOnlyAccess\","
                    + " \"arn:aws:iam::123456789012:policy/app-*\"]}}")));
    escalations(
        policy(
            allowWhen(
                "«\"iam:AttachRolePolicy\"»",
                "\"*\"",
                "{\"ArnEquals\": {\"iam:PolicyARN\": \"arn:aws:iam::aws:policy/AdministratorAccess\"}}")));
    escalations(
        policy(
            allowWhen(
                "«\"iam:AttachUserPolicy\"»",
                "\"*\"",
                "{\"ArnLike\": {\"iam:PolicyARN\": \"arn:aws:iam::aws:policy/*\"}}")));
  }

  @Test
  void permissionsBoundaryAndCalledViaNarrow() {
    escalations(
        policy(
            allowWhen(
                "[\"iam:PutRolePolicy\", \"iam:AttachRolePolicy\"]",
                "\"*\"",
                "{\"StringEquals\": {\"iam:PermissionsBoundary\":"
                    + " \"arn:aws:iam::123456789012:policy/boundary\"}}")));
    escalations(
        policy(
            allowWhen(
                "[\"iam:PassRole\", \"ec2:RunInstances\"]",
                "\"*\"",
                "{\"ForAnyValue:StringEquals\": {\"aws:CalledVia\": \"launchwizard.amazonaws.com\"}}")));
    // Through CloudFormation any template runs with the caller's rights: no narrowing.
    escalations(
        policy(
            allowWhen(
                "«\"iam:PutRolePolicy\"»",
                "\"*\"",
                "{\"ForAnyValue:StringEquals\": {\"aws:CalledVia\": \"cloudformation.amazonaws.com\"}}")));
    // The boundary narrows the policy writers, not creating a key for another user.
    List<Finding> found =
        escalations(
            policy(
                allowWhen(
                    "[\"iam:PutUserPolicy\", «\"iam:CreateAccessKey\"»]",
                    "\"*\"",
                    "{\"StringEquals\": {\"iam:PermissionsBoundary\":"
                        + " \"arn:aws:iam::123456789012:policy/boundary\"}}")));
    assertMessage(found.get(0), "by CreateAccessKey:");
  }

  @Test
  void aNarrowedStatementStillCountsForTheMethodsItDoesNotNarrow() {
    // Narrowed for EC2 in one statement, not in the other: the other completes it.
    escalations(
        policy(
            allowWhen(
                "\"iam:PassRole\"",
                "\"*\"",
                "{\"StringEquals\": {\"iam:PassedToService\": \"lambda.amazonaws.com\"}}"),
            allow("[«\"iam:PassRole\"», \"ec2:RunInstances\"]", "\"*\"")));
  }

  // ---- a token issued before a past date ----

  @Test
  void aTokenIssuedBeforeALongPastDateNeverApplies() {
    String old = "{\"DateLessThan\": {\"aws:TokenIssueTime\": \"2020-01-01T00:00:00Z\"}}";
    escalations(policy(allowWhen("\"iam:CreateAccessKey\"", "\"*\"", old)));
    assertFindings(
        policy(
            allowWhen(
                "\"iam:CreateAccessKey\"",
                "\"*\"",
                old.replace("\"aws:TokenIssueTime\"", "«\"aws:TokenIssueTime\"»"))),
        PolicyType.IDENTITY_POLICY,
        "STATEMENT_NEVER_APPLIES");
    String ahead = "{\"DateLessThan\": {\"aws:TokenIssueTime\": \"2099-01-01T00:00:00Z\"}}";
    escalations(policy(allowWhen("«\"iam:CreateAccessKey\"»", "\"*\"", ahead)));
  }
}
