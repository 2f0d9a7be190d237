package dev.iampolicyls.embedded;

import static dev.iampolicyls.embedded.TemplateAssert.assertFindings;
import static dev.iampolicyls.embedded.TemplateAssert.assertNotATemplate;
import static dev.iampolicyls.embedded.TemplateAssert.located;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.iampolicyls.policy.PolicyResourceType;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which policies a template holds, of which type, and where their findings sit. */
class PolicyLocationTest {
  private static final String STATEMENT =
      """
                Version: "2012-10-17"
                Statement:
                  - Effect: Allow
                    Action: s3:GetObject
                    Resource: "*"
      """;

  @Test
  void roleTrustAndInlinePoliciesAreFoundAndNamedByPolicyName() {
    String template =
        """
        AWSTemplateFormatVersion: "2010-09-09"
        Resources:
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
                - PolicyName: read
                  PolicyDocument:
                    Version: "2012-10-17"
                    Statement:
                      - Effect: Allow
                        Action: s3:«GetObjekt»
                        Resource: arn:aws:s3:::bucket/*
                - PolicyDocument:
                    Version: "2012-10-17"
                    Statement:
                      - Effect: Allow
                        Action: sqs:SendMessage
                        Resource: arn:aws:sqs:us-east-1:123456789012:queue
        """;
    assertEquals(
        List.of(
            "Resources/AppRole/AssumeRolePolicyDocument TRUST_POLICY",
            "Resources/AppRole/Policies/read IDENTITY_POLICY",
            "Resources/AppRole/Policies/1 IDENTITY_POLICY"),
        located(TemplateAssert.unmark(template).text()));
    var analysis = TemplateAssert.unmark(template).text();
    assertEquals(
        List.of("Resources", "AppRole", "Properties", "Policies", 0, "PolicyDocument"),
        TemplateAssert.analyze(analysis).policies().get(1).policy().path());
  }

  @Test
  void theFindingSitsOnTheTemplatesCharacters() {
    assertFindings(
        """
        Resources:
          AppRole:
            Type: AWS::IAM::Role
            Properties:
              Policies:
                - PolicyName: read
                  PolicyDocument:
                    Version: "2012-10-17"
                    Statement:
                      - Effect: Allow
                        Action: «s3:GetObjekt»
                        Resource: arn:aws:s3:::bucket/*
        """,
        "INVALID_ACTION");
  }

  @Test
  void everyResourceTypeOfTheTableIsLocatedWithItsPolicyType() {
    StringBuilder template = new StringBuilder("AWSTemplateFormatVersion: \"2010-09-09\"\n");
    template.append("Resources:\n");
    String[][] places = {
      {"AWS::IAM::User", "Policies"},
      {"AWS::IAM::Group", "Policies"},
      {"AWS::IAM::Policy", "PolicyDocument"},
      {"AWS::IAM::ManagedPolicy", "PolicyDocument"},
      {"AWS::IAM::RolePolicy", "PolicyDocument"},
      {"AWS::IAM::UserPolicy", "PolicyDocument"},
      {"AWS::IAM::GroupPolicy", "PolicyDocument"},
      {"AWS::SSO::PermissionSet", "InlinePolicy"},
      {"AWS::S3::BucketPolicy", "PolicyDocument"},
      {"AWS::S3::AccessPoint", "Policy"},
      {"AWS::SQS::QueuePolicy", "PolicyDocument"},
      {"AWS::SNS::TopicPolicy", "PolicyDocument"},
      {"AWS::KMS::Key", "KeyPolicy"},
      {"AWS::SecretsManager::ResourcePolicy", "ResourcePolicy"},
      {"AWS::ECR::Repository", "RepositoryPolicyText"},
      {"AWS::Logs::ResourcePolicy", "PolicyDocument"},
    };
    for (int i = 0; i < places.length; i++) {
      template.append("  R").append(i).append(":\n");
      template.append("    Type: ").append(places[i][0]).append("\n");
      template.append("    Properties:\n");
      template.append("      ").append(places[i][1]).append(":\n");
      if (places[i][1].equals("Policies")) {
        template.append("        - PolicyName: p\n          PolicyDocument:\n");
        template.append(STATEMENT.indent(4));
      } else {
        template.append(STATEMENT);
      }
    }
    assertEquals(
        List.of(
            "Resources/R0/Policies/p IDENTITY_POLICY",
            "Resources/R1/Policies/p IDENTITY_POLICY",
            "Resources/R2/PolicyDocument IDENTITY_POLICY",
            "Resources/R3/PolicyDocument IDENTITY_POLICY",
            "Resources/R4/PolicyDocument IDENTITY_POLICY",
            "Resources/R5/PolicyDocument IDENTITY_POLICY",
            "Resources/R6/PolicyDocument IDENTITY_POLICY",
            "Resources/R7/InlinePolicy IDENTITY_POLICY",
            "Resources/R8/PolicyDocument RESOURCE_POLICY",
            "Resources/R9/Policy RESOURCE_POLICY",
            "Resources/R10/PolicyDocument RESOURCE_POLICY",
            "Resources/R11/PolicyDocument RESOURCE_POLICY",
            "Resources/R12/KeyPolicy RESOURCE_POLICY",
            "Resources/R13/ResourcePolicy RESOURCE_POLICY",
            "Resources/R14/RepositoryPolicyText RESOURCE_POLICY",
            "Resources/R15/PolicyDocument RESOURCE_POLICY"),
        located(template.toString()));
    var policies = TemplateAssert.analyze(template.toString()).policies();
    assertEquals(PolicyResourceType.S3_BUCKET, policies.get(8).policy().resourceType());
    assertEquals(PolicyResourceType.S3_ACCESS_POINT, policies.get(9).policy().resourceType());
  }

  @Test
  void organizationsPoliciesAreScpsOrRcpsByTheirTypeAndOtherKindsAreLeftAlone() {
    String template =
        """
        Resources:
          Guardrail:
            Type: AWS::Organizations::Policy
            Properties:
              Type: SERVICE_CONTROL_POLICY
              Content:
                Version: "2012-10-17"
                Statement:
                  - Effect: Deny
                    Action: s3:DeleteBucket
                    Resource: "*"
          Perimeter:
            Type: AWS::Organizations::Policy
            Properties:
              Type: RESOURCE_CONTROL_POLICY
              Content:
                Version: "2012-10-17"
                Statement:
                  - Effect: Deny
                    Principal: "*"
                    Action: s3:*
                    Resource: "*"
                    Condition:
                      Bool: {aws:SecureTransport: false}
          Tags:
            Type: AWS::Organizations::Policy
            Properties:
              Type: TAG_POLICY
              Content:
                tags: {costcenter: {tag_key: {"@@assign": CostCenter}}}
        """;
    assertEquals(
        List.of(
            "Resources/Guardrail/Content SERVICE_CONTROL_POLICY",
            "Resources/Perimeter/Content RESOURCE_CONTROL_POLICY"),
        located(template));
  }

  @Test
  void samPoliciesHoldDocumentsButTemplatesAndManagedPolicyNamesAreNotPolicies() {
    assertFindings(
        """
        Transform: AWS::Serverless-2016-10-31
        Resources:
          Handler:
            Type: AWS::Serverless::Function
            Properties:
              Handler: index.handler
              Policies:
                - AWSLambdaBasicExecutionRole
                - S3ReadPolicy:
                    BucketName: my-bucket
                - SQSPollerPolicy:
                    QueueName: !GetAtt Queue.QueueName
                - !Sub arn:${AWS::Partition}:iam::aws:policy/ReadOnlyAccess
                - Version: "2012-10-17"
                  Statement:
                    - Effect: Allow
                      Action: «dynamodb:GetItems»
                      Resource: !GetAtt Table.Arn
          Machine:
            Type: AWS::Serverless::StateMachine
            Properties:
              Policies: AmazonS3ReadOnlyAccess
        """,
        "INVALID_ACTION");
    assertEquals(
        List.of("Resources/Handler/Policies/4 IDENTITY_POLICY"),
        located(
            """
            Resources:
              Handler:
                Type: AWS::Serverless::Function
                Properties:
                  Policies:
                    - AWSLambdaBasicExecutionRole
                    - S3ReadPolicy: {BucketName: b}
                    - SQSPollerPolicy: {QueueName: q}
                    - DynamoDBCrudPolicy: {TableName: t}
                    - Statement:
                        - Effect: Allow
                          Action: s3:GetObject
                          Resource: "*"
            """));
  }

  @Test
  void aPolicyWrittenAsJsonTextIsCheckedAtItsCharacters() {
    assertFindings(
        """
        Resources:
          Logs:
            Type: AWS::Logs::ResourcePolicy
            Properties:
              PolicyName: p
              PolicyDocument: '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", \
        "Principal": {"AWS": "arn:aws:iam::123456789012:root"}, "Action": «"logs:PutLogEvent"», \
        "Resource": "*"}]}'
        """,
        "INVALID_ACTION");
    assertFindings(
        """
        Resources:
          Set:
            Type: AWS::SSO::PermissionSet
            Properties:
              InlinePolicy: |
                {
                  "Version": "2012-10-17",
                  "Statement": [{"Effect": "Allow", "Action": «"ec2:DescribeInstance"», "Resource": "*"}]
                }
        """,
        "INVALID_ACTION");
  }

  @Test
  void jsonTemplatesWithEscapedPolicyTextAndFunctionObjects() {
    assertFindings(
        """
        {
          "AWSTemplateFormatVersion": "2010-09-09",
          "Resources": {
            "Key": {
              "Type": "AWS::KMS::Key",
              "Properties": {
                "KeyPolicy": {
                  "Version": "2012-10-17",
                  "Statement": [{
                    "Effect": "Allow",
                    "Principal": {"AWS": {"Fn::Sub": "arn:${AWS::Partition}:iam::${AWS::AccountId}:root"}},
                    "Action": «"kms:Encrpyt"»,
                    "Resource": "*"
                  }]
                }
              }
            },
            "Repo": {
              "Type": "AWS::ECR::Repository",
              "Properties": {
                "RepositoryPolicyText": "{\\"Version\\": \\"2012-10-17\\", \\"Statement\\": [{\\"Effect\\": \\"Allow\\", \\"Principal\\": {\\"AWS\\": \\"arn:aws:iam::123456789012:root\\"}, \\"Action\\": «\\"ecr:BatchGetImages\\"»}]}"
              }
            }
          }
        }
        """,
        "INVALID_ACTION",
        "INVALID_ACTION");
  }

  @Test
  void aVpcEndpointPolicyWithPrincipalStarIsNotPublic() {
    assertFindings(
        """
        Resources:
          Endpoint:
            Type: AWS::EC2::VPCEndpoint
            Properties:
              VpcId: vpc-1
              ServiceName: com.amazonaws.us-east-1.s3
              PolicyDocument:
                Version: "2012-10-17"
                Statement:
                  - Effect: Allow
                    Principal: "*"
                    Action: s3:GetObject
                    Resource: arn:aws:s3:::bucket/*
        """);
  }

  @Test
  void anApiPolicyMayNameItsResourcesInApiGatewaysShortForm() {
    assertFindings(
        """
        Resources:
          Api:
            Type: AWS::Serverless::Api
            Properties:
              StageName: prod
              Policy:
                Version: "2012-10-17"
                Statement:
                  - Effect: Allow
                    Principal: {AWS: !Sub "arn:${AWS::Partition}:iam::${AWS::AccountId}:root"}
                    Action: «execute-api:Invok»
                    Resource: execute-api:/prod/GET/*
        """,
        "INVALID_ACTION");
  }

  @Test
  void aStackSetsTemplateWrittenInPlaceIsSearchedToo() {
    assertFindings(
        """
        Resources:
          StackSet:
            Type: AWS::CloudFormation::StackSet
            Properties:
              TemplateBody: |
                Resources:
                  Role:
                    Type: AWS::IAM::RolePolicy
                    Properties:
                      PolicyDocument:
                        Version: "2012-10-17"
                        Statement:
                          - Effect: Allow
                            Action: «s3:ReplicationTags»
                            Resource: arn:aws:s3:::bucket/*
        """,
        "INVALID_ACTION");
  }

  @Test
  void resourcePoliciesFoundByTheIndependentCountAreLocated() {
    String template =
        """
        Resources:
          Queue:
            Type: AWS::SQS::QueueInlinePolicy
            Properties:
              Queue: !Ref Q
              PolicyDocument:
        %1$s
          Topic:
            Type: AWS::SNS::TopicInlinePolicy
            Properties:
              TopicArn: !Ref T
              PolicyDocument:
        %1$s
          Table:
            Type: AWS::DynamoDB::Table
            Properties:
              ResourcePolicy:
                PolicyDocument:
        %2$s
          Bus:
            Type: AWS::Events::EventBus
            Properties:
              Name: bus
              Policy:
        %1$s
          Domain:
            Type: AWS::ApiGateway::DomainNameV2
            Properties:
              DomainName: api.example.com
              Policy:
        %1$s
          RestApi:
            Type: AWS::ApiGateway::RestApi
            Properties:
              Body:
                openapi: 3.0.1
                x-amazon-apigateway-policy:
        %2$s
          SamApi:
            Type: AWS::Serverless::Api
            Properties:
              StageName: prod
              DefinitionBody:
                swagger: "2.0"
                x-amazon-apigateway-policy:
        %2$s
              Domain:
                DomainName: api.example.com
                Policy:
        %2$s
        """
            .formatted(STATEMENT, STATEMENT.indent(2));
    assertEquals(
        List.of(
            "Resources/Queue/PolicyDocument RESOURCE_POLICY",
            "Resources/Topic/PolicyDocument RESOURCE_POLICY",
            "Resources/Table/ResourcePolicy/PolicyDocument RESOURCE_POLICY",
            "Resources/Bus/Policy RESOURCE_POLICY",
            "Resources/Domain/Policy RESOURCE_POLICY",
            "Resources/RestApi/Body/x-amazon-apigateway-policy RESOURCE_POLICY",
            "Resources/SamApi/DefinitionBody/x-amazon-apigateway-policy RESOURCE_POLICY",
            "Resources/SamApi/Domain/Policy RESOURCE_POLICY"),
        located(template));
    var policies = TemplateAssert.analyze(template).policies();
    assertEquals(PolicyResourceType.DYNAMODB_TABLE, policies.get(2).policy().resourceType());
    assertEquals(
        List.of("Resources", "Table", "Properties", "ResourcePolicy", "PolicyDocument"),
        policies.get(2).policy().path());
  }

  @Test
  void anEventBusPolicysStatementIsCheckedAsOneStatementOfTheBusPolicy() {
    String template =
        """
        Resources:
          BusPolicy:
            Type: AWS::Events::EventBusPolicy
            Properties:
              EventBusName: !Ref Bus
              StatementId: FromTheOrganization
              Statement:
                Effect: Allow
                Principal: "*"
                Action: «events:PutEvent»
                Resource: !GetAtt Bus.Arn
                Condition:
                  StringEquals:
                    aws:PrincipalOrgID: o-abcdef1234
          Bus:
            Type: AWS::Events::EventBus
            Properties:
              Name: central
        """;
    assertFindings(template, "INVALID_ACTION");
    assertEquals(
        List.of("Resources/BusPolicy/Statement RESOURCE_POLICY"),
        located(TemplateAssert.unmark(template).text()));
  }

  @Test
  void anEventBusPolicyInTheOldFormIsTheStatementItsPropertiesMake() {
    String template =
        """
        Resources:
          Organization:
            Type: AWS::Events::EventBusPolicy
            Properties:
              StatementId: FromTheOrganization
              Action: events:PutEvents
              Principal: "*"
              Condition:
                Type: StringEquals
                Key: aws:PrincipalOrgID
                Value: o-abcdef1234
          Everyone:
            Type: AWS::Events::EventBusPolicy
            Properties:
              StatementId: Everyone
              Action: events:PutEvents
              Principal: «"*"»
          Account:
            Type: AWS::Events::EventBusPolicy
            Properties:
              StatementId: OneAccount
              Action: «events:PutEvent»
              Principal: "111122223333"
        """;
    assertFindings(template, "PUBLIC_ACCESS", "INVALID_ACTION");
    assertEquals(
        List.of(
            "Resources/Organization RESOURCE_POLICY",
            "Resources/Everyone RESOURCE_POLICY",
            "Resources/Account RESOURCE_POLICY"),
        located(TemplateAssert.unmark(template).text()));
  }

  @Test
  void samCustomStatementsOfAnApiAreCheckedAsTheStatementsSamAddsToItsPolicy() {
    assertFindings(
        """
        Resources:
          Api:
            Type: AWS::Serverless::Api
            Properties:
              StageName: prod
              Auth:
                ResourcePolicy:
                  CustomStatements:
                    - Effect: Allow
                      Principal: «"*"»
                      Action: execute-api:Invoke
                      Resource: execute-api:/prod/GET/*
                    - Effect: Deny
                      Principal: "*"
                      Action: «execute-api:Invok»
                      Resource: execute-api:/*
                      Condition:
                        NotIpAddress:
                          aws:SourceIp: 192.0.2.0/24
          Single:
            Type: AWS::Serverless::Api
            Properties:
              StageName: prod
              Auth:
                ResourcePolicy:
                  CustomStatements:
                    Effect: Allow
                    Principal: {AWS: !Sub "arn:${AWS::Partition}:iam::${AWS::AccountId}:root"}
                    Action: execute-api:Invoke
                    Resource: execute-api:/*
          Elsewhere:
            Type: AWS::Serverless::Api
            Properties:
              StageName: prod
              Auth:
                ResourcePolicy:
                  CustomStatements: !Ref Statements
          Conditional:
            Type: AWS::Serverless::Api
            Properties:
              StageName: prod
              Auth:
                ResourcePolicy:
                  CustomStatements: !If
                    - Restricted
                    - Effect: Deny
                      Principal: "*"
                      Action: execute-api:Invoke
                      Resource: execute-api:/*
                    - !Ref AWS::NoValue
        Conditions:
          Restricted: !Equals [!Ref AWS::Region, us-east-1]
        """,
        "PUBLIC_ACCESS",
        "INVALID_ACTION");
  }

  @Test
  void samGlobalsAndAFunctionsApiEventAddStatementsToTheirApisPolicies() {
    String template =
        """
        Transform: AWS::Serverless-2016-10-31
        Globals:
          Api:
            Auth:
              ResourcePolicy:
                CustomStatements:
                  - Effect: Allow
                    Principal: {AWS: !Sub "arn:${AWS::Partition}:iam::${AWS::AccountId}:root"}
                    Action: «execute-api:Invok»
                    Resource: execute-api:/*
        Resources:
          Handler:
            Type: AWS::Serverless::Function
            Properties:
              Handler: index.handler
              Events:
                Get:
                  Type: Api
                  Properties:
                    Path: /
                    Method: get
                    Auth:
                      ResourcePolicy:
                        CustomStatements:
                          Effect: Deny
                          Principal: "*"
                          Action: «execute-api:Invokee»
                          Resource: execute-api:/prod/GET/
                          Condition:
                            NotIpAddress:
                              aws:SourceIp: 192.0.2.0/24
                Queue:
                  Type: SQS
                  Properties:
                    Queue: !GetAtt Q.Arn
                    Auth:
                      ResourcePolicy:
                        CustomStatements: [{Effect: Allow, Principal: "*", Action: x:Y}]
        """;
    assertFindings(template, "INVALID_ACTION", "INVALID_ACTION");
    assertEquals(
        List.of(
            "Resources/Handler/Events/Get/Properties/Auth/ResourcePolicy/CustomStatements"
                + " RESOURCE_POLICY",
            "Globals/Api/Auth/ResourcePolicy/CustomStatements RESOURCE_POLICY"),
        located(TemplateAssert.unmark(template).text()));
  }

  @Test
  void yamlAndJsonThatAreNotTemplatesAreNotRead() {
    assertNotATemplate(
        """
        name: CI
        on: [push]
        jobs:
          build:
            runs-on: ubuntu-latest
            steps:
              - uses: actions/checkout@v4
        """);
    assertNotATemplate(
        """
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: Resources}
        ---
        apiVersion: apps/v1
        kind: Deployment
        """);
    assertNotATemplate(
        """
        {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:*", \
        "Resource": "*", "Condition": {"StringEquals": {"aws:ResourceTag/Resources": "x"}}}]}
        """);
    assertNotATemplate("Resources:\n  Thing:\n    Type: Custom::Thing\n");
  }
}
