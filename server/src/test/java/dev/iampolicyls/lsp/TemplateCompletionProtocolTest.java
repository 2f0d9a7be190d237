package dev.iampolicyls.lsp;

import static org.junit.jupiter.api.Assertions.*;

import dev.iampolicyls.catalog.Catalog;
import dev.iampolicyls.service.PolicyLanguageService;
import java.util.List;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Completion and hover over LSP in an open YAML template, at the template's positions. */
class TemplateCompletionProtocolTest {
  private static final String URI = "file:///stack/template.yaml";

  private static final String TEMPLATE =
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
                - Effect: Allow
                  Action: s3:GetObject
                  Resource: !Sub "${DataBucket.Arn}/*"
      """;

  private final PolicyLanguageServer server =
      new PolicyLanguageServer(new PolicyLanguageService(Catalog.bundled()), 0);
  private final RecordingClient client = new RecordingClient();

  @AfterEach
  void stop() {
    server.documents().stop();
  }

  private static final String JSON_URI = "file:///stack/template.json";

  private static final String JSON_TEMPLATE =
      """
      {
        "AWSTemplateFormatVersion": "2010-09-09",
        "Resources": {
          "DataBucket": {"Type": "AWS::S3::Bucket"},
          "Reader": {
            "Type": "AWS::IAM::ManagedPolicy",
            "Properties": {
              "PolicyDocument": {
                "Version": "2012-10-17",
                "Statement": [
                  {"Effect": "Allow", "Action": "s3:GetObject", "Resource": "‸"}
                ]
              }
            }
          }
        }
      }
      """;

  private void open(String text) throws InterruptedException {
    open(URI, "yaml", text);
  }

  private void open(String uri, String language, String text) throws InterruptedException {
    server.connect(client);
    server
        .documents()
        .didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(uri, language, 1, text)));
    client.await(uri, 1);
  }

  private List<CompletionItem> complete(int line, int character) throws Exception {
    return complete(URI, new Position(line, character));
  }

  private List<CompletionItem> complete(String uri, Position position) throws Exception {
    return server
        .documents()
        .completion(new CompletionParams(new TextDocumentIdentifier(uri), position))
        .get()
        .getRight()
        .getItems();
  }

  /** The position of the cursor mark {@code ‸} in a text. */
  private static Position cursor(String marked) {
    String before = marked.substring(0, marked.indexOf('‸'));
    int lineStart = before.lastIndexOf('\n') + 1;
    return new Position(
        (int) before.chars().filter(c -> c == '\n').count(), before.length() - lineStart);
  }

  private static CompletionItem item(List<CompletionItem> items, String label) {
    return items.stream()
        .filter(i -> i.getLabel().equals(label))
        .findFirst()
        .orElseThrow(() -> new AssertionError("missing " + label));
  }

  @Test
  void completesAnActionAtTheTemplatesPositionInYaml() throws Exception {
    open(TEMPLATE.replace("Action: s3:GetObject", "Action: s3:GetOb"));
    // Line 11 is "            Action: s3:GetOb": the cursor after "GetOb".
    TextEdit edit = item(complete(11, 28), "s3:GetObject").getTextEdit().getLeft();
    assertEquals("s3:GetObject", edit.getNewText());
    assertEquals(new Range(new Position(11, 20), new Position(11, 28)), edit.getRange());
  }

  @Test
  void completesAKeyTypedOnANewLineWhileTheYamlDoesNotParse() throws Exception {
    open(TEMPLATE);
    String typing =
        TEMPLATE.replace("Action: s3:GetObject\n", "Action: s3:GetObject\n            Cond\n");
    server
        .documents()
        .didChange(
            new DidChangeTextDocumentParams(
                new VersionedTextDocumentIdentifier(URI, 2),
                List.of(new TextDocumentContentChangeEvent(typing))));
    TextEdit edit = item(complete(12, 16), "Condition").getTextEdit().getLeft();
    assertEquals("Condition:\n              ", edit.getNewText());
    assertEquals(new Range(new Position(12, 12), new Position(12, 16)), edit.getRange());
  }

  @Test
  void offersTheTemplatesBucketWhereAResourceIsTyped() throws Exception {
    open(TEMPLATE.replace("Resource: !Sub \"${DataBucket.Arn}/*\"", "Resource: "));
    List<String> labels = complete(12, 22).stream().map(CompletionItem::getLabel).toList();
    assertTrue(labels.contains("!Sub '${DataBucket.Arn}/*'"), labels.toString());
  }

  private void change(int version, String text) {
    change(URI, version, text);
  }

  private void change(String uri, int version, String text) {
    server
        .documents()
        .didChange(
            new DidChangeTextDocumentParams(
                new VersionedTextDocumentIdentifier(uri, version),
                List.of(new TextDocumentContentChangeEvent(text))));
  }

  /**
   * Where the resources are is found once per version: a bucket added above the policy by an edit
   * is offered at the next completion, whose cursor the new lines moved down, and the policy's own
   * resource is found at its new place.
   */
  @Test
  void aResourceAddedByAnEditIsOfferedAtTheNextCompletion() throws Exception {
    String typing = TEMPLATE.replace("Resource: !Sub \"${DataBucket.Arn}/*\"", "Resource: ");
    open(typing);
    List<String> before = complete(12, 22).stream().map(CompletionItem::getLabel).toList();
    assertTrue(before.contains("!Sub '${DataBucket.Arn}/*'"), before.toString());
    assertFalse(before.stream().anyMatch(l -> l.contains("Logs")), before.toString());
    change(2, typing.replace("  Reader:\n", "  Logs:\n    Type: AWS::S3::Bucket\n\n  Reader:\n"));
    // Three lines were added above the cursor's line.
    List<String> after = complete(15, 22).stream().map(CompletionItem::getLabel).toList();
    assertTrue(after.contains("!Sub '${Logs.Arn}/*'"), after.toString());
    assertTrue(after.contains("!Sub '${DataBucket.Arn}/*'"), after.toString());
    // The old position is now the Statement's "- Effect" line: no resource proposals there.
    List<String> old = complete(12, 22).stream().map(CompletionItem::getLabel).toList();
    assertFalse(old.contains("!Sub '${Logs.Arn}/*'"), old.toString());
  }

  /**
   * The same in a JSON template: its resources are also found once per version, so the bucket added
   * above the policy is offered, and the policy's resource found on the line it moved to.
   */
  @Test
  void aResourceAddedByAnEditToAJsonTemplateIsOfferedAtTheNextCompletion() throws Exception {
    open(JSON_URI, "json", JSON_TEMPLATE.replace("‸", ""));
    List<String> before =
        complete(JSON_URI, cursor(JSON_TEMPLATE)).stream().map(CompletionItem::getLabel).toList();
    assertTrue(before.contains("{\"Fn::Sub\": \"${DataBucket.Arn}/*\"}"), before.toString());
    assertFalse(before.stream().anyMatch(l -> l.contains("Logs")), before.toString());
    String edited =
        JSON_TEMPLATE.replace(
            "    \"Reader\": {",
            "    \"Logs\": {\"Type\": \"AWS::S3::Bucket\"},\n    \"Reader\": {");
    change(JSON_URI, 2, edited.replace("‸", ""));
    Position moved = cursor(edited);
    assertEquals(cursor(JSON_TEMPLATE).getLine() + 1, moved.getLine());
    List<String> after = complete(JSON_URI, moved).stream().map(CompletionItem::getLabel).toList();
    assertTrue(after.contains("{\"Fn::Sub\": \"${Logs.Arn}/*\"}"), after.toString());
    assertTrue(after.contains("{\"Fn::Sub\": \"${DataBucket.Arn}/*\"}"), after.toString());
    // Where the Resource's quotes were is now past the end of the Statement's line: no ARNs.
    List<String> old =
        complete(JSON_URI, cursor(JSON_TEMPLATE)).stream().map(CompletionItem::getLabel).toList();
    assertFalse(old.contains("{\"Fn::Sub\": \"${Logs.Arn}/*\"}"), old.toString());
  }

  /**
   * A JSON template read with CRLF line ends and non-ASCII text (an emoji is two UTF-16 units)
   * above the policy and before the cursor on its line: the edit lands at the template's UTF-16
   * positions, as only the policy's own characters are parsed.
   */
  @Test
  void aJsonTemplatesEditIsAtItsUtf16PositionWithCrlfAndNonAsciiText() throws Exception {
    String template =
        String.join(
            "\r\n",
            "{",
            "  \"Description\": \"Zugriff für Bücher 🪣 – ünïcode\",",
            "  \"Resources\": {",
            "    \"Reader\": {",
            "      \"Type\": \"AWS::IAM::ManagedPolicy\",",
            "      \"Properties\": {",
            "        \"PolicyDocument\": {\"Version\": \"2012-10-17\", \"Statement\": [",
            "          {\"Sid\": \"Lesen🪣\", \"Effect\": \"Allow\", \"Action\": \"s3:GetOb\"}",
            "        ]}",
            "      }",
            "    }",
            "  }",
            "}",
            "");
    open(JSON_URI, "json", template);
    // Line 7: ten spaces, {"Sid": "Lesen🪣" (the emoji two units), then "Action": "s3:GetOb
    // whose quote is at 58 and whose cursor after "GetOb" at 67.
    TextEdit edit =
        item(complete(JSON_URI, new Position(7, 67)), "s3:GetObject").getTextEdit().getLeft();
    assertEquals(new Range(new Position(7, 58), new Position(7, 68)), edit.getRange());
    assertTrue(edit.getNewText().contains("s3:GetObject"), edit.getNewText());
  }

  @Test
  void hoversAnActionAndTheSubThatNamesTheBucket() throws Exception {
    open(TEMPLATE);
    Hover action =
        server
            .documents()
            .hover(new HoverParams(new TextDocumentIdentifier(URI), new Position(11, 24)))
            .get();
    assertEquals(new Range(new Position(11, 20), new Position(11, 32)), action.getRange());
    assertTrue(action.getContents().getRight().getValue().contains("s3:GetObject"));
    Hover statement =
        server
            .documents()
            .hover(new HoverParams(new TextDocumentIdentifier(URI), new Position(10, 10)))
            .get();
    assertEquals(new Range(new Position(10, 10), new Position(10, 11)), statement.getRange());
    assertTrue(
        statement.getContents().getRight().getValue().contains("DataBucket"),
        statement.getContents().getRight().getValue());
  }
}
