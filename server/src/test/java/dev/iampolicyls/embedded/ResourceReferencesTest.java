package dev.iampolicyls.embedded;

import static dev.iampolicyls.embedded.TemplateAssert.analyze;
import static dev.iampolicyls.embedded.TemplateAssert.assertFindings;
import static dev.iampolicyls.embedded.TemplateAssert.findings;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.iampolicyls.catalog.Catalog;
import dev.iampolicyls.checks.Finding;
import dev.iampolicyls.hover.StatementSummary;
import dev.iampolicyls.policy.Policy;
import dev.iampolicyls.service.EmbeddedAnalysis;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A reference to a resource of the same template is typed by that resource
 * (cloudformation-references.tsv): {@code !GetAtt Bucket.Arn} is some bucket's ARN, {@code
 * ${Bucket.Arn}/*} its objects, {@code !Ref Topic} a topic's ARN, so RESOURCE_MISMATCH and the
 * breadth classes work through them. A value that is no ARN (a queue's URL, a domain name), or a
 * reference to something the template does not define, stays some specific value.
 */
class ResourceReferencesTest {
  /** A template with the common resources, and a role whose one inline policy holds these. */
  private static String template(String statements) {
    return """
        Resources:
          DataBucket:
            Type: AWS::S3::Bucket
          Topic:
            Type: AWS::SNS::Topic
          Queue:
            Type: AWS::SQS::Queue
          Table:
            Type: AWS::DynamoDB::Table
          Logs:
            Type: AWS::Logs::LogGroup
          Key:
            Type: AWS::KMS::Key
          Worker:
            Type: AWS::Lambda::Function
          Secret:
            Type: AWS::SecretsManager::Secret
          Machine:
            Type: AWS::StepFunctions::StateMachine
          SamFunction:
            Type: AWS::Serverless::Function
          AppRole:
            Type: AWS::IAM::Role
            Properties:
              AssumeRolePolicyDocument:
                Version: "2012-10-17"
                Statement:
                  - Effect: Allow
                    Principal: {Service: lambda.amazonaws.com}
                    Action: sts:AssumeRole
              Policies:
                - PolicyName: p
                  PolicyDocument:
                    Version: "2012-10-17"
                    Statement:
        """
        + statements.indent(12);
  }

  @Test
  void getAttArnOfABucketIsSomeBucket() {
    assertFindings(
        template(
            """
            - Effect: Allow
              Action: s3:ListBucket
              Resource: !GetAtt DataBucket.Arn
            - Effect: Allow
              Action: s3:GetObject
              Resource: «!GetAtt DataBucket.Arn»
            - Effect: Allow
              Action: s3:PutObject
              Resource: «{Fn::GetAtt: [DataBucket, Arn]}»
            """),
        "RESOURCE_MISMATCH",
        "RESOURCE_MISMATCH");
  }

  @Test
  void subAndJoinAfterABucketArnAreItsObjects() {
    assertFindings(
        template(
            """
            - Effect: Allow
              Action: s3:GetObject
              Resource:
                - !Sub "${DataBucket.Arn}/*"
                - «!Join ["", [!GetAtt DataBucket.Arn, "/reports/*"]]»
            - Effect: Allow
              Action: s3:PutObject
              Resource: !Sub arn:${AWS::Partition}:s3:::${DataBucket}/*
            - Effect: Allow
              Action: s3:ListBucket
              Resource: «!Sub "${DataBucket.Arn}/*"»
            """),
        "REDUNDANT_RESOURCE",
        "RESOURCE_MISMATCH");
  }

  @Test
  void refOfATopicIsATopicArnAndAQueueArnIsNoTopic() {
    EmbeddedAnalysis analysis =
        assertFindings(
            template(
                """
            - Effect: Allow
              Action: sns:Publish
              Resource: [!Ref Topic, «!GetAtt Topic.TopicArn»]
            - Effect: Allow
              Action: sqs:SendMessage
              Resource: [!GetAtt Queue.Arn, «!Ref Topic»]
            - Effect: Allow
              Action: sns:Publish
              Resource: «!GetAtt Queue.Arn»
            """),
            "REDUNDANT_RESOURCE",
            "RESOURCE_MISMATCH",
            "RESOURCE_MISMATCH");
    // Both name the same topic: the message quotes each as the template writes it.
    assertEquals(
        "\"${Topic.TopicArn}\" is already covered by \"${Topic}\" in the same statement: remove it",
        findings(analysis).get(0).message());
  }

  @Test
  void tablesStreamsLogGroupsKeysFunctionsSecretsAndStateMachines() {
    assertFindings(
        template(
            """
            - Effect: Allow
              Action: [dynamodb:GetItem, dynamodb:Query]
              Resource: [!GetAtt Table.Arn, !Sub "${Table.Arn}/index/*"]
            - Effect: Allow
              Action: dynamodb:GetRecords
              Resource: !GetAtt Table.StreamArn
            - Effect: Allow
              Action: [logs:CreateLogStream, logs:PutLogEvents]
              Resource: !GetAtt Logs.Arn
            - Effect: Allow
              Action: kms:Decrypt
              Resource: !GetAtt Key.Arn
            - Effect: Allow
              Action: lambda:InvokeFunction
              Resource: [!GetAtt Worker.Arn, !GetAtt SamFunction.Arn, !Sub "${Worker.Arn}:*"]
            - Effect: Allow
              Action: secretsmanager:GetSecretValue
              Resource: !Ref Secret
            - Effect: Allow
              Action: states:StartExecution
              Resource: !Ref Machine
            - Effect: Allow
              Action: states:StartExecution
              Resource: «!GetAtt Worker.Arn»
            """),
        "RESOURCE_MISMATCH");
  }

  @Test
  void valuesThatAreNoArnAndUnknownReferencesStaySpecificValues() {
    // A queue's Ref is its URL, a bucket's Ref its name, DomainName no ARN at all; Elsewhere is not
    // in the template and Missing has no such attribute: none is a wildcard or a malformed ARN.
    assertFindings(
        template(
            """
            - Effect: Allow
              Action: [sqs:SendMessage, s3:GetObject, sns:Publish]
              Resource:
                - !Ref Queue
                - !Ref DataBucket
                - !GetAtt DataBucket.DomainName
                - !GetAtt Elsewhere.Arn
                - !Ref Elsewhere
                - !GetAtt DataBucket.Missing
                - !Ref Worker
                - !Sub "${Queue}/*"
            """));
  }

  @Test
  void theMessageQuotesTheTemplateNotTheStandIn() {
    EmbeddedAnalysis analysis =
        assertFindings(
            template(
                """
                - Effect: Allow
                  Action: s3:GetObject
                  Resource: «!GetAtt DataBucket.Arn»
                - Effect: Allow
                  Action: s3:ListBucket
                  Resource: «!Sub "${DataBucket.Arn}/*"»
                """),
            "RESOURCE_MISMATCH",
            "RESOURCE_MISMATCH");
    List<String> messages = findings(analysis).stream().map(Finding::message).toList();
    assertEquals(
        List.of(
            "No action of this statement acts on \"${DataBucket.Arn}\": it names s3 bucket, and"
                + " the actions act on s3 accesspointobject, s3 object. Fix the ARN or the actions.",
            "No action of this statement acts on \"${DataBucket.Arn}/*\": it names s3 object, and"
                + " the actions act on s3 accesspoint, s3 bucket. Fix the ARN or the actions."),
        messages);
  }

  @Test
  void aJsonTemplateTypesItsReferencesToo() {
    assertFindings(
        """
        {
          "Resources": {
            "Topic": {"Type": "AWS::SNS::Topic"},
            "TopicPolicy": {
              "Type": "AWS::SNS::TopicPolicy",
              "Properties": {
                "Topics": [{"Ref": "Topic"}],
                "PolicyDocument": {
                  "Version": "2012-10-17",
                  "Statement": [
                    {"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:root"},
                     "Action": "sns:Publish", "Resource": {"Ref": "Topic"}},
                    {"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:root"},
                     "Action": "sqs:SendMessage", "Resource": «{"Ref": "Topic"}»}
                  ]
                }
              }
            }
          }
        }
        """,
        "RESOURCE_MISMATCH");
  }

  @Test
  void passingTheTemplatesOwnRoleIsNamedButEveryRoleOfTheAccountIsNot() {
    // The breadth classes read typed references: one role of the template is a named resource,
    // role/* in the stack's account is every role there.
    assertFindings(
        template(
            """
            - Effect: Allow
              Action: [iam:PassRole, lambda:CreateFunction]
              Resource: [!GetAtt AppRole.Arn, !GetAtt Worker.Arn]
            """));
    assertFindings(
        template(
            """
            - Effect: Allow
              Action: [iam:PassRole, lambda:CreateFunction]
              Resource:
                - «!Sub arn:${AWS::Partition}:iam::${AWS::AccountId}:role/*»
                - !GetAtt Worker.Arn
            """),
        "PASS_ROLE_WITH_STAR_IN_RESOURCE");
  }

  @Test
  void aPolicyWrittenAsJsonTextInASubTypesEachOfItsStrings() {
    assertFindings(
        """
        Resources:
          DataBucket:
            Type: AWS::S3::Bucket
          DataPolicy:
            Type: AWS::S3::BucketPolicy
            Properties:
              Bucket: !Ref DataBucket
              PolicyDocument: !Sub '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
                "Principal": {"AWS": "arn:aws:iam::111122223333:root"}, "Action": "s3:GetObject",
                "Resource": [«"${DataBucket.Arn}"», "${DataBucket.Arn}/*"]}]}'
        """,
        "RESOURCE_MISMATCH");
  }

  @Test
  void namesInsideArnsHaveTheShapeTheirValuesHave() {
    // An alias's Ref is alias/NAME, and parameter${Name} holds a name that starts with a slash:
    // both are well-formed ARNs of their type, which the actions are still checked against
    // (kms:Decrypt acts on keys: an alias in Resource grants it nothing).
    assertFindings(
        """
        Resources:
          KeyAlias:
            Type: AWS::KMS::Alias
          Setting:
            Type: AWS::SSM::Parameter
          Reader:
            Type: AWS::IAM::ManagedPolicy
            Properties:
              PolicyDocument:
                Version: "2012-10-17"
                Statement:
                  - Effect: Allow
                    Action: kms:DeleteAlias
                    Resource: !Sub arn:${AWS::Partition}:kms:${AWS::Region}:${AWS::AccountId}:${KeyAlias}
                  - Effect: Allow
                    Action: kms:Decrypt
                    Resource: «!Sub arn:${AWS::Partition}:kms:${AWS::Region}:${AWS::AccountId}:${KeyAlias}»
                  - Effect: Allow
                    Action: ssm:GetParameter
                    Resource:
                      - !Sub arn:${AWS::Partition}:ssm:${AWS::Region}:${AWS::AccountId}:parameter${Setting}
                      - !Sub arn:${AWS::Partition}:ssm:${AWS::Region}:${AWS::AccountId}:parameter${ParameterName}
                      - !Sub arn:${AWS::Partition}:ssm:${AWS::Region}:${AWS::AccountId}:parameter/${Other}
                  - Effect: Allow
                    Action: sqs:SendMessage
                    Resource: «!Sub arn:${AWS::Partition}:kms:${AWS::Region}:${AWS::AccountId}:${KeyAlias}»
        """,
        "RESOURCE_MISMATCH",
        "RESOURCE_MISMATCH");
  }

  @Test
  void aParameterThatIsTheWholeResourceOfAPrefixedTypeLeavesTheTypeUnknown() {
    // role/x, key/id, function:f: the parameter holds the type's prefix itself, so no type can be
    // judged; a queue's ARN is its bare name, and a queue is still no topic; after cluster: the
    // type is written, and a key action on a database cluster is still a mismatch.
    assertFindings(
        """
        Resources:
          Reader:
            Type: AWS::IAM::ManagedPolicy
            Properties:
              PolicyDocument:
                Version: "2012-10-17"
                Statement:
                  - Effect: Allow
                    Action: iam:GetRole
                    Resource: !Sub arn:${AWS::Partition}:iam::${AWS::AccountId}:${RolePath}
                  - Effect: Allow
                    Action: kms:Decrypt
                    Resource: !Sub arn:${AWS::Partition}:kms:${AWS::Region}:${AWS::AccountId}:${KeyRef}
                  - Effect: Allow
                    Action: lambda:InvokeFunction
                    Resource: !Sub arn:${AWS::Partition}:lambda:${AWS::Region}:${AWS::AccountId}:${Fn}
                  - Effect: Allow
                    Action: sqs:SendMessage
                    Resource: !Sub arn:${AWS::Partition}:sqs:${AWS::Region}:${AWS::AccountId}:${Queue}
                  - Effect: Allow
                    Action: sns:Publish
                    Resource: «!Sub arn:${AWS::Partition}:sqs:${AWS::Region}:${AWS::AccountId}:${Queue}»
                  - Effect: Allow
                    Action: kms:Decrypt
                    Resource: «!Sub arn:${AWS::Partition}:rds:${AWS::Region}:${AWS::AccountId}:cluster:${Db}»
        """,
        "RESOURCE_MISMATCH",
        "RESOURCE_MISMATCH");
  }

  @Test
  void theRoleSamGeneratesForAFunctionIsARole() {
    assertFindings(
        """
        Transform: AWS::Serverless-2016-10-31
        Resources:
          Handler:
            Type: AWS::Serverless::Function
            Properties:
              Runtime: python3.12
              Handler: index.handler
          Deployer:
            Type: AWS::IAM::ManagedPolicy
            Properties:
              PolicyDocument:
                Version: "2012-10-17"
                Statement:
                  - Effect: Allow
                    Action: iam:PassRole
                    Resource: !GetAtt HandlerRole.Arn
                  - Effect: Allow
                    Action: lambda:InvokeFunction
                    Resource: «!GetAtt HandlerRole.Arn»
        """,
        "RESOURCE_MISMATCH");
  }

  @Test
  void typedReferencesAsPrincipalsAndConditionValuesRaiseNothing() {
    assertFindings(
        """
        Resources:
          Uploads:
            Type: AWS::S3::Bucket
          Topic:
            Type: AWS::SNS::Topic
          Reader:
            Type: AWS::IAM::Role
          TopicPolicy:
            Type: AWS::SNS::TopicPolicy
            Properties:
              Topics: [!Ref Topic]
              PolicyDocument:
                Version: "2012-10-17"
                Statement:
                  - Effect: Allow
                    Principal: {Service: s3.amazonaws.com}
                    Action: sns:Publish
                    Resource: !Ref Topic
                    Condition:
                      ArnLike: {aws:SourceArn: !GetAtt Uploads.Arn}
                      StringEquals: {aws:SourceAccount: !Ref AWS::AccountId}
                  - Effect: Allow
                    Principal: {AWS: !GetAtt Reader.Arn}
                    Action: sns:Subscribe
                    Resource: !Ref Topic
        """);
  }

  @Test
  void theSummaryNamesReferencesByLogicalName() {
    EmbeddedAnalysis analysis =
        analyze(
            template(
                """
                - Effect: Allow
                  Action: s3:GetObject
                  Resource: !Sub "${DataBucket.Arn}/*"
                - Effect: Allow
                  Action: sns:Publish
                  Resource: !Ref Topic
                - Effect: Allow
                  Action: s3:GetObject
                  Resource: !GetAtt DataBucket.Arn
                """));
    Policy reading = analysis.policies().get(1).policy().readings().get(0);
    StatementSummary summary = new StatementSummary(Catalog.bundled());
    List<String> sentences =
        reading.statements().stream().map(s -> summary.summarize(reading, s)).toList();
    assertEquals(
        List.of(
            "Allows s3:GetObject (Read) on every object in the bucket DataBucket.",
            "Allows sns:Publish (Write) on the topic Topic.",
            "Allows nothing. s3:GetObject acts on objects; !GetAtt DataBucket.Arn names buckets."),
        sentences);
  }

  @Test
  void aNetworkLoadBalancerIsTypedByItsTypeProperty() {
    // elasticloadbalancing:ModifyIpPools acts on application load balancers only.
    String template =
        """
        Resources:
          Alb:
            Type: AWS::ElasticLoadBalancingV2::LoadBalancer
            Properties:
              Type: application
          Nlb:
            Type: AWS::ElasticLoadBalancingV2::LoadBalancer
            Properties:
              Scheme: internal
              Type: network
          Default:
            Type: AWS::ElasticLoadBalancingV2::LoadBalancer
          Policy:
            Type: AWS::IAM::ManagedPolicy
            Properties:
              PolicyDocument:
                Version: "2012-10-17"
                Statement:
                  - Effect: Allow
                    Action: elasticloadbalancing:ModifyIpPools
                    Resource: [!Ref Alb, !Ref Default]
                  - Effect: Allow
                    Action: elasticloadbalancing:ModifyIpPools
                    Resource: «!Ref Nlb»
        """;
    assertFindings(template, "RESOURCE_MISMATCH");
    String nlb = "AWS::ElasticLoadBalancingV2::LoadBalancer Type=network";
    String alb = "AWS::ElasticLoadBalancingV2::LoadBalancer";
    String text = TemplateAssert.unmark(template).text();
    assertEquals(
        List.of(alb, nlb, alb), List.copyOf(TemplateResources.of(text).values()).subList(0, 3));
    // A JSON template's, and a YAML template's read line by line while it is being typed.
    assertEquals(
        nlb,
        TemplateResources.of(
                """
                {"Resources": {"Nlb": {"Type": "AWS::ElasticLoadBalancingV2::LoadBalancer",
                  "Properties": {"Type": "network"}}}}
                """)
            .get("Nlb"));
    assertEquals(
        nlb,
        TemplateResources.of(text.replace("Scheme: internal", "Scheme: [internal")).get("Nlb"));
  }
}
