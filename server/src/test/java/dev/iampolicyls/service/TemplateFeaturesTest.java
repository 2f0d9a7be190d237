package dev.iampolicyls.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.iampolicyls.catalog.Catalog;
import dev.iampolicyls.config.AnalysisSettings;
import dev.iampolicyls.outline.PolicySymbol;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The outline and lenses of a template: resources by their logical id as written (quoted or not), a
 * Lambda permission as the statement its properties make, and both branches of an Fn::If; and YAML
 * folding by indentation.
 */
class TemplateFeaturesTest {
  private static final PolicyLanguageService SERVICE = new PolicyLanguageService(Catalog.bundled());

  private static final String TEMPLATE =
      """
      Resources:
        Perm:
          Type: AWS::Lambda::Permission
          Properties:
            Action: lambda:InvokeFunction
            FunctionName: !Ref Fn
            Principal: s3.amazonaws.com
            SourceArn: !GetAtt Bucket.Arn
        "Role":
          Type: AWS::IAM::Role
          Properties:
            AssumeRolePolicyDocument: '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Service": "lambda.amazonaws.com"}, "Action": "sts:AssumeRole"}]}'
            Policies:
              - PolicyName: read
                PolicyDocument:
                  Statement:
                    - !If
                      - C
                      - Sid: A
                        Effect: Allow
                        Action: s3:GetObject
                        Resource: '*'
                      - Sid: B
                        Effect: Allow
                        Action: s3:ListBucket
                        Resource: '*'
      """;

  private static List<String> outline(List<PolicySymbol> symbols, String indent) {
    List<String> out = new ArrayList<>();
    for (PolicySymbol s : symbols) {
      if (s.kind() != PolicySymbol.Kind.ELEMENT) {
        String selected = TEMPLATE.substring(s.selectionOffset(), s.selectionEnd());
        out.add(indent + s.kind() + " " + s.name() + " [" + selected + "]");
        out.addAll(outline(s.children(), indent + "  "));
      }
    }
    return out;
  }

  @Test
  void outlineAndLensesCoverEveryPolicyAndBranch() {
    EmbeddedAnalysis template =
        SERVICE.analyzeEmbedded(TEMPLATE, null, AnalysisSettings.DEFAULT).orElseThrow();
    assertEquals(
        List.of(
            "RESOURCE Perm [Perm]",
            "  POLICY Properties [A]",
            "    STATEMENT Statement 1 [A]",
            "RESOURCE Role [Role]",
            "  POLICY AssumeRolePolicyDocument [']",
            "    STATEMENT Statement 1 [{]",
            "  POLICY Policies/read [S]",
            "    STATEMENT A [A]",
            "    STATEMENT B [B]"),
        outline(SERVICE.documentSymbols(template), ""));
    assertEquals(4, SERVICE.statementLenses(template).size());
  }

  @Test
  void yamlFoldsFollowIndentationAndKeepListsUnderTheirKey() {
    String yaml =
        String.join(
            "\n",
            "Resources:", // 0
            "  A:", // 1
            "    Statement:", // 2
            "    - Effect: Allow", // 3
            "      # a comment", // 4
            "      Action: s3:GetObject", // 5
            "", // 6
            "    Other: 1", // 7
            "  B: 2", // 8
            "");
    assertEquals(
        List.of("0-8", "1-7", "2-5", "3-5"),
        TemplateFeatures.yamlFolds(yaml).stream().map(f -> f[0] + "-" + f[1]).toList());
  }
}
