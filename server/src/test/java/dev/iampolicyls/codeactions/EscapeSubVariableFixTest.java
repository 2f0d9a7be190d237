package dev.iampolicyls.codeactions;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.iampolicyls.catalog.Catalog;
import dev.iampolicyls.checks.CheckCode;
import dev.iampolicyls.checks.Finding;
import dev.iampolicyls.config.AnalysisSettings;
import dev.iampolicyls.service.EmbeddedAnalysis;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The fix for an unescaped policy variable in Fn::Sub, in YAML and in JSON templates. */
class EscapeSubVariableFixTest {
  private static String fixed(String template) {
    EmbeddedAnalysis analysis =
        FixAssert.SERVICE.analyzeEmbedded(template, null, AnalysisSettings.DEFAULT).orElseThrow();
    EmbeddedAnalysis.Checked checked = analysis.policies().get(0);
    Finding finding =
        checked.findings().stream()
            .filter(f -> f.code() == CheckCode.UNESCAPED_POLICY_VARIABLE_IN_SUB)
            .findFirst()
            .orElseThrow();
    List<PolicyCodeAction> actions =
        new CodeActionEngine(Catalog.bundled())
            .actions(
                checked.policy().readings().get(0),
                checked.policy().policyType(),
                checked.findings(),
                finding.offset(),
                finding.offset());
    PolicyCodeAction fix =
        actions.stream()
            .filter(a -> a.title().startsWith("Escape it for Fn::Sub"))
            .findFirst()
            .orElseThrow(() -> new AssertionError(actions.toString()));
    String after = CodeActionEngineTest.apply(template, fix.edits());
    assertEquals(
        List.of(),
        FixAssert.SERVICE
            .analyzeEmbedded(after, null, AnalysisSettings.DEFAULT)
            .orElseThrow()
            .policies()
            .get(0)
            .findings()
            .stream()
            .filter(f -> f.code() == CheckCode.UNESCAPED_POLICY_VARIABLE_IN_SUB)
            .toList());
    return after;
  }

  @Test
  void yaml() {
    String template =
        """
        Resources:
          P:
            Type: AWS::IAM::ManagedPolicy
            Properties:
              PolicyDocument:
                Version: "2012-10-17"
                Statement:
                  - Effect: Allow
                    Action: s3:GetObject
                    Resource: !Sub arn:${AWS::Partition}:s3:::${Bucket}/home/${aws:username}/*
        """;
    assertEquals(template.replace("${aws:username}", "${!aws:username}"), fixed(template));
  }

  @Test
  void json() {
    String template =
        """
        {"Resources": {"P": {"Type": "AWS::IAM::ManagedPolicy", "Properties": {"PolicyDocument": {
          "Version": "2012-10-17",
          "Statement": [{"Effect": "Allow", "Action": "s3:GetObject",
            "Resource": {"Fn::Sub": "arn:aws:s3:::${Bucket}/${aws:PrincipalTag/team}/*"}}]}}}}}
        """;
    assertEquals(template.replace("${aws:PrincipalTag", "${!aws:PrincipalTag"), fixed(template));
  }
}
