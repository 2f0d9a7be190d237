package dev.iampolicyls.codeactions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.iampolicyls.config.AnalysisSettings;
import dev.iampolicyls.service.CancelChecker;
import dev.iampolicyls.service.EmbeddedAnalysis;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Quick fixes and refactorings inside templates, template text in and text out: YAML stays YAML in
 * the style of the place (block or flow, quoting, indentation), JSON templates stay JSON, a policy
 * given as a JSON string stays a JSON string, and a value written through {@code !Sub} changes only
 * at its own characters. Every result must still read as a template without a syntax error.
 */
class TemplateFixesTest {

  private static EmbeddedAnalysis analyze(String template) {
    return FixAssert.SERVICE
        .analyzeEmbedded(template, null, AnalysisSettings.DEFAULT)
        .orElseThrow(() -> new AssertionError("not a template:\n" + template));
  }

  /** The actions with the cursor just inside the first occurrence of {@code at}. */
  private static List<PolicyCodeAction> offered(String template, String at) {
    int i = template.indexOf(at);
    assertTrue(i >= 0, "no " + at + " in the template");
    return FixAssert.SERVICE.codeActions(analyze(template), i + 1, i + 1, CancelChecker.NEVER);
  }

  /** Applies the action whose title starts with {@code title}; the result must still read. */
  private static String fixed(String template, String at, String title) {
    List<PolicyCodeAction> actions = offered(template, at);
    PolicyCodeAction action =
        actions.stream()
            .filter(a -> a.title().startsWith(title))
            .findFirst()
            .orElseThrow(
                () -> new AssertionError("no " + title + " in " + FixAssert.titles(actions)));
    String after = CodeActionEngineTest.apply(template, action.edits());
    EmbeddedAnalysis reread = analyze(after);
    assertEquals(List.of(), reread.document().syntaxFindings(), () -> "broken:\n" + after);
    assertEquals(
        analyze(template).policies().size(), reread.policies().size(), () -> "lost:\n" + after);
    return after;
  }

  private static void assertNotOffered(String template, String at, String title) {
    List<String> titles = FixAssert.titles(offered(template, at));
    assertTrue(titles.stream().noneMatch(t -> t.startsWith(title)), () -> "offered: " + titles);
  }

  private static final String BLOCK =
      """
      Resources:
        Reader:
          Type: AWS::IAM::ManagedPolicy
          Properties:
            PolicyDocument:
              Statement:
                - Sid: Read
                  Effect: Allow
                  Action:
                    - 's3:GetObjects'
                    - s3:Get*
                    - s3:GetObject
                  Resource: '*'
                - Action: [s3:ListBucket, s3:GetObjectAcl, s3:GetObject*]
                  Resource: arn:aws:s3:::bucket
                  Condition:
                    StringLike:
                      aws:PrincipalTag/team: '*'
      """;

  @Test
  void yamlReplacedValueKeepsItsQuotes() {
    assertEquals(
        BLOCK.replace("'s3:GetObjects'", "'s3:GetObject'"),
        fixed(BLOCK, "s3:GetObjects", "Change to \"s3:GetObject\""));
  }

  @Test
  void yamlMemberGoesOnItsOwnLineAtItsSiblingsColumn() {
    assertEquals(
        BLOCK.replace(
            "      PolicyDocument:\n", "      PolicyDocument:\n        Version: '2012-10-17'\n"),
        fixed(BLOCK, "Statement:", "Add \"Version\""));
  }

  @Test
  void yamlMemberAddedFirstToAListItemGoesAfterTheDash() {
    assertEquals(
        BLOCK.replace(
            "          - Action: [s3:ListBucket",
            "          - Effect: Deny\n            Action: [s3:ListBucket"),
        fixed(BLOCK, "Action: [", "Add \"Effect\": \"Deny\""));
  }

  @Test
  void yamlBlockItemIsRemovedWithItsLine() {
    assertEquals(
        BLOCK.replace("              - s3:GetObject\n", ""),
        fixed(BLOCK, "s3:GetObject\n", "Remove \"s3:GetObject\""));
  }

  @Test
  void yamlFlowItemIsRemovedWithItsComma() {
    assertEquals(
        BLOCK.replace("s3:ListBucket, s3:GetObjectAcl, ", "s3:ListBucket, "),
        fixed(BLOCK, "s3:GetObjectAcl", "Remove \"s3:GetObjectAcl\""));
  }

  @Test
  void yamlNewNestedMemberIsABlockAndYamlKeywordsAreQuoted() {
    assertEquals(
        BLOCK.replace(
            "              StringLike:\n                aws:PrincipalTag/team: '*'",
            "              'Null':\n                aws:PrincipalTag/team: 'false'"),
        fixed(BLOCK, "aws:PrincipalTag", "Rewrite as {\"Null\""));
  }

  @Test
  void yamlBlockItemsBecomeSeveralAndFlowListsStayFlow() {
    String template =
        """
        Resources:
          P:
            Type: AWS::IAM::Policy
            Properties:
              PolicyName: p
              PolicyDocument:
                Version: '2012-10-17'
                Statement:
                  - Effect: Allow
                    Action: cloudshell:*
                    Resource: '*'
                  - Effect: Allow
                    Action: [sqs:SendMessage, sns:Publish]
                    Resource: arn:aws:sns:us-east-1:111122223333:topic
        """;
    assertEquals(
        template.replace(
            "Action: cloudshell:*",
            "Action:\n              - cloudshell:ApproveCommand\n"
                + "              - cloudshell:GetEnvironmentStatus"),
        fixed(template, "cloudshell:*", "Replace \"cloudshell:*\" with its Read actions"));
    assertEquals(
        template.replace(
            "          - Effect: Allow\n            Action: [sqs:SendMessage, sns:Publish]\n"
                + "            Resource: arn:aws:sns:us-east-1:111122223333:topic",
            "          - Effect: Allow\n            Action: [sqs:SendMessage]\n"
                + "            Resource: arn:aws:sns:us-east-1:111122223333:topic\n"
                + "          - Effect: Allow\n            Action: [sns:Publish]\n"
                + "            Resource: arn:aws:sns:us-east-1:111122223333:topic"),
        fixed(template, "sns:Publish", "Split into one statement per service"));
  }

  @Test
  void yamlStringAndListToggleInTheirStyle() {
    String template =
        """
        Resources:
          P:
            Type: AWS::IAM::Policy
            Properties:
              PolicyName: p
              PolicyDocument:
                Version: '2012-10-17'
                Statement:
                  - Effect: Allow
                    Action: sqs:SendMessage
                    Resource: [arn:aws:sqs:us-east-1:111122223333:queue]
        """;
    assertEquals(
        template.replace("Action: sqs:SendMessage", "Action:\n              - sqs:SendMessage"),
        fixed(template, "sqs:SendMessage", "Make Action an array"));
    assertEquals(
        template.replace(
            "[arn:aws:sqs:us-east-1:111122223333:queue]",
            "arn:aws:sqs:us-east-1:111122223333:queue"),
        fixed(template, "arn:aws:sqs", "Make Resource a single string"));
  }

  @Test
  void subStringChangesOnlyAtItsOwnCharacters() {
    String template =
        """
        Resources:
          P:
            Type: AWS::IAM::Policy
            Properties:
              PolicyName: p
              PolicyDocument:
                Version: '2012-10-17'
                Statement:
                  - Effect: Allow
                    Action: lambda:InvokeFunction
                    Resource: !Sub 'arn:${AWS::Partition}:lambda:${AWS::Region}:${AWS::AccountId}:function/*'
        """;
    assertEquals(
        template.replace("function/*", "function:*"),
        // The title quotes the template's characters, not the stand-ins read for the references.
        fixed(template, "function/*", "Change \"function/*\" to \"function:*\""));
    // The policy variable's escape goes in at its exact characters too.
    String variable = template.replace("function/*", "function:${aws:username}-*");
    assertEquals(
        variable.replace("${aws:username}", "${!aws:username}"),
        fixed(variable, "${aws:username}", "Escape it for Fn::Sub"));
  }

  @Test
  void jsonTemplateFixesAreJson() {
    String template =
        """
        {
          "Resources": {
            "P": {
              "Type": "AWS::IAM::ManagedPolicy",
              "Properties": {
                "PolicyDocument": {
                  "Statement": [
                    {"Effect": "Allow", "Action": "s3:GetObjects", "Resource": "*"}
                  ]
                }
              }
            }
          }
        }
        """;
    assertEquals(
        template.replace(
            "          \"Statement\": [",
            "          \"Version\": \"2012-10-17\",\n          \"Statement\": ["),
        fixed(template, "{\n          \"Statement\"", "Add \"Version\""));
    assertEquals(
        template.replace("s3:GetObjects", "s3:GetObject"),
        fixed(template, "s3:GetObjects", "Change to \"s3:GetObject\""));
  }

  @Test
  void policyGivenAsAYamlStringStaysAJsonString() {
    String template =
        """
        Resources:
          Q:
            Type: AWS::SQS::QueuePolicy
            Properties:
              Queues: [!Ref Queue]
              PolicyDocument: '{"Statement": [{"Effect": "Allow", "Principal": {"AWS": "111122223333"}, "Action": "sqs:SendMessages", "Resource": "*"}]}'
        """;
    assertEquals(
        template.replace("'{\"Statement\"", "'{\"Version\": \"2012-10-17\", \"Statement\""),
        fixed(template, "{\"Statement\"", "Add \"Version\""));
    assertEquals(
        template.replace("sqs:SendMessages", "sqs:SendMessage"),
        fixed(template, "sqs:SendMessages", "Change to \"sqs:SendMessage\""));
  }

  @Test
  void policyGivenAsAJsonStringInAJsonTemplateIsEscaped() {
    String template =
        """
        {"Resources": {"Q": {"Type": "AWS::SQS::QueuePolicy", "Properties": {
          "PolicyDocument": "{\\"Statement\\": [{\\"Effect\\": \\"Allow\\", \\"Principal\\": \\"*\\", \\"Action\\": \\"sqs:SendMessage\\", \\"Resource\\": \\"*\\"}]}"}}}}
        """;
    assertEquals(
        template.replace(
            "\"{\\\"Statement\\\"", "\"{\\\"Version\\\": \\\"2012-10-17\\\", \\\"Statement\\\""),
        fixed(template, "{\\\"Statement", "Add \"Version\""));
  }

  @Test
  void anItemBroughtInByAnIfIsNeitherRemovedNorMoved() {
    String template =
        """
        Conditions:
          C: !Equals [!Ref Env, prod]
        Resources:
          P:
            Type: AWS::IAM::ManagedPolicy
            Properties:
              PolicyDocument:
                Version: '2012-10-17'
                Statement:
                  - Effect: Allow
                    Action: [s3:Get*, !If [C, s3:GetObject, !Ref AWS::NoValue]]
                    Resource: '*'
        """;
    assertNotOffered(template, "s3:GetObject,", "Remove");
    assertNotOffered(template, "s3:GetObject,", "Sort");
  }

  @Test
  void aNestedTemplateGivenAsBlockTextIsEditedAsYaml() {
    String template =
        """
        Resources:
          Set:
            Type: AWS::CloudFormation::StackSet
            Properties:
              StackSetName: s
              TemplateBody: |
                Resources:
                  P:
                    Type: AWS::IAM::ManagedPolicy
                    Properties:
                      PolicyDocument:
                        Version: '2012-10-17'
                        Statement:
                          - Effect: Allow
                            Action: s3:GetObjects
                            Resource: '*'
        """;
    assertEquals(
        template.replace("s3:GetObjects", "s3:GetObject"),
        fixed(template, "s3:GetObjects", "Change to \"s3:GetObject\""));
  }

  @Test
  void aNestedYamlTemplateInAQuotedStringGetsNoEdits() {
    String template =
        """
        {"Resources": {"Set": {"Type": "AWS::CloudFormation::StackSet", "Properties": {
          "TemplateBody": "Resources:\\n  P:\\n    Type: AWS::IAM::ManagedPolicy\\n    Properties:\\n      PolicyDocument:\\n        Statement:\\n          - {Effect: Allow, Action: s3:GetObjects, Resource: '*'}\\n"}}}}
        """;
    assertEquals(1, analyze(template).policies().size(), "the nested policy is checked");
    assertEquals(List.of(), offered(template, "s3:GetObjects"));
  }

  private static final String CONDITIONS =
      """
      Resources:
        P:
          Type: AWS::IAM::ManagedPolicy
          Properties:
            PolicyDocument:
              Version: "2012-10-17"
              Statement:
                - {Action: s3:GetObject, Resource: "arn:aws:s3:::b/*"}
                - Sid: Tags
                  Effect: Allow
                  Action: ec2:CreateTags
                  Resource: "*"
                  Condition:
                    StringEquals:
                      aws:TagKeys: [team, env]
                    StringLike:
                      aws:RequestTag/team: "*"
                    Null:
                      aws:RequestTag/env: "false"
                - Effect: Allow
                  Action: s3:ListBucket
                  Resource: []
      """;

  @Test
  void yamlFlowMappingGetsItsMemberInFlow() {
    assertEquals(
        CONDITIONS.replace("- {Action: s3:GetObject", "- {Effect: Allow, Action: s3:GetObject"),
        fixed(CONDITIONS, "Action: s3:GetObject,", "Add \"Effect\": \"Allow\""));
  }

  @Test
  void yamlPlainKeyTakesItsQualifierAtItsCharacters() {
    assertEquals(
        CONDITIONS.replace("  StringEquals:", "  ForAllValues:StringEquals:"),
        fixed(CONDITIONS, "aws:TagKeys", "Change the operator to ForAllValues"));
  }

  @Test
  void yamlKeyJoinsAnExistingBlockInTheTemplatesQuotes() {
    assertEquals(
        CONDITIONS
            .replace("              StringLike:\n                aws:RequestTag/team: \"*\"\n", "")
            .replace(
                "aws:RequestTag/env: \"false\"",
                "aws:RequestTag/env: \"false\"\n                aws:RequestTag/team: \"false\""),
        fixed(CONDITIONS, "aws:RequestTag/team", "Rewrite as {\"Null\""));
  }

  @Test
  void yamlMemberIsRemovedWithItsLine() {
    assertEquals(
        CONDITIONS.replace("            Resource: []\n", ""),
        fixed(CONDITIONS, "[]", "Remove the empty \"Resource\""));
  }

  @Test
  void yamlNewLinesTakeTheTemplatesLineBreaks() {
    String crlf = BLOCK.replace("\n", "\r\n");
    assertEquals(
        crlf.replace(
            "      PolicyDocument:\r\n",
            "      PolicyDocument:\r\n        Version: '2012-10-17'\r\n"),
        fixed(crlf, "Statement:", "Add \"Version\""));
    assertEquals(
        crlf.replace("              - s3:GetObject\r\n", ""),
        fixed(crlf, "s3:GetObject\r\n", "Remove \"s3:GetObject\""));
  }

  private static final String REWRITES =
      """
      Resources:
        P:
          Type: AWS::IAM::ManagedPolicy
          Properties:
            PolicyDocument:
              Version: '2012-10-17'
              Statement:
                - Sid: One
                  Effect: allow
                  Action: [s3:getobject, sqs:SendMessage]
                  Resource: arn:aws:s3:::b/*
                - Sid: One
                  Effect: Deny
                  Action: cloudshell:Get*
                  Resource: '*'
                - Effect: Allow
                  Action:
                    - cloudshell:GetFileUploadUrls
                    - cloudshell:GetFileDownloadUrls
                    - cloudshell:GetEnvironmentStatus
                  Resource: '*'
      """;

  @Test
  void yamlValueFixesWriteScalarsInPlace() {
    assertEquals(
        REWRITES.replace("Effect: allow", "Effect: Allow"),
        fixed(REWRITES, "allow", "Change Effect to \"Allow\""));
    assertEquals(
        REWRITES.replace(
            "- Sid: One\n            Effect: Deny", "- Sid: One2\n            Effect: Deny"),
        fixed(REWRITES, "One\n            Effect: Deny", "Rename the Sid to \"One2\""));
    assertEquals(
        REWRITES.replace("s3:getobject", "s3:GetObject"),
        fixed(REWRITES, "s3:getobject", "Write \"s3:GetObject\" in its exact case"));
  }

  @Test
  void yamlListRewritesKeepBlockLists() {
    String expanded =
        "Action:\n"
            + "              - cloudshell:GetEnvironmentStatus\n"
            + "              - cloudshell:GetFileDownloadUrls\n"
            + "              - cloudshell:GetFileUploadUrls";
    assertEquals(
        REWRITES.replace("Action: cloudshell:Get*", expanded),
        fixed(REWRITES, "cloudshell:Get*", "Replace \"cloudshell:Get*\" with the 3 actions"));
    String listed =
        "Action:\n"
            + "              - cloudshell:GetFileUploadUrls\n"
            + "              - cloudshell:GetFileDownloadUrls\n"
            + "              - cloudshell:GetEnvironmentStatus";
    assertEquals(
        REWRITES.replace(listed, expanded),
        fixed(REWRITES, "cloudshell:GetFileUploadUrls", "Sort the Action list"));
    assertEquals(
        REWRITES.replace(listed, "Action: cloudshell:Get*"),
        fixed(REWRITES, "cloudshell:GetFileUploadUrls", "Collapse the 3 actions"));
  }

  @Test
  void yamlNarrowingFixesKeepTheValuesStyle() {
    String template =
        """
        Resources:
          P:
            Type: AWS::IAM::ManagedPolicy
            Properties:
              PolicyDocument:
                Version: '2012-10-17'
                Statement:
                  - Effect: Allow
                    Action: [sqs:SendMessage, sqs:ReceiveMessage]
                    Resource: '*'
                  - Effect: Allow
                    NotAction: [iam:*, organizations:*]
                    Resource: arn:aws:sqs:us-east-1:111122223333:queue
        """;
    assertEquals(
        template.replace(
            "Resource: '*'", "Resource: 'arn:aws:sqs:${Region}:${Account}:${QueueName}'"),
        fixed(template, "'*'", "Replace \"*\" with the ARNs"));
    String rewritten = fixed(template, "NotAction", "Rewrite NotAction as the");
    String line =
        rewritten.lines().filter(l -> l.contains("Action: [")).skip(1).findFirst().orElseThrow();
    assertTrue(
        line.startsWith("            Action: [sqs:") && line.endsWith("]") && !line.contains("\""),
        line);
  }

  @Test
  void aLambdaPermissionIsNoPolicyDocumentToEdit() {
    String template =
        """
        Resources:
          Perm:
            Type: AWS::Lambda::Permission
            Properties:
              Action: lambda:*
              FunctionName: !Ref Fn
              Principal: s3.amazonaws.com
        """;
    assertEquals(1, analyze(template).policies().size());
    assertEquals(List.of(), offered(template, "lambda:*"));
  }

  @Test
  void titlesQuoteTheTemplatesTextForReferences() {
    String template =
        """
        Resources:
          Bucket:
            Type: AWS::S3::Bucket
          P:
            Type: AWS::IAM::ManagedPolicy
            Properties:
              PolicyDocument:
                Version: '2012-10-17'
                Statement:
                  - Effect: Allow
                    Action: s3:GetObject
                    Resource:
                      - !Sub '${Bucket.Arn}/*'
                      - !Sub '${Bucket.Arn}/reports/*'
        """;
    assertEquals(
        template.replace("              - !Sub '${Bucket.Arn}/reports/*'\n", ""),
        fixed(template, "reports", "Remove \"${Bucket.Arn}/reports/*\""));
  }
}
