package dev.iampolicyls.evaluation;

import static dev.iampolicyls.evaluation.Decision.Allowed;
import static dev.iampolicyls.evaluation.Decision.ExplicitDeny;
import static dev.iampolicyls.evaluation.Decision.ImplicitDeny;
import static dev.iampolicyls.evaluation.Scenario.allow;
import static dev.iampolicyls.evaluation.Scenario.allowIf;
import static dev.iampolicyls.evaluation.Scenario.deny;
import static dev.iampolicyls.evaluation.Scenario.grantTo;
import static dev.iampolicyls.evaluation.Scenario.policy;
import static dev.iampolicyls.evaluation.Scenario.statement;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A table of requests and decisions written from the IAM User Guide's pages on policy evaluation
 * logic (single account, cross-account, boundaries, session policies, SCPs and RCPs), the condition
 * operators and multivalued context keys pages, and the policy variables page.
 */
class EvaluationLogicTest {
  static final String ACCOUNT = "111122223333";
  static final String OTHER = "444455556666";
  static final String ALICE = "arn:aws:iam::111122223333:user/alice";
  static final String BOB = "arn:aws:iam::111122223333:user/bob";
  static final String ROLE = "arn:aws:iam::111122223333:role/app";
  static final String SESSION = "arn:aws:sts::111122223333:assumed-role/app/build-42";
  static final String OTHER_USER = "arn:aws:iam::444455556666:user/carol";
  static final String KEY = "arn:aws:kms:us-east-1:111122223333:key/1234abcd";
  static final String QUEUE = "arn:aws:sqs:us-east-1:111122223333:jobs";

  static final String ALLOW_ALL = policy(allow("*", "*"));
  static final String ALLOW_GET = policy(allow("s3:GetObject", "*"));
  static final String ALLOW_EC2 = policy(allow("ec2:*", "*"));
  static final String RCP_FULL_ACCESS =
      policy(statement("Allow", "*", "*", "\"Principal\": \"*\""));

  /** A same-account S3 request by alice. */
  static Scenario s3(String name) {
    return Scenario.of(name).principal(ALICE).resourceAccount(ACCOUNT);
  }

  static Stream<Scenario> cases() {
    return Stream.of(
        // --- Allow, implicit deny, explicit deny
        s3("an identity-based Allow allows").identity(ALLOW_GET).expect(Allowed),
        s3("no policy at all: implicit deny").expect(ImplicitDeny),
        s3("an Allow of another action: implicit deny").identity(ALLOW_EC2).expect(ImplicitDeny),
        s3("an explicit Deny overrides an Allow in the same policy")
            .identity(policy(allow("*", "*"), deny("s3:GetObject", "*")))
            .expect(ExplicitDeny),
        s3("an explicit Deny in another identity policy overrides the Allow")
            .identity(ALLOW_ALL, policy(deny("s3:*", "arn:aws:s3:::bucket/*")))
            .expect(ExplicitDeny),
        s3("a Deny in the resource-based policy overrides an identity Allow")
            .identity(ALLOW_GET)
            .resourcePolicy(policy(statement("Deny", "s3:*", "*", "\"Principal\": \"*\"")))
            .expect(ExplicitDeny),
        s3("a Deny in the permissions boundary")
            .identity(ALLOW_GET)
            .boundary(policy(allow("*", "*"), deny("s3:*", "*")))
            .expect(ExplicitDeny),
        // --- SCPs
        s3("an SCP Deny overrides everything")
            .identity(ALLOW_ALL)
            .scp(policy(allow("*", "*"), deny("s3:*", "*")))
            .expect(ExplicitDeny),
        s3("an SCP that does not allow the action")
            .identity(ALLOW_ALL)
            .scp(ALLOW_EC2)
            .expect(ImplicitDeny),
        s3("FullAWSAccess SCP and an identity Allow")
            .identity(ALLOW_GET)
            .scp(ALLOW_ALL)
            .expect(Allowed),
        s3("every SCP level must allow: the OU's does not")
            .identity(ALLOW_GET)
            .scp(ALLOW_ALL)
            .scp(ALLOW_EC2)
            .expect(ImplicitDeny),
        s3("a deny-list SCP level: FullAWSAccess beside a Deny of another service")
            .identity(ALLOW_GET)
            .scp(ALLOW_ALL, policy(deny("iam:*", "*")))
            .expect(Allowed),
        s3("an SCP does not grant: it only limits").scp(ALLOW_ALL).expect(ImplicitDeny),
        Scenario.of("SCPs do not restrict service-linked roles")
            .principal(
                "arn:aws:iam::111122223333:role/aws-service-role/elasticmapreduce.amazonaws.com/AWSServiceRoleForEMR")
            .resourceAccount(ACCOUNT)
            .identity(ALLOW_GET)
            .scp(ALLOW_EC2)
            .expect(Allowed),
        // --- RCPs
        s3("an RCP Deny for principals outside the organization")
            .identity(ALLOW_GET)
            .rcp(
                RCP_FULL_ACCESS,
                policy(
                    statement(
                        "Deny",
                        "s3:*",
                        "*",
                        "\"Principal\": \"*\", \"Condition\": {\"StringNotEqualsIfExists\": {\"aws:PrincipalOrgID\": \"o-abc\"}}")))
            .context("aws:PrincipalOrgID=o-other")
            .expect(ExplicitDeny),
        s3("the same RCP lets a principal of the organization through")
            .identity(ALLOW_GET)
            .rcp(
                RCP_FULL_ACCESS,
                policy(
                    statement(
                        "Deny",
                        "s3:*",
                        "*",
                        "\"Principal\": \"*\", \"Condition\": {\"StringNotEqualsIfExists\": {\"aws:PrincipalOrgID\": \"o-abc\"}}")))
            .context("aws:PrincipalOrgID=o-abc")
            .expect(Allowed),
        s3("an RCP that allows nothing for the service")
            .identity(ALLOW_GET)
            .rcp(policy(statement("Allow", "sqs:*", "*", "\"Principal\": \"*\"")))
            .expect(ImplicitDeny),
        s3("RCPs do not apply to services they do not support")
            .action("ec2:RunInstances")
            .resource("arn:aws:ec2:us-east-1:111122223333:instance/*")
            .identity(ALLOW_EC2)
            .rcp(policy(statement("Allow", "s3:*", "*", "\"Principal\": \"*\"")))
            .expect(Allowed),
        // --- Permissions boundaries and session policies
        s3("the boundary does not allow what the identity policy allows")
            .identity(ALLOW_ALL)
            .boundary(ALLOW_EC2)
            .expect(ImplicitDeny),
        s3("identity policy and boundary both allow")
            .identity(ALLOW_GET)
            .boundary(policy(allow("s3:*", "*")))
            .expect(Allowed),
        s3("a boundary alone grants nothing").boundary(ALLOW_ALL).expect(ImplicitDeny),
        Scenario.of("the session policy does not allow what the role allows")
            .principal(SESSION)
            .resourceAccount(ACCOUNT)
            .identity(ALLOW_ALL)
            .session(ALLOW_EC2)
            .expect(ImplicitDeny),
        Scenario.of("role policy and session policy both allow")
            .principal(SESSION)
            .resourceAccount(ACCOUNT)
            .identity(ALLOW_ALL)
            .session(ALLOW_GET)
            .expect(Allowed),
        // --- Resource-based policies within one account (the guide's table)
        s3("a resource policy naming the user allows without an identity policy")
            .resourcePolicy(grantTo("{\"AWS\": \"" + ALICE + "\"}"))
            .expect(Allowed),
        s3("a grant to the user ARN is not limited by the boundary")
            .resourcePolicy(grantTo("{\"AWS\": \"" + ALICE + "\"}"))
            .boundary(ALLOW_EC2)
            .expect(Allowed),
        s3("a resource policy naming another user does not allow")
            .resourcePolicy(grantTo("{\"AWS\": \"" + BOB + "\"}"))
            .expect(ImplicitDeny),
        Scenario.of("a grant to the role ARN allows its session without identity policy")
            .principal(SESSION)
            .resourceAccount(ACCOUNT)
            .resourcePolicy(grantTo("{\"AWS\": \"" + ROLE + "\"}"))
            .expect(Allowed),
        Scenario.of("a grant to the role ARN is limited by the boundary")
            .principal(SESSION)
            .resourceAccount(ACCOUNT)
            .resourcePolicy(grantTo("{\"AWS\": \"" + ROLE + "\"}"))
            .boundary(ALLOW_EC2)
            .expect(ImplicitDeny),
        Scenario.of("a grant to the role ARN is limited by the session policy")
            .principal(SESSION)
            .resourceAccount(ACCOUNT)
            .resourcePolicy(grantTo("{\"AWS\": \"" + ROLE + "\"}"))
            .session(ALLOW_EC2)
            .expect(ImplicitDeny),
        Scenario.of("a grant to the role session ARN is not limited by the session policy")
            .principal(SESSION)
            .resourceAccount(ACCOUNT)
            .resourcePolicy(grantTo("{\"AWS\": \"" + SESSION + "\"}"))
            .session(ALLOW_EC2)
            .boundary(ALLOW_EC2)
            .expect(Allowed),
        Scenario.of("a role ARN with a path names the path-less session's role")
            .principal(SESSION)
            .resourceAccount(ACCOUNT)
            .resourcePolicy(grantTo("{\"AWS\": \"arn:aws:iam::111122223333:role/team/app\"}"))
            .expect(Allowed),
        s3("a grant to the account delegates to the identity policies: none allows")
            .resourcePolicy(grantTo("{\"AWS\": \"111122223333\"}"))
            .expect(ImplicitDeny),
        s3("a grant to the account root ARN and an identity Allow")
            .resourcePolicy(grantTo("{\"AWS\": \"arn:aws:iam::111122223333:root\"}"))
            .identity(ALLOW_GET)
            .expect(Allowed),
        s3("Principal * allows everyone in the account")
            .resourcePolicy(grantTo("\"*\""))
            .expect(Allowed),
        Scenario.of("a queue policy naming the user, account from the ARN")
            .action("sqs:SendMessage")
            .resource(QUEUE)
            .principal(ALICE)
            .resourcePolicy(
                policy(
                    statement(
                        "Allow",
                        "sqs:SendMessage",
                        QUEUE,
                        "\"Principal\": {\"AWS\": \"" + ALICE + "\"}")))
            .expect(Allowed),
        // --- KMS: the key policy must allow before IAM policies count
        s3("KMS: an IAM Allow without a key policy")
            .action("kms:Decrypt")
            .resource(KEY)
            .identity(ALLOW_ALL)
            .expect(ImplicitDeny),
        s3("KMS: a key policy that allows the account enables IAM policies")
            .action("kms:Decrypt")
            .resource(KEY)
            .identity(ALLOW_ALL)
            .resourcePolicy(
                policy(
                    statement(
                        "Allow",
                        "kms:*",
                        "*",
                        "\"Principal\": {\"AWS\": \"arn:aws:iam::111122223333:root\"}")))
            .expect(Allowed),
        s3("KMS: a key policy naming another user does not enable IAM policies")
            .action("kms:Decrypt")
            .resource(KEY)
            .identity(ALLOW_ALL)
            .resourcePolicy(
                policy(
                    statement("Allow", "kms:*", "*", "\"Principal\": {\"AWS\": \"" + BOB + "\"}")))
            .expect(ImplicitDeny),
        s3("KMS: a key policy naming the user allows on its own")
            .action("kms:Decrypt")
            .resource(KEY)
            .resourcePolicy(
                policy(
                    statement(
                        "Allow",
                        "kms:Decrypt",
                        "*",
                        "\"Principal\": {\"AWS\": \"" + ALICE + "\"}")))
            .expect(Allowed),
        // --- Role trust policies must allow, like key policies
        s3("AssumeRole: an IAM Allow is not enough without the trust policy")
            .action("sts:AssumeRole")
            .resource(ROLE)
            .identity(ALLOW_ALL)
            .expect(ImplicitDeny),
        s3("AssumeRole: a trust policy trusting the account, and an IAM Allow")
            .action("sts:AssumeRole")
            .resource(ROLE)
            .identity(ALLOW_ALL)
            .resourcePolicy(
                policy(
                    "{\"Effect\": \"Allow\", \"Principal\": {\"AWS\": \"111122223333\"}, \"Action\": \"sts:AssumeRole\"}"))
            .expect(Allowed),
        s3("AssumeRole: a trust policy trusting the account, no IAM Allow")
            .action("sts:AssumeRole")
            .resource(ROLE)
            .resourcePolicy(
                policy(
                    "{\"Effect\": \"Allow\", \"Principal\": {\"AWS\": \"111122223333\"}, \"Action\": \"sts:AssumeRole\"}"))
            .expect(ImplicitDeny),
        // --- Across accounts: both sides must allow
        Scenario.of("cross-account: resource policy and identity policy both allow")
            .principal(OTHER_USER)
            .resourceAccount(ACCOUNT)
            .identity(ALLOW_GET)
            .resourcePolicy(grantTo("{\"AWS\": \"" + OTHER_USER + "\"}"))
            .expect(Allowed),
        Scenario.of("cross-account: the resource policy alone is not enough")
            .principal(OTHER_USER)
            .resourceAccount(ACCOUNT)
            .resourcePolicy(grantTo("{\"AWS\": \"" + OTHER_USER + "\"}"))
            .expect(ImplicitDeny),
        Scenario.of("cross-account: the identity policy alone is not enough")
            .principal(OTHER_USER)
            .resourceAccount(ACCOUNT)
            .identity(ALLOW_GET)
            .expect(ImplicitDeny),
        Scenario.of("cross-account: a grant to the other account and its identity Allow")
            .principal(OTHER_USER)
            .resourceAccount(ACCOUNT)
            .identity(ALLOW_GET)
            .resourcePolicy(grantTo("{\"AWS\": \"444455556666\"}"))
            .expect(Allowed),
        Scenario.of("cross-account: the principal's boundary still limits")
            .principal(OTHER_USER)
            .resourceAccount(ACCOUNT)
            .identity(ALLOW_GET)
            .boundary(ALLOW_EC2)
            .resourcePolicy(grantTo("{\"AWS\": \"" + OTHER_USER + "\"}"))
            .expect(ImplicitDeny),
        Scenario.of("cross-account by the queue ARN's account")
            .action("sqs:SendMessage")
            .resource(QUEUE)
            .principal(OTHER_USER)
            .identity(policy(allow("sqs:*", "*")))
            .expect(ImplicitDeny),
        // --- Service principals
        Scenario.of("a service principal named in the resource policy")
            .principal("cloudtrail.amazonaws.com")
            .action("s3:PutObject")
            .resourceAccount(ACCOUNT)
            .resourcePolicy(
                policy(
                    statement(
                        "Allow",
                        "s3:PutObject",
                        "*",
                        "\"Principal\": {\"Service\": \"cloudtrail.amazonaws.com\"}")))
            .expect(Allowed),
        Scenario.of("a service principal not named")
            .principal("config.amazonaws.com")
            .action("s3:PutObject")
            .resourceAccount(ACCOUNT)
            .resourcePolicy(
                policy(
                    statement(
                        "Allow",
                        "s3:PutObject",
                        "*",
                        "\"Principal\": {\"Service\": \"cloudtrail.amazonaws.com\"}")))
            .expect(ImplicitDeny),
        // --- NotPrincipal
        s3("NotPrincipal Deny leaves out the user and its account")
            .identity(ALLOW_GET)
            .resourcePolicy(
                policy(
                    statement(
                        "Deny",
                        "s3:*",
                        "*",
                        "\"NotPrincipal\": {\"AWS\": [\""
                            + ALICE
                            + "\", \"arn:aws:iam::111122223333:root\"]}")))
            .expect(Allowed),
        s3("NotPrincipal Deny that lists the user but not its account still denies")
            .identity(ALLOW_GET)
            .resourcePolicy(
                policy(
                    statement(
                        "Deny", "s3:*", "*", "\"NotPrincipal\": {\"AWS\": \"" + ALICE + "\"}")))
            .expect(ExplicitDeny),
        s3("NotPrincipal Deny applies to another user")
            .principal(BOB)
            .identity(ALLOW_GET)
            .resourcePolicy(
                policy(
                    statement(
                        "Deny",
                        "s3:*",
                        "*",
                        "\"NotPrincipal\": {\"AWS\": [\"" + ALICE + "\", \"111122223333\"]}")))
            .expect(ExplicitDeny),
        s3("NotPrincipal Deny always denies a principal with a boundary")
            .identity(ALLOW_GET)
            .boundary(ALLOW_ALL)
            .resourcePolicy(
                policy(
                    statement(
                        "Deny",
                        "s3:*",
                        "*",
                        "\"NotPrincipal\": {\"AWS\": [\"" + ALICE + "\", \"111122223333\"]}")))
            .expect(ExplicitDeny),
        // --- NotAction, NotResource, matching rules
        s3("Allow with NotAction allows other services")
            .identity(
                policy(
                    statement("Allow", "*", "*", null)
                        .replace("\"Action\"", "\"NotAction\"")
                        .replace("\"*\", \"Resource\"", "\"iam:*\", \"Resource\"")))
            .expect(Allowed),
        s3("Allow with NotAction excludes the listed service")
            .action("iam:CreateUser")
            .resource("arn:aws:iam::111122223333:user/x")
            .identity(
                policy("{\"Effect\": \"Allow\", \"NotAction\": \"iam:*\", \"Resource\": \"*\"}"))
            .expect(ImplicitDeny),
        s3("Deny with NotResource denies every other resource")
            .identity(
                ALLOW_ALL,
                policy(
                    "{\"Effect\": \"Deny\", \"Action\": \"s3:*\", \"NotResource\": \"arn:aws:s3:::other/*\"}"))
            .expect(ExplicitDeny),
        s3("Deny with NotResource spares the listed resource")
            .identity(
                ALLOW_ALL,
                policy(
                    "{\"Effect\": \"Deny\", \"Action\": \"s3:*\", \"NotResource\": \"arn:aws:s3:::bucket/*\"}"))
            .expect(Allowed),
        s3("actions match without regard to case")
            .identity(policy(allow("S3:getobject", "*")))
            .expect(Allowed),
        s3("action wildcards").identity(policy(allow("s3:Get*", "*"))).expect(Allowed),
        s3("resources match case-sensitively")
            .identity(policy(allow("s3:GetObject", "arn:aws:s3:::Bucket/*")))
            .expect(ImplicitDeny),
        s3("? matches one character of a resource")
            .identity(policy(allow("s3:GetObject", "arn:aws:s3:::bucket/ke?")))
            .expect(Allowed),
        s3("a wildcard in an ARN field does not cross its colons")
            .action("sqs:SendMessage")
            .resource("arn:aws:sqs:us-east-1:111122223333:x:jobs")
            .identity(policy(allow("sqs:*", "arn:aws:sqs:*:*:jobs")))
            .expect(ImplicitDeny),
        s3("a wildcard per ARN field")
            .action("sqs:SendMessage")
            .resource(QUEUE)
            .identity(policy(allow("sqs:*", "arn:aws:sqs:*:*:jobs")))
            .expect(Allowed),
        s3("an identity statement without Resource never applies")
            .identity(policy("{\"Effect\": \"Allow\", \"Action\": \"s3:*\"}"))
            .expect(ImplicitDeny),
        // --- Policy variables
        s3("${aws:username} in Resource for alice")
            .resource("arn:aws:s3:::home/alice/notes")
            .identity(policy(allow("s3:GetObject", "arn:aws:s3:::home/${aws:username}/*")))
            .expect(Allowed),
        s3("${aws:username} in Resource for bob")
            .principal(BOB)
            .resource("arn:aws:s3:::home/alice/notes")
            .identity(policy(allow("s3:GetObject", "arn:aws:s3:::home/${aws:username}/*")))
            .expect(ImplicitDeny),
        Scenario.of("a variable with no value makes the statement not apply")
            .resource("arn:aws:s3:::home/x")
            .identity(policy(allow("s3:GetObject", "arn:aws:s3:::home/${aws:PrincipalTag/team}")))
            .expect(ImplicitDeny),
        Scenario.of("a variable's default value")
            .resource("arn:aws:s3:::home/none")
            .identity(
                policy(allow("s3:GetObject", "arn:aws:s3:::home/${aws:PrincipalTag/team, 'none'}")))
            .expect(Allowed),
        Scenario.of("a tag variable from the context")
            .resource("arn:aws:s3:::home/red")
            .context("aws:PrincipalTag/team=red")
            .identity(policy(allow("s3:GetObject", "arn:aws:s3:::home/${aws:PrincipalTag/team}")))
            .expect(Allowed),
        Scenario.of("${*} is a literal star")
            .resource("arn:aws:s3:::home/*")
            .identity(policy(allow("s3:GetObject", "arn:aws:s3:::home/${*}")))
            .expect(Allowed),
        Scenario.of("${*} does not match other names")
            .resource("arn:aws:s3:::home/x")
            .identity(policy(allow("s3:GetObject", "arn:aws:s3:::home/${*}")))
            .expect(ImplicitDeny),
        Scenario.of("a substituted value is literal: its * is no wildcard")
            .resource("arn:aws:s3:::home/x")
            .context("aws:PrincipalTag/team=*")
            .identity(policy(allow("s3:GetObject", "arn:aws:s3:::home/${aws:PrincipalTag/team}")))
            .expect(ImplicitDeny),
        Scenario.of("without Version 2012-10-17 variables are literal text")
            .resource("arn:aws:s3:::home/${aws:username}")
            .identity(
                "{\"Statement\": ["
                    + allow("s3:GetObject", "arn:aws:s3:::home/${aws:username}")
                    + "]}")
            .expect(Allowed),
        s3("a variable in a condition value")
            .context("s3:prefix=alice/docs")
            .identity(allowIf("{\"StringLike\": {\"s3:prefix\": \"${aws:username}/*\"}}"))
            .expect(Allowed),
        // --- String operators
        Scenario.of("StringEquals holds")
            .context("aws:SourceVpc=vpc-1")
            .identity(allowIf("{\"StringEquals\": {\"aws:SourceVpc\": \"vpc-1\"}}"))
            .expect(Allowed),
        Scenario.of("StringEquals is case-sensitive")
            .context("aws:SourceVpc=VPC-1")
            .identity(allowIf("{\"StringEquals\": {\"aws:SourceVpc\": \"vpc-1\"}}"))
            .expect(ImplicitDeny),
        Scenario.of("StringEquals on a missing key is false")
            .identity(allowIf("{\"StringEquals\": {\"aws:SourceVpc\": \"vpc-1\"}}"))
            .expect(ImplicitDeny),
        Scenario.of("StringNotEquals on a missing key is true")
            .identity(allowIf("{\"StringNotEquals\": {\"aws:SourceVpc\": \"vpc-1\"}}"))
            .expect(Allowed),
        Scenario.of("StringNotEquals with several values: none may match")
            .context("aws:SourceVpc=vpc-2")
            .identity(allowIf("{\"StringNotEquals\": {\"aws:SourceVpc\": [\"vpc-1\", \"vpc-2\"]}}"))
            .expect(ImplicitDeny),
        Scenario.of("StringEqualsIgnoreCase")
            .context("aws:SourceVpc=VPC-1")
            .identity(allowIf("{\"StringEqualsIgnoreCase\": {\"aws:SourceVpc\": \"vpc-1\"}}"))
            .expect(Allowed),
        Scenario.of("StringNotEqualsIgnoreCase")
            .context("aws:SourceVpc=VPC-1")
            .identity(allowIf("{\"StringNotEqualsIgnoreCase\": {\"aws:SourceVpc\": \"vpc-1\"}}"))
            .expect(ImplicitDeny),
        Scenario.of("StringLike with a wildcard")
            .context("aws:UserAgent=aws-cli/2.15, Python")
            .identity(allowIf("{\"StringLike\": {\"aws:UserAgent\": \"aws-cli/*\"}}"))
            .expect(Allowed),
        Scenario.of("StringNotLike")
            .context("aws:UserAgent=aws-cli/2.15")
            .identity(allowIf("{\"StringNotLike\": {\"aws:UserAgent\": \"aws-cli/*\"}}"))
            .expect(ImplicitDeny),
        Scenario.of("StringEquals does not read wildcards")
            .context("aws:SourceVpc=vpc-1")
            .identity(allowIf("{\"StringEquals\": {\"aws:SourceVpc\": \"vpc-*\"}}"))
            .expect(ImplicitDeny),
        Scenario.of("several values are ORed")
            .context("aws:SourceVpc=vpc-2")
            .identity(allowIf("{\"StringEquals\": {\"aws:SourceVpc\": [\"vpc-1\", \"vpc-2\"]}}"))
            .expect(Allowed),
        Scenario.of("several keys are ANDed")
            .context("aws:SourceVpc=vpc-1", "aws:SourceVpce=vpce-9")
            .identity(
                allowIf(
                    "{\"StringEquals\": {\"aws:SourceVpc\": \"vpc-1\", \"aws:SourceVpce\": \"vpce-1\"}}"))
            .expect(ImplicitDeny),
        Scenario.of("several operators are ANDed")
            .context("aws:SourceVpc=vpc-1", "aws:SecureTransport=false")
            .identity(
                allowIf(
                    "{\"StringEquals\": {\"aws:SourceVpc\": \"vpc-1\"}, \"Bool\": {\"aws:SecureTransport\": \"true\"}}"))
            .expect(ImplicitDeny),
        Scenario.of("condition key names are case-insensitive")
            .context("AWS:SOURCEVPC=vpc-1")
            .identity(allowIf("{\"StringEquals\": {\"aws:sourceVpc\": \"vpc-1\"}}"))
            .expect(Allowed),
        // --- Numeric, Date, Bool, Binary, IP, ARN, Null
        Scenario.of("NumericLessThan holds")
            .context("s3:max-keys=5")
            .identity(allowIf("{\"NumericLessThan\": {\"s3:max-keys\": \"10\"}}"))
            .expect(Allowed),
        Scenario.of("NumericLessThan fails at the bound")
            .context("s3:max-keys=10")
            .identity(allowIf("{\"NumericLessThan\": {\"s3:max-keys\": \"10\"}}"))
            .expect(ImplicitDeny),
        Scenario.of("NumericGreaterThanEquals at the bound")
            .context("s3:max-keys=10")
            .identity(allowIf("{\"NumericGreaterThanEquals\": {\"s3:max-keys\": 10}}"))
            .expect(Allowed),
        Scenario.of("NumericNotEquals on a missing key is true")
            .identity(allowIf("{\"NumericNotEquals\": {\"s3:max-keys\": \"10\"}}"))
            .expect(Allowed),
        Scenario.of("NumericEquals compares numbers, not text")
            .context("s3:max-keys=10.0")
            .identity(allowIf("{\"NumericEquals\": {\"s3:max-keys\": \"10\"}}"))
            .expect(Allowed),
        Scenario.of("DateLessThan holds")
            .context("aws:CurrentTime=2026-01-01T00:00:00Z")
            .identity(
                allowIf("{\"DateLessThan\": {\"aws:CurrentTime\": \"2026-06-30T00:00:00Z\"}}"))
            .expect(Allowed),
        Scenario.of("DateGreaterThan fails")
            .context("aws:CurrentTime=2026-01-01T00:00:00Z")
            .identity(allowIf("{\"DateGreaterThan\": {\"aws:CurrentTime\": \"2026-06-30\"}}"))
            .expect(ImplicitDeny),
        Scenario.of("Date operators read epoch seconds")
            .context("aws:EpochTime=1767225600")
            .identity(allowIf("{\"DateEquals\": {\"aws:EpochTime\": \"2026-01-01T00:00:00Z\"}}"))
            .expect(Allowed),
        Scenario.of("Bool true")
            .context("aws:SecureTransport=true")
            .identity(allowIf("{\"Bool\": {\"aws:SecureTransport\": \"true\"}}"))
            .expect(Allowed),
        Scenario.of("Bool with a JSON boolean value")
            .context("aws:SecureTransport=false")
            .identity(allowIf("{\"Bool\": {\"aws:SecureTransport\": false}}"))
            .expect(Allowed),
        Scenario.of("Bool on a missing key is false")
            .identity(allowIf("{\"Bool\": {\"aws:SecureTransport\": \"false\"}}"))
            .expect(ImplicitDeny),
        Scenario.of("BoolIfExists on a missing key is true")
            .identity(allowIf("{\"BoolIfExists\": {\"aws:MultiFactorAuthPresent\": \"true\"}}"))
            .expect(Allowed),
        Scenario.of("BinaryEquals")
            .context("custom:blob=QmluYXJ5VmFsdWU=")
            .identity(allowIf("{\"BinaryEquals\": {\"custom:blob\": \"QmluYXJ5VmFsdWU=\"}}"))
            .expect(Allowed),
        Scenario.of("IpAddress in an IPv4 range")
            .context("aws:SourceIp=203.0.113.7")
            .identity(allowIf("{\"IpAddress\": {\"aws:SourceIp\": \"203.0.113.0/24\"}}"))
            .expect(Allowed),
        Scenario.of("IpAddress outside the range")
            .context("aws:SourceIp=198.51.100.7")
            .identity(allowIf("{\"IpAddress\": {\"aws:SourceIp\": \"203.0.113.0/24\"}}"))
            .expect(ImplicitDeny),
        Scenario.of("IpAddress in an IPv6 range")
            .context("aws:SourceIp=2001:db8:1::5")
            .identity(
                allowIf(
                    "{\"IpAddress\": {\"aws:SourceIp\": [\"203.0.113.0/24\", \"2001:db8::/32\"]}}"))
            .expect(Allowed),
        Scenario.of("NotIpAddress")
            .context("aws:SourceIp=203.0.113.7")
            .identity(allowIf("{\"NotIpAddress\": {\"aws:SourceIp\": \"203.0.113.0/24\"}}"))
            .expect(ImplicitDeny),
        Scenario.of("NotIpAddress on a missing key is true")
            .identity(allowIf("{\"NotIpAddress\": {\"aws:SourceIp\": \"203.0.113.0/24\"}}"))
            .expect(Allowed),
        Scenario.of("ArnLike per field")
            .context("aws:SourceArn=arn:aws:sns:us-east-1:111122223333:topic")
            .identity(
                allowIf("{\"ArnLike\": {\"aws:SourceArn\": \"arn:aws:sns:*:111122223333:*\"}}"))
            .expect(Allowed),
        Scenario.of("ArnEquals")
            .context("aws:SourceArn=arn:aws:sns:us-east-1:111122223333:topic")
            .identity(
                allowIf(
                    "{\"ArnEquals\": {\"aws:SourceArn\": \"arn:aws:sns:us-east-1:111122223333:other\"}}"))
            .expect(ImplicitDeny),
        Scenario.of("ArnNotLike")
            .context("aws:SourceArn=arn:aws:sns:us-east-1:111122223333:topic")
            .identity(allowIf("{\"ArnNotLike\": {\"aws:SourceArn\": \"arn:aws:sns:*:*:top*\"}}"))
            .expect(ImplicitDeny),
        Scenario.of("Null true: the key must be absent")
            .identity(allowIf("{\"Null\": {\"aws:TokenIssueTime\": \"true\"}}"))
            .expect(Allowed),
        Scenario.of("Null false: the key must be present")
            .identity(allowIf("{\"Null\": {\"aws:TokenIssueTime\": \"false\"}}"))
            .expect(ImplicitDeny),
        Scenario.of("Null false with the key present")
            .context("aws:TokenIssueTime=2026-01-01T00:00:00Z")
            .identity(allowIf("{\"Null\": {\"aws:TokenIssueTime\": \"false\"}}"))
            .expect(Allowed),
        Scenario.of("StringEqualsIfExists on a missing key is true")
            .identity(allowIf("{\"StringEqualsIfExists\": {\"aws:SourceVpc\": \"vpc-1\"}}"))
            .expect(Allowed),
        Scenario.of("StringEqualsIfExists with the key present still compares")
            .context("aws:SourceVpc=vpc-2")
            .identity(allowIf("{\"StringEqualsIfExists\": {\"aws:SourceVpc\": \"vpc-1\"}}"))
            .expect(ImplicitDeny),
        Scenario.of("an unknown operator never holds")
            .context("aws:SourceVpc=vpc-1")
            .identity(allowIf("{\"StringEqual\": {\"aws:SourceVpc\": \"vpc-1\"}}"))
            .expect(ImplicitDeny),
        // --- Multivalued keys
        Scenario.of("ForAllValues: every request value among the policy's")
            .context("aws:TagKeys=env,team")
            .identity(
                allowIf(
                    "{\"ForAllValues:StringEquals\": {\"aws:TagKeys\": [\"env\", \"team\", \"owner\"]}}"))
            .expect(Allowed),
        Scenario.of("ForAllValues: one value outside fails")
            .context("aws:TagKeys=env,secret")
            .identity(
                allowIf("{\"ForAllValues:StringEquals\": {\"aws:TagKeys\": [\"env\", \"team\"]}}"))
            .expect(ImplicitDeny),
        Scenario.of("ForAllValues on a missing key is true")
            .identity(allowIf("{\"ForAllValues:StringEquals\": {\"aws:TagKeys\": [\"env\"]}}"))
            .expect(Allowed),
        Scenario.of("ForAnyValue: one match is enough")
            .context("aws:TagKeys=secret,env")
            .identity(allowIf("{\"ForAnyValue:StringEquals\": {\"aws:TagKeys\": \"env\"}}"))
            .expect(Allowed),
        Scenario.of("ForAnyValue: no match")
            .context("aws:TagKeys=secret,other")
            .identity(allowIf("{\"ForAnyValue:StringEquals\": {\"aws:TagKeys\": \"env\"}}"))
            .expect(ImplicitDeny),
        Scenario.of("ForAnyValue on a missing key is false")
            .identity(allowIf("{\"ForAnyValue:StringEquals\": {\"aws:TagKeys\": \"env\"}}"))
            .expect(ImplicitDeny),
        Scenario.of("ForAnyValue:StringNotEquals: some value outside the list")
            .context("aws:TagKeys=env,secret")
            .identity(
                allowIf(
                    "{\"ForAnyValue:StringNotEquals\": {\"aws:TagKeys\": [\"env\", \"team\"]}}"))
            .expect(Allowed),
        Scenario.of("ForAllValues:StringNotEquals: no value in the list")
            .context("aws:TagKeys=env,secret")
            .identity(
                allowIf("{\"ForAllValues:StringNotEquals\": {\"aws:TagKeys\": [\"secret\"]}}"))
            .expect(ImplicitDeny),
        Scenario.of("ForAllValues:StringLike")
            .context("aws:TagKeys=team-a,team-b")
            .identity(allowIf("{\"ForAllValues:StringLike\": {\"aws:TagKeys\": \"team-*\"}}"))
            .expect(Allowed),
        Scenario.of("a Deny with ForAnyValue on a missing key does not apply")
            .context()
            .identity(
                ALLOW_GET,
                policy(
                    statement(
                        "Deny",
                        "*",
                        "*",
                        "\"Condition\": {\"ForAnyValue:StringEquals\": {\"aws:TagKeys\": \"secret\"}}")))
            .expect(Allowed));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void decides(Scenario scenario) {
    Simulator.Result result = scenario.run();
    assertEquals(
        scenario.expected,
        result.evaluation().decision(),
        () ->
            scenario.name
                + ": "
                + result.evaluation().reasons()
                + " / "
                + result.evaluation().statements());
  }
}
