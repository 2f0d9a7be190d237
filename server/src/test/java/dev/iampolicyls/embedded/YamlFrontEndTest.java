package dev.iampolicyls.embedded;

import static dev.iampolicyls.embedded.TemplateAssert.assertFindings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.iampolicyls.checks.Finding;
import dev.iampolicyls.syntax.LineIndex;
import dev.iampolicyls.syntax.TextPosition;
import java.util.List;
import org.junit.jupiter.api.Test;

/** YAML's positions become UTF-16 offsets exactly, and a broken template gives one finding. */
class YamlFrontEndTest {
  @Test
  void nonAsciiAndAstralCharactersBeforeAPolicyKeepPositionsExact() {
    assertFindings(
        """
        Description: "Données 😀😀 — 𝄞 résumé"
        Resources:
          Rôle:
            Type: AWS::IAM::ManagedPolicy
            Metadata: {note: 🚀 ✓}
            Properties:
              PolicyDocument:
                Version: "2012-10-17"
                Statement:
                  - Sid: «Lecture😀»
                    Effect: Allow
                    Action: [«s3:GetObjekt», 'sqs:SendMessage']
                    Resource: ['arn:aws:s3:::b/😀/*', "arn:aws:sqs:us-east-1:123456789012:q"]
        """,
        "UNSUPPORTED_SID",
        "INVALID_ACTION");
  }

  @Test
  void longBlankRunsBeforeAndAfterResourcesAreSkippedWithOffsetsKept() {
    // What completion reads: every other resource blanked, lines kept. The runs are read past,
    // and positions still land on the template's own characters, in the tree and in an error.
    String blankLines = (" ".repeat(60) + "\n").repeat(40);
    String resource =
        """
          Reader:
            Type: AWS::IAM::ManagedPolicy
            Properties:
              PolicyDocument:
                Version: "2012-10-17"
                Statement:
                  - Effect: Allow
                    Action: «s3:GetObjekt»
                    Resource: "arn:aws:s3:::b/😀/*"
        """;
    assertFindings(blankLines + "Resources:\n" + blankLines + resource, "INVALID_ACTION");
    assertFindings(blankLines + "Resources:  \r\n" + blankLines + resource, "INVALID_ACTION");
    String broken = blankLines + "Resources:\n" + blankLines + "  Reader:\n    Type: [x\n";
    YamlFrontEnd.Result read = YamlFrontEnd.read(broken);
    assertEquals(1, read.errors().size());
    assertTrue(read.errors().get(0).offset() > broken.indexOf("Type"), read.errors().toString());
    HostValue.Mapping root =
        (HostValue.Mapping) YamlFrontEnd.read(broken.replace("[x", "x")).root().orElseThrow();
    HostValue.Scalar key =
        ((HostValue.Mapping) root.get("Resources").orElseThrow()).entries().get(0).key();
    assertEquals(broken.indexOf("Reader"), key.offset());
    assertEquals(broken.indexOf("Resources"), root.entries().get(0).key().offset());
  }

  @Test
  void flowAndQuotedScalarsMapTheirCharacters() {
    assertFindings(
        """
        Resources: {P: {Type: "AWS::IAM::Policy", Properties: {PolicyDocument: {Version: "2012-10-17",
          Statement: [{Effect: Allow, Action: «"s3:Get\\u004fbjekt"», Resource: 'arn:aws:s3:::it''s/*'}]}}}}
        """,
        "INVALID_ACTION");
  }

  @Test
  void aHalfTypedTemplateGivesOneSyntaxFindingAtItsPosition() {
    String text =
        """
        AWSTemplateFormatVersion: "2010-09-09"
        Resources:
          AppRole:
            Type: AWS::IAM::Role
            Properties:
              Policies:
                - PolicyName: read
                  PolicyDocument:
                    Statement: [{Effect: Allow, Action: s3:GetObject
                    Version: "2012-10-17"
        """;
    var analysis = TemplateAssert.analyze(text);
    List<Finding> findings = TemplateAssert.findings(analysis);
    assertEquals(1, findings.size(), findings::toString);
    Finding error = findings.get(0);
    assertEquals(CloudFormationFormat.YAML_SYNTAX_ERROR, error.code());
    assertTrue(error.message().startsWith("YAML syntax error: "), error.message());
    TextPosition at = new LineIndex(text).positionAt(error.offset());
    assertEquals(9, at.line(), error::toString); // where the flow sequence is found unclosed
  }

  @Test
  void everyPrefixOfATemplateBeingTypedIsReadWithoutFailingAndAtMostOneSyntaxFinding() {
    String text =
        """
        AWSTemplateFormatVersion: "2010-09-09"
        Resources:
          AppRole:
            Type: AWS::IAM::Role
            Properties:
              AssumeRolePolicyDocument: {Version: "2012-10-17", Statement: [{Effect: Allow,
                Principal: {Service: !Sub "lambda.${AWS::URLSuffix}"}, Action: sts:AssumeRole}]}
              Policies:
                - !If
                  - IsProd
                  - PolicyName: read
                    PolicyDocument:
                      Version: "2012-10-17"
                      Statement:
                        - Effect: Allow
                          Action: [s3:GetObject, !Ref ExtraAction]
                          Resource: !Sub 'arn:${AWS::Partition}:s3:::${Bucket}/${!aws:username}/*'
                  - !Ref AWS::NoValue
          Key:
            Type: AWS::KMS::Key
            Properties:
              KeyPolicy: '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "*"}, "Action": "kms:*", "Resource": "*"}]}'
        """;
    for (int end = 0; end <= text.length(); end++) {
      String prefix = text.substring(0, end);
      var read = new CloudFormationFormat().read(prefix);
      if (read.isPresent()) {
        var analysis =
            dev.iampolicyls.service.PolicyLanguageService.bundled()
                .analyzeEmbedded(prefix, null, dev.iampolicyls.config.AnalysisSettings.DEFAULT)
                .orElseThrow();
        int syntax = analysis.document().syntaxFindings().size();
        assertTrue(syntax <= 1, () -> "at " + prefix.length() + ": " + analysis.document());
        for (Finding f : TemplateAssert.findings(analysis)) {
          assertTrue(f.offset() >= 0 && f.end() <= prefix.length(), () -> f + " in\n" + prefix);
        }
      }
    }
  }

  @Test
  void whileOneResourceIsBeingTypedTheOthersAreStillChecked() {
    String marked =
        """
        Resources:
          Reader:
            Type: AWS::IAM::ManagedPolicy
            Properties:
              PolicyDocument:
                Version: "2012-10-17"
                Statement:
                  - {Effect: Allow, Action: «s3:GetObjekt», Resource: "*"}
          Typing:
            Type: AWS::IAM::ManagedPolicy
            Properties:
              PolicyDocument:
                Statement:
                  - {Effect: Allow, Action: [s3:GetObject, Resource: "*"}
          Writer:
            Type: AWS::IAM::ManagedPolicy
            Properties:
              PolicyDocument:
                Version: "2012-10-17"
                Statement:
                  - {Effect: Allow, Action: «s3:PutObjekt», Resource: "*"}
        """;
    var analysis = TemplateAssert.analyze(TemplateAssert.unmark(marked).text());
    List<String> codes =
        TemplateAssert.findings(analysis).stream().map(f -> f.code().id()).toList();
    assertEquals(List.of("INVALID_ACTION", "YAML_SYNTAX_ERROR", "INVALID_ACTION"), codes);
    List<int[]> spans = TemplateAssert.unmark(marked).spans();
    List<Finding> actions =
        TemplateAssert.findings(analysis).stream()
            .filter(f -> f.code().id().equals("INVALID_ACTION"))
            .toList();
    assertEquals(spans.get(0)[0], actions.get(0).offset());
    assertEquals(spans.get(1)[0], actions.get(1).offset());
    assertEquals(
        List.of("Resources/Reader/PolicyDocument", "Resources/Writer/PolicyDocument"),
        analysis.policies().stream().map(p -> p.policy().name()).toList());
  }

  @Test
  void aBrokenYamlFileThatIsNoTemplateSaysNothing() {
    TemplateAssert.assertNotATemplate("name: CI\non: [push\njobs: {build: 1}\nResources: x\n");
  }

  @Test
  void aJsonTemplateWithASyntaxErrorStillHasItsPolicies() {
    assertFindings(
        """
        {"Resources": {"P": {"Type": "AWS::IAM::Policy", "Properties": {"PolicyDocument": {
          "Version": "2012-10-17",
          "Statement": [{"Effect": "Allow", "Action": «"s3:GetObjekt"», "Resource": "*"}]}}}}«,»
        }
        """,
        "INVALID_ACTION",
        "JSON_SYNTAX_ERROR");
  }
}
