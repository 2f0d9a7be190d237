package dev.iampolicyls.embedded;

import static dev.iampolicyls.embedded.TemplateCompletions.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.iampolicyls.completion.CompletionOptions;
import dev.iampolicyls.service.CancelChecker;
import dev.iampolicyls.service.PolicyLanguageService;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Completion inside CloudFormation templates: at the cursor in the embedded policy, while the YAML
 * is half typed, written so the line stays valid YAML (or JSON in a JSON template).
 */
class TemplateCompletionTest {
  /** A template whose managed policy's statements follow; the bucket and topic are referable. */
  private static final String HEAD =
      """
      AWSTemplateFormatVersion: "2010-09-09"
      Resources:
        DataBucket:
          Type: AWS::S3::Bucket
        Topic:
          Type: AWS::SNS::Topic
        Reader:
          Type: AWS::IAM::ManagedPolicy
          Properties:
            PolicyDocument:
              Version: "2012-10-17"
              Statement:
      """;

  private static TemplateCompletions statements(String body) {
    return at(HEAD + body);
  }

  // ---- YAML block style ------------------------------------------------------------------------

  @Test
  void actionsInABlockListReplaceThePlainScalar() {
    statements(
            """
                      - Effect: Allow
                        Action:
                          - s3:GetOb‸
            """)
        .has("s3:GetObject", "s3:GetObjectVersion")
        .lacks("s3:PutObject")
        .applies("s3:GetObject", "              - s3:GetObject");
  }

  @Test
  void aServicePrefixIsWrittenAsTypedSoTheActionFollows() {
    statements(
            """
                      - Effect: Allow
                        Action:
                          - s3‸
            """)
        .has("s3:", "s3express:")
        .applies("s3:", "              - s3:");
  }

  @Test
  void anActionInAQuotedScalarKeepsItsQuotes() {
    statements(
            """
                      - Effect: Allow
                        Action: 's3:GetOb‸'
            """)
        .applies("s3:GetObject", "            Action: 's3:GetObject'");
  }

  @Test
  void aKeyBeingTypedWithoutItsColonIsCompletedWithIt() {
    statements(
            """
                      - Effect: Allow
                        Act‸
            """)
        .has("Action")
        .lacks("Effect", "Resource")
        .applies("Action", "            Action: ");
  }

  @Test
  void aMapKeyPutsTheCursorOnTheNextLineTwoColumnsIn() {
    String after =
        statements(
                """
                          - Effect: Allow
                            Action: s3:GetObject
                            Con‸
                """)
            .apply("Condition");
    assertTrue(after.endsWith("            Condition:\n              \n"), after);
  }

  @Test
  void operatorsThenConditionKeysOfTheStatementsActions() {
    statements(
            """
                      - Effect: Allow
                        Action: s3:GetObject
                        Condition:
                          StringEq‸
            """)
        .has("StringEquals", "StringEqualsIfExists")
        .lacks("Bool");
    statements(
            """
                      - Effect: Allow
                        Action: s3:GetObject
                        Condition:
                          StringEquals:
                            aws:PrincipalOr‸
            """)
        .applies("aws:PrincipalOrgID", "                aws:PrincipalOrgID: ");
    statements(
            """
                      - Effect: Allow
                        Action: s3:GetObject
                        Condition:
                          StringEquals:
                            s3:ExistingObj‸
            """)
        .has("s3:ExistingObjectTag/${key}");
  }

  @Test
  void effectValues() {
    statements("          - Effect: Al‸\n").applies("Allow", "          - Effect: Allow");
  }

  @Test
  void theVersionIsQuotedSinceYamlWouldReadADate() {
    at(HEAD.replace("Version: \"2012-10-17\"", "Version: ‸") + "          - {}\n")
        .applies("2012-10-17", "        Version: '2012-10-17'");
  }

  @Test
  void insideASubOnlyArnsAreOfferedTheirBlanksUnbracedSoNoReferenceIsMade() {
    statements(
            """
                      - Effect: Allow
                        Action: s3:ListBucket
                        Resource: !Sub 'arn:aws:s3:::‸'
            """)
        .has("arn:aws:s3:::BucketName")
        .lacks("!GetAtt DataBucket.Arn")
        .applies("arn:aws:s3:::BucketName", "            Resource: !Sub 'arn:aws:s3:::BucketName'");
  }

  @Test
  void aStarIsQuotedSinceAPlainStarIsAnAlias() {
    statements(
            """
                      - Effect: Allow
                        Action: s3:GetObject
                        Resource: ‸
            """)
        .applies("*", "            Resource: '*'");
  }

  @Test
  void aValueRightAfterTheColonGetsItsSpace() {
    statements(
            """
                      - Effect: Allow
                        Action: s3:GetObject
                        Resource:‸
            """)
        .applies("*", "            Resource: '*'");
  }

  @Test
  void aDashInStatementOffersTheKeysAndAWholeStatementInYaml() {
    TemplateCompletions c = statements("          - ‸\n").has("Effect", "Action", "New statement");
    assertEquals(
        HEAD
            + """
                      - Effect: Allow
                        Action:
                          -\s
                        Resource:
                          -\s
            """,
        c.apply("New statement"));
    assertEquals(HEAD + "          - Effect: \n", c.apply("Effect"));
  }

  @Test
  void aPolicyWithNothingInItYetGetsThePolicysKeys() {
    at("""
        Resources:
          Topic:
            Type: AWS::SNS::TopicPolicy
            Properties:
              Topics: [!Ref T]
              PolicyDocument:
                ‸
        """)
        .has("Version", "Id", "Statement")
        .applies("Statement", "        Statement:");
  }

  @Test
  void editingAKeysNameReplacesOnlyTheName() {
    statements(
            """
                      - Effect: Allow
                        NotAc‸tion: s3:GetObject
            """)
        .lacks("Effect")
        .applies("NotAction", "            NotAction: s3:GetObject");
  }

  @Test
  void keysAlreadyInTheStatementAreNotOfferedAgain() {
    statements(
            """
                      - Effect: Allow
                        Action: s3:GetObject
                        ‸
            """)
        .has("Resource", "Condition", "Sid")
        .lacks("Effect", "Action", "NotAction");
  }

  private static final String TRUST =
      """
      Resources:
        AppRole:
          Type: AWS::IAM::Role
          Properties:
            AssumeRolePolicyDocument:
              Statement:
                - Effect: Allow
                  Principal:
                    Service: LAMBDA
                  Action: sts:AssumeRole
                  KEY
      """;

  @Test
  void aTrustPolicyTakesNoResource() {
    at(TRUST.replace("KEY", "‸").replace("LAMBDA", "lambda.amazonaws.com"))
        .has("Condition")
        .lacks("Resource", "NotResource", "Action");
    at(TRUST.replace("KEY", "").replace("LAMBDA", "lambda.amaz‸"))
        .applies("lambda.amazonaws.com", "              Service: lambda.amazonaws.com");
  }

  @Test
  void principalKindsInABucketPolicy() {
    at("""
        Resources:
          Policy:
            Type: AWS::S3::BucketPolicy
            Properties:
              Bucket: !Ref DataBucket
              PolicyDocument:
                Statement:
                  - Effect: Allow
                    Principal:
                      Serv‸
        """)
        .has("Service")
        .lacks("AWS")
        .applies("Service", "              Service: ");
  }

  @Test
  void aSecondPolicyOfTheSameRoleIsFoundByItsItemNumber() {
    at("""
        Resources:
          AppRole:
            Type: AWS::IAM::Role
            Properties:
              AssumeRolePolicyDocument:
                Statement:
                  - {Effect: Allow, Principal: {Service: ec2.amazonaws.com}, Action: sts:AssumeRole}
              Policies:
                - PolicyName: one
                  PolicyDocument:
                    Statement:
                      - Effect: Allow
                        Action: sqs:SendMessage
                        Resource: "*"
                - PolicyName: two
                  PolicyDocument:
                    Statement:
                      - Effect: Allow
                        Action: s3:GetObject
                        Condition:
                          StringEquals:
                            s3:‸
        """)
        .has("s3:ExistingObjectTag/${key}");
  }

  @Test
  void anAwsPrincipalOffersTheTemplatesRolesAndTheStacksAccount() {
    at("""
        Resources:
          AppRole:
            Type: AWS::IAM::Role
          Key:
            Type: AWS::KMS::Key
            Properties:
              KeyPolicy:
                Statement:
                  - Effect: Allow
                    Principal:
                      AWS: ‸
                    Action: kms:Decrypt
                    Resource: "*"
        """)
        .has("!GetAtt AppRole.Arn", "!Sub 'arn:${AWS::Partition}:iam::${AWS::AccountId}:root'")
        .lacks("!GetAtt Key.Arn")
        .applies("!GetAtt AppRole.Arn", "              AWS: !GetAtt AppRole.Arn");
  }

  @Test
  void insideAnFnIfBranchTheBranchsStatementIsCompleted() {
    String template =
        """
        Conditions:
          IsProd: !Equals [!Ref Env, prod]
        Resources:
          Reader:
            Type: AWS::IAM::ManagedPolicy
            Properties:
              PolicyDocument:
                Statement:
                  - !If
                    - IsProd
                    - Effect: Allow
                      Action: ACTION
                      Resource: "*"
                    - Effect: Allow
                      Action: dynamodb:Query
                      Condition:
                        StringEquals:
                          KEY
        """;
    // The false branch's statement is the one whose actions give the condition keys.
    at(template.replace("ACTION", "s3:GetObject").replace("KEY", "dynamodb:Att‸"))
        .has("dynamodb:Attributes");
    at(template.replace("ACTION", "dynamodb:Get‸").replace("KEY", "a: b"))
        .applies("dynamodb:GetItem", "              Action: dynamodb:GetItem");
  }

  @Test
  void aServicePrefixChosenInsideAnActionReplacesOnlyItsPrefix() {
    statements(
            """
                      - Effect: Allow
                        Action: eve‸nts:PutEvents
            """)
        .applies("events:", "            Action: events:PutEvents");
  }

  @Test
  void aServicePrefixAsAKeysValueIsQuotedWithTheCursorInsideWhereSnippetsAllow() {
    TemplateCompletions c =
        at(
            HEAD
                + """
                          - Effect: Allow
                            Action: s3‸
                """,
            CompletionOptions.SNIPPETS);
    assertEquals("'s3:$0'", c.item("s3:").edit().newText());
  }

  @Test
  void nothingWhereAValueWouldBreakTheOneBelow() {
    // A key whose list is on the next lines, a tag whose argument is, and a dash itself.
    assertTrue(
        statements(
                """
                          - Effect: Allow
                            Action:‸
                              - s3:GetObject
                """)
            .labels()
            .isEmpty());
    assertTrue(
        statements(
                """
                          - Effect: Allow
                            Action: s3:GetObject
                            Resource: !Jo‸in
                              - ''
                              - [arn:aws:s3:::, !Ref B]
                """)
            .labels()
            .isEmpty());
    assertTrue(statements("          ‸- Effect: Allow\n").labels().isEmpty());
    assertTrue(
        statements(
                """
                          - Effect: Allow
                            Action: s3:GetObject
                            Resource: !Join ['', [arn:aws:s3:::, !Ref B‸]]
                """)
            .labels()
            .isEmpty());
  }

  // ---- YAML flow style -------------------------------------------------------------------------

  @Test
  void anActionInAFlowListKeepsTheBrackets() {
    statements(
            """
                      - Effect: Allow
                        Action: [s3:GetObject, s3:PutOb‸]
            """)
        .applies("s3:PutObject", "            Action: [s3:GetObject, s3:PutObject]");
  }

  @Test
  void aKeyInAFlowMapIsWrittenInFlowStyle() {
    statements("          - {Effect: Allow, Act‸}\n")
        .lacks("Effect")
        .applies("Action", "          - {Effect: Allow, Action: \"\"}");
  }

  @Test
  void aKeyInAFlowMapIsRenamedWithoutASecondColon() {
    statements("          - {Effect: Allow, NotAc‸tion: '*', Resource: '*'}\n")
        .applies("NotAction", "          - {Effect: Allow, NotAction: '*', Resource: '*'}");
  }

  @Test
  void aServicePrincipalInAFlowMap() {
    at("""
        Resources:
          AppRole:
            Type: AWS::IAM::Role
            Properties:
              AssumeRolePolicyDocument:
                Statement:
                  - Effect: Allow
                    Principal: {Service: lambda.amaz‸}
                    Action: sts:AssumeRole
        """)
        .applies("lambda.amazonaws.com", "            Principal: {Service: lambda.amazonaws.com}");
  }

  // ---- ARNs: the template's own resources and the stack's pseudo parameters --------------------

  @Test
  void objectActionsGetTheBucketsObjectsThroughSub() {
    statements(
            """
                      - Effect: Allow
                        Action: s3:GetObject
                        Resource: ‸
            """)
        .has(
            "!Sub '${DataBucket.Arn}/*'",
            "!Sub 'arn:${AWS::Partition}:s3:::BucketName/ObjectName'",
            "arn:aws:s3:::${BucketName}/${ObjectName}")
        .lacks("!GetAtt DataBucket.Arn", "!Ref Topic")
        .applies("!Sub '${DataBucket.Arn}/*'", "            Resource: !Sub '${DataBucket.Arn}/*'");
  }

  @Test
  void bucketActionsGetTheBucketByGetAtt() {
    statements(
            """
                      - Effect: Allow
                        Action: s3:ListBucket
                        Resource:
                          - ‸
            """)
        .has("!GetAtt DataBucket.Arn")
        .lacks("!Sub '${DataBucket.Arn}/*'")
        .applies("!GetAtt DataBucket.Arn", "              - !GetAtt DataBucket.Arn");
  }

  @Test
  void aTopicIsReferencedByRefSinceRefGivesItsArn() {
    statements(
            """
                      - Effect: Allow
                        Action: sns:Publish
                        Resource: ‸
            """)
        .has(
            "!Ref Topic",
            "!Sub 'arn:${AWS::Partition}:sns:${AWS::Region}:${AWS::AccountId}:TopicName'")
        .lacks("!GetAtt DataBucket.Arn");
  }

  @Test
  void withSnippetsTheSubsBlanksAreTabStops() {
    TemplateCompletions c =
        at(
            HEAD
                + """
                          - Effect: Allow
                            Action: sns:Publish
                            Resource: ‸
                """,
            CompletionOptions.SNIPPETS);
    assertEquals(
        "!Sub 'arn:\\${AWS::Partition\\}:sns:\\${AWS::Region\\}:\\${AWS::AccountId\\}:${1:TopicName}'",
        c.item("!Sub 'arn:${AWS::Partition}:sns:${AWS::Region}:${AWS::AccountId}:TopicName'")
            .edit()
            .newText());
  }

  @Test
  void anArnBeingTypedGetsNoTemplateForms() {
    statements(
            """
                      - Effect: Allow
                        Action: s3:ListBucket
                        Resource: arn:aws:s3:::my‸
            """)
        .has("arn:aws:s3:::my")
        .lacks("!GetAtt DataBucket.Arn");
  }

  // ---- JSON templates and JSON in YAML ---------------------------------------------------------

  private static final String JSON =
      """
      {
        "Resources": {
          "DataBucket": {"Type": "AWS::S3::Bucket"},
          "Reader": {
            "Type": "AWS::IAM::Policy",
            "Properties": {
              "PolicyName": "read",
              "PolicyDocument": {
                "Statement": [
                  {"Effect": "Allow", "Action": "s3:ListBucket", "Resource": "‸"}
                ]
              }
            }
          }
        }
      }
      """;

  @Test
  void aJsonTemplateCompletesInJson() {
    at(JSON.replace("\"s3:ListBucket\"", "\"s3:ListBu‸\"").replace("\"‸\"", "\"\""))
        .applies(
            "s3:ListBucket",
            "            {\"Effect\": \"Allow\", \"Action\": \"s3:ListBucket\", \"Resource\": \"\"}");
  }

  @Test
  void aJsonTemplatesResourceIsReferencedInJson() {
    at(JSON)
        .applies(
            "{\"Fn::GetAtt\": [\"DataBucket\", \"Arn\"]}",
            "            {\"Effect\": \"Allow\", \"Action\": \"s3:ListBucket\", \"Resource\":"
                + " {\"Fn::GetAtt\": [\"DataBucket\", \"Arn\"]}}");
  }

  @Test
  void aPolicyWrittenAsJsonInABlockScalarCompletesInJson() {
    at("""
        Resources:
          Reader:
            Type: AWS::IAM::ManagedPolicy
            Properties:
              PolicyDocument: |
                {
                  "Statement": [{"Effect": "Allow", "Action": "sqs:SendMes‸"}]
                }
        """)
        .applies(
            "sqs:SendMessage",
            "          \"Statement\": [{\"Effect\": \"Allow\", \"Action\": \"sqs:SendMessage\"}]");
  }

  // ---- where nothing is offered ----------------------------------------------------------------

  @Test
  void outsideThePoliciesNothing() {
    assertTrue(
        at(HEAD.replace("AWS::SNS::Topic", "AWS::SNS::To‸") + "          - {}\n")
            .labels()
            .isEmpty());
  }

  /**
   * A Lambda permission's properties and an event bus policy's Statement are what a service makes a
   * policy of: the document's keys (Id) have no place in them.
   */
  @Test
  void aLambdaPermissionOrAnEventBusStatementGetsNoDocumentKeys() {
    assertEquals(
        List.of(),
        at("""
            Resources:
              Perm:
                Type: AWS::Lambda::Permission
                Properties:
                  Action: lambda:InvokeFunction
                  FunctionName: !Ref Fn
                  Principal: s3.amazonaws.com
                  ‸
            """)
            .labels());
    assertEquals(
        List.of(),
        at("""
            Resources:
              Bus:
                Type: AWS::Events::EventBusPolicy
                Properties:
                  StatementId: s
                  Statement:
                    Effect: Allow
                    Principal: "*"
                    Action: events:PutEvents
                    ‸
            """)
            .labels());
  }

  @Test
  void aPolicyOrOtherYamlIsNoTemplate() {
    assertTrue(
        PolicyLanguageService.bundled()
            .completeInTemplate(
                "{\"Statement\": []}", 15, CompletionOptions.PLAIN, CancelChecker.NEVER)
            .isEmpty());
    assertTrue(
        PolicyLanguageService.bundled()
            .completeInTemplate(
                "name: x\non: [push]\n", 9, CompletionOptions.PLAIN, CancelChecker.NEVER)
            .isEmpty());
  }
}
