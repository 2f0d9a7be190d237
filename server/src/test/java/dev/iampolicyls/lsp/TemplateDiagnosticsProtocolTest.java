package dev.iampolicyls.lsp;

import static org.junit.jupiter.api.Assertions.*;

import dev.iampolicyls.catalog.Catalog;
import dev.iampolicyls.service.PolicyLanguageService;
import java.util.List;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Diagnostics for the policies inside CloudFormation templates, at the template's positions. */
class TemplateDiagnosticsProtocolTest {
  private static final String URI = "file:///stack/template.yaml";

  private static final String TEMPLATE =
      """
      AWSTemplateFormatVersion: "2010-09-09"
      Resources:
        Reader:
          Type: AWS::IAM::ManagedPolicy
          Properties:
            PolicyDocument:
              Version: "2012-10-17"
              Statement:
                - Effect: Allow
                  Action: s3:GetObjekt
                  Resource: !Sub "arn:${AWS::Partition}:s3:::${Bucket}/${aws:username}/*"
        Writer:
          Type: AWS::IAM::ManagedPolicy
          Properties:
            PolicyDocument:
              Version: "2012-10-17"
              Statement:
                - Effect: Allow
                  Action: s3:PutObject
                  Resource: !Sub "arn:aws:s3:::${Bucket}/*"
      """;

  private final PolicyLanguageServer server =
      new PolicyLanguageServer(new PolicyLanguageService(Catalog.bundled()), 0);
  private final RecordingClient client = new RecordingClient();

  @AfterEach
  void stop() {
    server.documents().stop();
  }

  private PublishDiagnosticsParams open(String uri, String languageId, String text)
      throws InterruptedException {
    server.connect(client);
    server
        .documents()
        .didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(uri, languageId, 1, text)));
    return client.await(uri, 1);
  }

  private static List<String> described(PublishDiagnosticsParams p) {
    return p.getDiagnostics().stream()
        .map(
            d ->
                d.getCode().getLeft()
                    + " "
                    + d.getRange().getStart().getLine()
                    + ":"
                    + d.getRange().getStart().getCharacter()
                    + "-"
                    + d.getRange().getEnd().getLine()
                    + ":"
                    + d.getRange().getEnd().getCharacter())
        .toList();
  }

  @Test
  void publishesTheTemplatesFindingsAtTemplatePositions() throws Exception {
    PublishDiagnosticsParams p = open(URI, "yaml", TEMPLATE);
    // Line 10 is the !Sub string: the finding covers ${aws:username} inside it.
    assertEquals(
        List.of("INVALID_ACTION 9:20-9:32", "UNESCAPED_POLICY_VARIABLE_IN_SUB 10:65-10:80"),
        described(p));
  }

  @Test
  void staysSilentOnYamlThatIsNotATemplate() throws Exception {
    String workflow =
        """
        name: build
        on: [push]
        jobs:
          test:
            runs-on: ubuntu-latest
            steps:
              - run: echo "Statement: Resources"
        """;
    assertEquals(
        List.of(),
        open("file:///repo/.github/workflows/build.yml", "yaml", workflow).getDiagnostics());
  }

  @Test
  void aBrokenResourceGivesOneSyntaxErrorAndTheOthersKeepTheirFindings() throws Exception {
    open(URI, "yaml", TEMPLATE);
    String broken = TEMPLATE.replace("Action: s3:PutObject", "Action: [s3:PutObject");
    server
        .documents()
        .didChange(
            new DidChangeTextDocumentParams(
                new VersionedTextDocumentIdentifier(URI, 2),
                List.of(new TextDocumentContentChangeEvent(broken))));
    List<String> codes =
        client.await(URI, 2).getDiagnostics().stream().map(d -> d.getCode().getLeft()).toList();
    assertEquals(
        List.of("YAML_SYNTAX_ERROR", "INVALID_ACTION", "UNESCAPED_POLICY_VARIABLE_IN_SUB"), codes);
  }
}
