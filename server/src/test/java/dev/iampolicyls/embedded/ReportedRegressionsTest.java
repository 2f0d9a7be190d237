package dev.iampolicyls.embedded;

import static dev.iampolicyls.embedded.TemplateAssert.assertFindings;
import static dev.iampolicyls.embedded.TemplateAssert.findings;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.iampolicyls.service.EmbeddedAnalysis;
import org.junit.jupiter.api.Test;

/**
 * What users reported against other template checkers (issue 18): Fn::If around a whole statement
 * and around an action list, wildcards inside action names, API operation names written as actions,
 * and SAM policy templates whose generated statements hold actions of services IAM documents apart.
 * Each is a template as users write it, with the findings it must give and no others.
 */
class ReportedRegressionsTest {
  private static String samFunction(String policies) {
    return """
        Transform: AWS::Serverless-2016-10-31
        Resources:
          Handler:
            Type: AWS::Serverless::Function
            Properties:
              Runtime: python3.12
              Handler: index.handler
              Policies:
        """
        + policies.indent(8);
  }

  @Test
  void anIfAroundAWholeStatementChecksEachBranchAndNoValueRemovesIt() {
    assertFindings(
        samFunction(
            """
            - Version: "2012-10-17"
              Statement:
                - !If
                  - IsProd
                  - Effect: Allow
                    Action: s3:GetObject
                    Resource: arn:aws:s3:::prod-data/*
                  - Effect: Allow
                    Action: «s3:GetObjects»
                    Resource: arn:aws:s3:::dev-data/*
                - !If [HasTopic, {Effect: Allow, Action: sns:Publish, Resource: !Ref Topic}, !Ref AWS::NoValue]
            """),
        "INVALID_ACTION");
  }

  @Test
  void anIfAroundAnActionListChecksEachList() {
    assertFindings(
        samFunction(
            """
            - Version: "2012-10-17"
              Statement:
                - Effect: Allow
                  Action: !If
                    - IsProd
                    - [dynamodb:GetItem, dynamodb:Query]
                    - [dynamodb:GetItem, «dynamodb:Querry», dynamodb:Scan]
                  Resource: arn:aws:dynamodb:us-east-1:123456789012:table/app
            """),
        "INVALID_ACTION");
  }

  @Test
  void wildcardsInsideActionNamesAreActionsNotMistakes() {
    assertFindings(
        samFunction(
            """
            - Version: "2012-10-17"
              Statement:
                - Effect: Allow
                  Action: [iam:List*Tags, iam:Get*Policy]
                  Resource: arn:aws:iam::123456789012:role/app-*
            """));
  }

  @Test
  void anApiOperationNameIsNamedWithTheActionThatAuthorizesIt() {
    EmbeddedAnalysis analysis =
        assertFindings(
            samFunction(
                """
                - Version: "2012-10-17"
                  Statement:
                    - Effect: Allow
                      Action: [«s3:CreateMultipartUpload», s3:PutObject]
                      Resource: arn:aws:s3:::uploads/*
                """),
            "INVALID_ACTION");
    assertEquals(
        "The service s3 has no action \"CreateMultipartUpload\": CreateMultipartUpload is an API"
            + " operation, which IAM authorizes with s3:PutObject.",
        findings(analysis).get(0).message());
  }

  @Test
  void samPolicyTemplatesAreNotPoliciesWhateverServicesTheyCover() {
    // These expand to statements with actions of services documented apart from IAM's reference
    // (es:ESHttpPost, execute-api, ses:Send*...): they are SAM's business, never a finding here.
    assertFindings(
        samFunction(
            """
            - ElasticsearchHttpPostPolicy: {DomainName: !Ref Domain}
            - SESCrudPolicy: {IdentityName: example.com}
            - EventBridgePutEventsPolicy: {EventBusName: default}
            - AWSSecretsManagerGetSecretValuePolicy: {SecretArn: !Ref Secret}
            - VPCAccessPolicy: {}
            - SSMParameterReadPolicy: {ParameterName: app/config}
            - Version: "2012-10-17"
              Statement:
                - Effect: Allow
                  Action: execute-api:Invoke
                  Resource: !Sub arn:${AWS::Partition}:execute-api:${AWS::Region}:${AWS::AccountId}:${Api}/*
            """));
  }
}
