package dev.iampolicyls.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.iampolicyls.hover.HoverResult;
import dev.iampolicyls.service.PolicyLanguageService;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Hover inside CloudFormation templates: the policy hover, in the template's positions. */
class TemplateHoverTest {
  private static final String YAML =
      """
      AWSTemplateFormatVersion: "2010-09-09"
      Resources:
        DataBucket:
          Type: AWS::S3::Bucket
        Reader:
          Type: AWS::IAM::ManagedPolicy
          Properties:
            PolicyDocument:
              Version: "2012-10-17"
              Statement:
                - Sid: Read
                  Effect: Allow
                  Action:
                    - s3:GetObject
                  Resource: !Sub "${DataBucket.Arn}/*"
                  Condition:
                    StringEquals:
                      aws:PrincipalOrgID: o-abc123
        Queue:
          Type: AWS::SQS::QueuePolicy
          Properties:
            Queues: [!Ref Q]
            PolicyDocument:
              Statement:
                - Effect: Allow
                  Principal: {Service: sns.amazonaws.com}
                  Action: sqs:SendMessage
                  Resource: "*"
      """;

  private static final String JSON =
      """
      {
        "Resources": {
          "Reader": {
            "Type": "AWS::IAM::Policy",
            "Properties": {
              "PolicyName": "read",
              "PolicyDocument": {
                "Statement": [
                  {"Effect": "Allow", "Action": "dynamodb:GetItem", "Resource": "*"}
                ]
              }
            }
          }
        }
      }
      """;

  /** The hover where the text's first {@code token} starts, plus {@code into} characters. */
  private static HoverResult hover(String text, String token, int into) {
    int at = text.indexOf(token);
    assertTrue(at >= 0, token);
    Optional<HoverResult> result = PolicyLanguageService.bundled().hoverInTemplate(text, at + into);
    assertTrue(result.isPresent(), () -> "no hover on " + token);
    return result.get();
  }

  private static String covered(String text, HoverResult r) {
    return text.substring(r.startOffset(), r.endOffset());
  }

  @Test
  void anActionInABlockListExplainsItAtItsTemplateCharacters() {
    HoverResult r = hover(YAML, "s3:GetObject", 4);
    assertEquals("s3:GetObject", covered(YAML, r));
    assertTrue(r.markdown().contains("`s3:GetObject`** · Read"), r.markdown());
  }

  @Test
  void anActionInAJsonTemplate() {
    HoverResult r = hover(JSON, "dynamodb:GetItem", 2);
    assertEquals("\"dynamodb:GetItem\"", covered(JSON, r));
    assertTrue(r.markdown().contains("GetItem"), r.markdown());
  }

  @Test
  void aConditionKeyAndOperator() {
    HoverResult key = hover(YAML, "aws:PrincipalOrgID", 3);
    assertEquals("aws:PrincipalOrgID", covered(YAML, key));
    assertTrue(key.markdown().contains("organization"), key.markdown());
    HoverResult operator = hover(YAML, "StringEquals", 3);
    assertEquals("StringEquals", covered(YAML, operator));
  }

  @Test
  void aPrincipalInAFlowMapOfAResourcePolicy() {
    HoverResult r = hover(YAML, "sns.amazonaws.com", 2);
    assertEquals("sns.amazonaws.com", covered(YAML, r));
    assertTrue(r.markdown().contains("SNS"), r.markdown());
  }

  @Test
  void theDashOfAStatementGivesItsSummary() {
    int dash = YAML.indexOf("- Sid: Read");
    HoverResult r = PolicyLanguageService.bundled().hoverInTemplate(YAML, dash).orElseThrow();
    assertEquals("-", covered(YAML, r));
    assertTrue(r.markdown().contains("Allows"), r.markdown());
  }

  @Test
  void effectGivesTheSummaryToo() {
    HoverResult r = hover(YAML, "Effect: Allow\n            Action:\n              - s3", 1);
    assertEquals("Effect", covered(YAML, r));
    assertTrue(r.markdown().contains("Allows"), r.markdown());
  }

  @Test
  void nothingOutsideThePoliciesNorInPlainYaml() {
    assertTrue(
        PolicyLanguageService.bundled()
            .hoverInTemplate(YAML, YAML.indexOf("AWS::S3::Bucket") + 3)
            .isEmpty());
    assertTrue(
        PolicyLanguageService.bundled().hoverInTemplate("name: build\non: [push]\n", 2).isEmpty());
  }
}
