package dev.iampolicyls.hover;

import static dev.iampolicyls.hover.HoverAssert.CATALOG;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.iampolicyls.policy.Policy;
import org.junit.jupiter.api.Test;

/** The sentences are the product here, so they are asserted word for word. */
class StatementSummaryTest {
  private static final StatementSummary SUMMARY = new StatementSummary(CATALOG);

  /** The summary of a one-statement policy; single quotes stand for double quotes. */
  private static String summarize(String statement) {
    Policy policy =
        Policy.parse(
            "{\"Version\": \"2012-10-17\", \"Statement\": [" + statement.replace('\'', '"') + "]}");
    return SUMMARY.summarize(policy, policy.statements().get(0));
  }

  private static int count(String pattern) {
    return CATALOG.matchActions(pattern).size();
  }

  @Test
  void objectsInABucketOverTls() {
    assertEquals(
        "Allows s3:GetObject and s3:PutObject (Read, Write) on every object in the bucket"
            + " your-bucket-name, for requests over TLS only.",
        summarize(
            "{'Effect': 'Allow', 'Action': ['s3:GetObject', 's3:PutObject'],"
                + " 'Resource': 'arn:aws:s3:::your-bucket-name/*',"
                + " 'Condition': {'Bool': {'aws:SecureTransport': 'true'}}}"));
  }

  @Test
  void denyWithoutTlsOnABucketAndItsObjects() {
    assertEquals(
        "Denies every s3 action on the bucket b and every object in the bucket b, for requests"
            + " not over TLS.",
        summarize(
            "{'Effect': 'Deny', 'Action': 's3:*',"
                + " 'Resource': ['arn:aws:s3:::b', 'arn:aws:s3:::b/*'],"
                + " 'Condition': {'Bool': {'aws:SecureTransport': 'false'}}}"));
  }

  @Test
  void wildcardsAreCounted() {
    assertEquals(
        "Allows all " + count("s3:Get*") + " s3 Get* actions (Read) on every resource.",
        summarize("{'Effect': 'Allow', 'Action': 's3:Get*', 'Resource': '*'}"));
    assertEquals(
        "Allows all "
            + count("ec2:*Instance?")
            + " ec2 *Instance? actions (List, Write) on"
            + " every resource.",
        summarize("{'Effect': 'Allow', 'Action': 'ec2:*Instance?', 'Resource': '*'}"));
    assertEquals(
        "Allows the only s3 GetObjectAc* action, s3:GetObjectAcl (Read) on every resource.",
        summarize("{'Effect': 'Allow', 'Action': 's3:GetObjectAc*', 'Resource': '*'}"));
    assertEquals(
        "Allows no known action on every resource (1 unknown action not counted).",
        summarize("{'Effect': 'Allow', 'Action': 's3:Gett*', 'Resource': '*'}"));
  }

  @Test
  void everything() {
    assertEquals(
        "Allows every action on every resource.",
        summarize("{'Effect': 'Allow', 'Action': '*', 'Resource': '*'}"));
  }

  @Test
  void notActionOutsideRegions() {
    assertEquals(
        "Denies every action except iam:* and sts:GetCallerIdentity on every resource, for"
            + " requests outside regions us-east-1 or eu-west-1.",
        summarize(
            "{'Effect': 'Deny', 'NotAction': ['iam:*', 'sts:getcalleridentity'],"
                + " 'Resource': '*', 'Condition': {'StringNotEquals':"
                + " {'aws:RequestedRegion': ['us-east-1', 'eu-west-1']}}}"));
  }

  @Test
  void resourceTypesAreNamed() {
    assertEquals(
        "Allows iam:PassRole (Write) on every role matching app-*.",
        summarize(
            "{'Effect': 'Allow', 'Action': 'iam:PassRole',"
                + " 'Resource': 'arn:aws:iam::123456789012:role/app-*'}"));
    assertEquals(
        "Allows dynamodb:GetItem and dynamodb:Query (Read) on the table Books.",
        summarize(
            "{'Effect': 'Allow', 'Action': ['dynamodb:GetItem', 'dynamodb:Query'],"
                + " 'Resource': 'arn:aws:dynamodb:us-east-1:123456789012:table/Books'}"));
    assertEquals(
        "Allows lambda:InvokeFunction (Write) on every function matching my-fn:*.",
        summarize(
            "{'Effect': 'Allow', 'Action': 'lambda:InvokeFunction',"
                + " 'Resource': 'arn:aws:lambda:us-east-1:111122223333:function:my-fn:*'}"));
  }

  @Test
  void s3ResourcesReadNaturally() {
    assertEquals(
        "Allows no known action on the object key.txt in the bucket b (1 unknown action not"
            + " counted).",
        summarize(
            "{'Effect': 'Allow', 'Action': 's3:GetObjekt', 'Resource': 'arn:aws:s3:::b/key.txt'}"));
    assertEquals(
        "Allows every s3 action on every bucket and object.",
        summarize("{'Effect': 'Allow', 'Action': 's3:*', 'Resource': 'arn:aws:s3:::*'}"));
    assertEquals(
        "Allows s3:GetObject (Read) on every object.",
        summarize("{'Effect': 'Allow', 'Action': 's3:GetObject', 'Resource': 'arn:aws:s3:::*'}"));
    assertEquals(
        "Allows s3:GetObject (Read) on every resource except every object under secret/ in the"
            + " bucket b.",
        summarize(
            "{'Effect': 'Allow', 'Action': 's3:GetObject',"
                + " 'NotResource': ['arn:aws:s3:::b/secret/*']}"));
  }

  @Test
  void actionsAreGroupedByTheResourcesTheyActOn() {
    assertEquals(
        "Allows s3:GetObject, s3:PutObject and s3:DeleteObject (Read, Write) on every object in"
            + " the bucket a and every object in the bucket b; s3:ListBucket and"
            + " s3:GetBucketLocation (List, Read) on the bucket a and the bucket b.",
        summarize(
            "{'Effect': 'Allow', 'Action': ['s3:GetObject', 's3:PutObject', 's3:DeleteObject',"
                + " 's3:ListBucket', 's3:GetBucketLocation'], 'Resource': ['arn:aws:s3:::a',"
                + " 'arn:aws:s3:::a/*', 'arn:aws:s3:::b', 'arn:aws:s3:::b/*']}"));
  }

  @Test
  void typoedActionsAreLeftOutAndCounted() {
    assertEquals(
        "Allows s3:GetObject (Read) on every object in the bucket my-bucket (1 unknown action not"
            + " counted).",
        summarize(
            "{'Effect': 'Allow', 'Action': ['s3:GetObjekt', 's3:GetObject'],"
                + " 'Resource': 'arn:aws:s3:::my-bucket/*'}"));
    assertEquals(
        "Allows s3:GetObject (Read) on every resource except every object in the bucket my-bucket"
            + " (2 unknown actions not counted).",
        summarize(
            "{'Effect': 'Allow', 'Action': ['s3:GetObjekt', 's3:GetObject', 's3:Gett*'],"
                + " 'NotResource': 'arn:aws:s3:::my-bucket/*'}"));
  }

  /** The sentence: a typo beside a bucket action on an object pattern. */
  @Test
  void bucketActionOnObjectPatternActsOnNothing() {
    assertEquals(
        "Allows nothing (1 unknown action not counted). s3:ListBucket acts on buckets;"
            + " arn:aws:s3:::my-bucket/* names objects.",
        summarize(
            "{'Effect': 'Allow', 'Action': ['s3:GetObjekt', 's3:ListBucket'],"
                + " 'Resource': 'arn:aws:s3:::my-bucket/*'}"));
    assertEquals(
        "Allows nothing. s3:ListBucket and s3:GetBucketLocation act on buckets; arn:aws:s3:::a/*"
            + " and arn:aws:s3:::b/* name objects.",
        summarize(
            "{'Effect': 'Allow', 'Action': ['s3:ListBucket', 's3:GetBucketLocation'],"
                + " 'Resource': ['arn:aws:s3:::a/*', 'arn:aws:s3:::b/*']}"));
  }

  @Test
  void objectActionOnBucketArnIsNamedApart() {
    assertEquals(
        "Allows s3:ListBucket (List) on the bucket my-bucket. s3:GetObject acts on objects;"
            + " arn:aws:s3:::my-bucket names buckets.",
        summarize(
            "{'Effect': 'Allow', 'Action': ['s3:GetObject', 's3:ListBucket'],"
                + " 'Resource': 'arn:aws:s3:::my-bucket'}"));
  }

  @Test
  void actionsOfAnotherServiceActOnNothing() {
    assertEquals(
        "Allows nothing. sns:Publish acts on topics; arn:aws:sqs:us-east-1:111122223333:orders"
            + " names queues.",
        summarize(
            "{'Effect': 'Allow', 'Action': 'sns:Publish',"
                + " 'Resource': 'arn:aws:sqs:us-east-1:111122223333:orders'}"));
  }

  @Test
  void starIsEveryResourceForEveryAction() {
    assertEquals(
        "Allows s3:GetObject and s3:ListBucket (List, Read) on every resource.",
        summarize(
            "{'Effect': 'Allow', 'Action': ['s3:GetObject', 's3:ListBucket'], 'Resource': '*'}"));
  }

  @Test
  void wildcardActionsCountOnlyThoseActingOnTheResources() {
    int onObjects = countActingOn("s3:Get*", "object");
    assertEquals(
        "Allows "
            + onObjects
            + " of the "
            + count("s3:Get*")
            + " s3 Get* actions (Read) on every object in the bucket my-bucket.",
        summarize(
            "{'Effect': 'Allow', 'Action': 's3:Get*', 'Resource': 'arn:aws:s3:::my-bucket/*'}"));
  }

  /** How many actions of a pattern the catalog lists with a resource type of this name. */
  private static int countActingOn(String pattern, String typeName) {
    return (int)
        CATALOG.matchActions(pattern).stream()
            .filter(
                a ->
                    a.resourceTypes().stream()
                        .anyMatch(
                            r ->
                                r.resourceType().map(t -> t.name().equals(typeName)).orElse(false)))
            .count();
  }

  @Test
  void denyNamesWhatEachActionMisses() {
    assertEquals(
        "Denies s3:DeleteObject (Write) on every object in the bucket my-bucket. s3:DeleteBucket"
            + " acts on buckets; arn:aws:s3:::my-bucket/* names objects.",
        summarize(
            "{'Effect': 'Deny', 'Action': ['s3:DeleteObject', 's3:DeleteBucket'],"
                + " 'Resource': 'arn:aws:s3:::my-bucket/*'}"));
  }

  /**
   * A placeholder account fits no typed format: that is INVALID_ARN's finding, and the sentence
   * does not blame the action for it ("Allows nothing").
   */
  @Test
  void anArnOfNoKnownTypeDoesNotMakeTheActionAMisfit() {
    assertEquals(
        "Allows iam:ChangePassword (Write) on the user ${aws:username}.",
        summarize(
            "{'Effect': 'Allow', 'Action': 'iam:ChangePassword',"
                + " 'Resource': 'arn:aws:iam::account-id:user/${aws:username}'}"));
  }

  @Test
  void notActionWithNotResourceKeepsItsWording() {
    assertEquals(
        "Allows every action except iam:* on every resource except every object in the bucket"
            + " my-bucket.",
        summarize(
            "{'Effect': 'Allow', 'NotAction': 'iam:*',"
                + " 'NotResource': 'arn:aws:s3:::my-bucket/*'}"));
  }

  @Test
  void unknownServicesAreCountedAndTheArnGivenAsWritten() {
    assertEquals(
        "Allows no known action on arn:aws:foo:::thing (1 unknown action not counted).",
        summarize("{'Effect': 'Allow', 'Action': 'foo:Bar', 'Resource': 'arn:aws:foo:::thing'}"));
  }

  @Test
  void commonConditionsInWordsOthersAsWritten() {
    assertEquals(
        "Allows iam:CreateVirtualMFADevice and iam:EnableMFADevice (Write) on the mfa"
            + " ${aws:username}, for requests with MFA and from IP ranges 203.0.113.0/24 or"
            + " 198.51.100.0/24.",
        summarize(
            "{'Effect': 'Allow', 'Action': ['iam:CreateVirtualMFADevice', 'iam:EnableMFADevice'],"
                + " 'Resource': 'arn:aws:iam::*:mfa/${aws:username}',"
                + " 'Condition': {'Bool': {'aws:MultiFactorAuthPresent': 'true'},"
                + " 'IpAddress': {'aws:SourceIp': ['203.0.113.0/24', '198.51.100.0/24']}}}"));
    assertEquals(
        "Allows s3:ListBucket (List) on the bucket b, when s3:prefix StringLike"
            + " home/${aws:username}/* or \"\".",
        summarize(
            "{'Effect': 'Allow', 'Action': 's3:ListBucket', 'Resource': 'arn:aws:s3:::b',"
                + " 'Condition': {'StringLike': {'s3:prefix': ['home/${aws:username}/*', '']}}}"));
    assertEquals(
        "Allows sqs:SendMessage (Write) on the queue orders, when aws:SourceArn ArnEquals"
            + " arn:aws:sns:us-east-1:111122223333:topic, aws:SourceAccount StringEquals"
            + " 111122223333, aws:MultiFactorAuthAge NumericLessThan 10 and 1 more.",
        summarize(
            "{'Effect': 'Allow', 'Action': 'sqs:SendMessage',"
                + " 'Resource': 'arn:aws:sqs:us-east-1:111122223333:orders', 'Condition':"
                + " {'ArnEquals': {'aws:SourceArn': 'arn:aws:sns:us-east-1:111122223333:topic'},"
                + " 'StringEquals': {'aws:SourceAccount': '111122223333'},"
                + " 'NumericLessThan': {'aws:MultiFactorAuthAge': 10},"
                + " 'Null': {'aws:TokenIssueTime': 'true'}}}"));
  }

  @Test
  void resourcePoliciesSayWho() {
    assertEquals(
        "Allows s3:GetObject (Read) on every object under public/ in the bucket b, only for"
            + " principals in organization o-abc123. Who: everyone (anonymous users included).",
        summarize(
            "{'Effect': 'Allow', 'Principal': '*', 'Action': 's3:GetObject',"
                + " 'Resource': 'arn:aws:s3:::b/public/*',"
                + " 'Condition': {'StringEquals': {'aws:PrincipalOrgID': 'o-abc123'}}}"));
    assertEquals(
        "Denies every s3 action on every object in the bucket b. Who: everyone except the user"
            + " alice in account 111122223333 and the session bob of the role Admin in account"
            + " 111122223333.",
        summarize(
            "{'Effect': 'Deny', 'NotPrincipal': {'AWS': ['arn:aws:iam::111122223333:user/alice',"
                + " 'arn:aws:sts::111122223333:assumed-role/Admin/bob']}, 'Action': 's3:*',"
                + " 'Resource': 'arn:aws:s3:::b/*'}"));
  }

  @Test
  void trustPoliciesSayWhoMayAssume() {
    assertEquals(
        "Allows sts:AssumeRole (Write). Who: the service ec2.amazonaws.com.",
        summarize(
            "{'Effect': 'Allow', 'Principal': {'Service': 'ec2.amazonaws.com'},"
                + " 'Action': 'sts:AssumeRole'}"));
    assertEquals(
        "Allows sts:AssumeRoleWithSAML (Write), when SAML:aud StringEquals"
            + " https://signin.aws.amazon.com/saml. Who: users of the SAML provider Okta.",
        summarize(
            "{'Effect': 'Allow', 'Principal': {'Federated':"
                + " 'arn:aws:iam::111122223333:saml-provider/Okta'},"
                + " 'Action': 'sts:AssumeRoleWithSAML', 'Condition': {'StringEquals':"
                + " {'SAML:aud': 'https://signin.aws.amazon.com/saml'}}}"));
    assertEquals(
        "Allows sts:AssumeRole (Write). Who: the account 111122223333, the role Deployer in"
            + " account 444455556666 and the IAM principal with unique ID AROAEXAMPLEID.",
        summarize(
            "{'Effect': 'Allow', 'Principal': {'AWS': ['111122223333',"
                + " 'arn:aws:iam::444455556666:role/ci/Deployer', 'AROAEXAMPLEID']},"
                + " 'Action': 'sts:AssumeRole'}"));
  }

  @Test
  void halfWrittenStatementsStillGetASentence() {
    assertEquals(
        "Has no valid Effect (Allow or Deny); it covers s3:GetObject (Read) on every resource.",
        summarize("{'Action': 's3:GetObject', 'Resource': '*'}"));
    assertEquals("Allows no action.", summarize("{'Effect': 'Allow'}"));
  }

  /** A statement that never applies says so, whatever it names. */
  @Test
  void aStatementThatNeverAppliesAllowsNothing() {
    assertEquals(
        "Allows nothing: iam:ResourceTag/team is a key of iam that no action of this statement puts"
            + " in the request (it comes with iam:AttachRolePolicy, iam:AttachUserPolicy,"
            + " iam:ChangePassword, ...), so StringEquals is never true.",
        summarize(
            "{'Effect': 'Allow', 'Action': 's3:GetObject', 'Resource': '*',"
                + " 'Condition': {'StringEquals': {'iam:ResourceTag/team': 'web'}}}"));
  }

  /** A test every request passes narrows nothing, so the sentence leaves it out. */
  @Test
  void testsThatNarrowNothingAreLeftOut() {
    assertEquals(
        "Allows s3:GetObject (Read) on every resource, for requests over TLS only.",
        summarize(
            "{'Effect': 'Allow', 'Action': 's3:GetObject', 'Resource': '*',"
                + " 'Condition': {'StringNotEquals': {'iam:ResourceTag/team': 'web'},"
                + " 'NotIpAddress': {'aws:SourceIp': '10.0.0.0/8'},"
                + " 'Bool': {'aws:SecureTransport': 'true'}}}"));
    // An empty set passes ForAllValues, and Null true asks for the key to be absent.
    assertEquals(
        "Allows s3:GetObject (Read) on every resource, for requests over TLS only.",
        summarize(
            "{'Effect': 'Allow', 'Action': 's3:GetObject', 'Resource': '*',"
                + " 'Condition': {'ForAllValues:StringEquals': {'iam:ResourceTag/team': 'web'},"
                + " 'Null': {'ec2:ResourceTag/team': 'true'},"
                + " 'Bool': {'aws:SecureTransport': 'true'}}}"));
  }
}
