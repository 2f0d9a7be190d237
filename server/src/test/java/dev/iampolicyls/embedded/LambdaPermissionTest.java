package dev.iampolicyls.embedded;

import static dev.iampolicyls.embedded.TemplateAssert.assertFindings;
import static dev.iampolicyls.embedded.TemplateAssert.located;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * An {@code AWS::Lambda::Permission} is checked as the statement Lambda adds to the function's
 * policy: Action, Principal, the function as Resource, SourceArn and SourceAccount as conditions.
 * Findings sit on the property that wrote the value.
 */
class LambdaPermissionTest {
  private static String permission(String properties) {
    return """
        Resources:
          Worker:
            Type: AWS::Lambda::Function
          Api:
            Type: AWS::ApiGateway::RestApi
          Queue:
            Type: AWS::SQS::Queue
          Permission:
            Type: AWS::Lambda::Permission
            Properties:
        """
        + properties.indent(6);
  }

  @Test
  void aPermissionIsOneResourcePolicyNamedByItsLogicalId() {
    assertEquals(
        List.of("Resources/Permission RESOURCE_POLICY"),
        located(
            permission(
                """
                Action: lambda:InvokeFunction
                FunctionName: !GetAtt Worker.Arn
                Principal: apigateway.amazonaws.com
                SourceArn: !Sub arn:${AWS::Partition}:execute-api:${AWS::Region}:${AWS::AccountId}:${Api}/*
                """)));
  }

  @Test
  void aServiceWithItsSourceAndAnAccountAreFine() {
    assertFindings(
        permission(
            """
            Action: lambda:InvokeFunction
            FunctionName: !GetAtt Worker.Arn
            Principal: s3.amazonaws.com
            SourceArn: arn:aws:s3:::uploads
            SourceAccount: !Ref AWS::AccountId
            """));
    assertFindings(
        permission(
            """
            Action: lambda:InvokeFunction
            FunctionName: my-function
            Principal: !Ref AWS::AccountId
            """));
    // A name, however written, is no ARN and no Resource: not an invalid one either.
    assertFindings(
        permission(
            """
            Action: lambda:InvokeFunction
            FunctionName: !Sub ${AWS::StackName}
            Principal: iot.amazonaws.com
            SourceAccount: !Sub ${AWS::AccountId}
            """));
  }

  @Test
  void aServiceWithoutSourceMayActForAnyAccount() {
    assertFindings(
        permission(
            """
            Action: lambda:InvokeFunction
            FunctionName: !Ref Worker
            Principal: «events.amazonaws.com»
            """),
        "RESTRICT_ACCESS_TO_SERVICE_PRINCIPAL");
  }

  @Test
  void everyoneWithoutConditionIsPublic() {
    assertFindings(
        permission(
            """
            Action: lambda:InvokeFunction
            FunctionName: !GetAtt Worker.Arn
            Principal: «"*"»
            """),
        "PUBLIC_ACCESS");
  }

  @Test
  void aPublicFunctionUrlIsPublicAndAnOrganizationIsNot() {
    assertFindings(
        permission(
            """
            Action: lambda:InvokeFunctionUrl
            FunctionName: !Ref Worker
            Principal: «"*"»
            FunctionUrlAuthType: NONE
            """),
        "PUBLIC_ACCESS");
    assertFindings(
        permission(
            """
            Action: lambda:InvokeFunction
            FunctionName: !GetAtt Worker.Arn
            Principal: "*"
            PrincipalOrgID: o-abc123def4
            """));
  }

  @Test
  void theActionAndTheFunctionAreChecked() {
    assertFindings(
        permission(
            """
            Action: «lambda:InvokeFunktion»
            FunctionName: arn:aws:lambda:us-east-1:123456789012:function:worker
            Principal: !Ref AWS::AccountId
            """),
        "INVALID_ACTION");
    assertFindings(
        permission(
            """
            Action: lambda:InvokeFunction
            FunctionName: !GetAtt Api.RootResourceId
            Principal: !Ref AWS::AccountId
            """));
    assertFindings(
        permission(
            """
            Action: lambda:InvokeFunction
            FunctionName: «!GetAtt Queue.Arn»
            Principal: !Ref AWS::AccountId
            """),
        "RESOURCE_MISMATCH");
  }

  @Test
  void aLayerVersionPermissionIsOneStatementOfTheLayersPolicy() {
    String template =
        """
        Resources:
          Layer:
            Type: AWS::Lambda::LayerVersion
          Public:
            Type: AWS::Lambda::LayerVersionPermission
            Properties:
              Action: lambda:GetLayerVersion
              LayerVersionArn: !Ref Layer
              Principal: «"*"»
          Organization:
            Type: AWS::Lambda::LayerVersionPermission
            Properties:
              Action: «lambda:GetLayerVersions»
              LayerVersionArn: !Ref Layer
              Principal: "*"
              OrganizationId: o-abcdef1234
          Account:
            Type: AWS::Lambda::LayerVersionPermission
            Properties:
              Action: lambda:GetLayerVersion
              LayerVersionArn: !Ref Layer
              Principal: "111122223333"
        """;
    assertFindings(template, "PUBLIC_ACCESS", "INVALID_ACTION");
    assertEquals(
        List.of(
            "Resources/Public RESOURCE_POLICY",
            "Resources/Organization RESOURCE_POLICY",
            "Resources/Account RESOURCE_POLICY"),
        located(TemplateAssert.unmark(template).text()));
  }
}
