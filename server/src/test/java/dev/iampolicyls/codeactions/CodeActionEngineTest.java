package dev.iampolicyls.codeactions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.iampolicyls.catalog.Catalog;
import dev.iampolicyls.service.PolicyLanguageService;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Code actions: text in, the text after applying the edits out. */
class CodeActionEngineTest {
  private static final PolicyLanguageService SERVICE = new PolicyLanguageService(Catalog.bundled());

  /** Applies non-overlapping edits, last first so earlier offsets stay valid. */
  static String apply(String text, List<TextEdit> edits) {
    List<TextEdit> sorted = new ArrayList<>(edits);
    sorted.sort(Comparator.comparingInt(TextEdit::offset).reversed());
    StringBuilder sb = new StringBuilder(text);
    for (TextEdit e : sorted) {
      sb.replace(e.offset(), e.offset() + e.length(), e.newText());
    }
    return sb.toString();
  }

  /** The actions offered with the cursor on the first occurrence of {@code at}. */
  private static List<PolicyCodeAction> at(String text, String at) {
    int offset = text.indexOf(at) + 1;
    return SERVICE.codeActions(text, offset, offset, null);
  }

  private static PolicyCodeAction titled(List<PolicyCodeAction> actions, String start) {
    return actions.stream()
        .filter(a -> a.title().startsWith(start))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no action " + start + " in " + actions));
  }

  @Test
  void serviceWildcardInAnArrayBecomesReadActionsOnePerLine() {
    String text =
        String.join(
            "\n",
            "{",
            "    \"Version\": \"2012-10-17\",",
            "    \"Statement\": [{",
            "        \"Effect\": \"Allow\",",
            "        \"Action\": [",
            "            \"ec2:DescribeInstances\",",
            "            \"cloudtrail:*\"",
            "        ],",
            "        \"Resource\": \"*\"",
            "    }]",
            "}");
    PolicyCodeAction read =
        titled(at(text, "\"cloudtrail:*\""), "Replace \"cloudtrail:*\" with its Read actions");
    assertEquals(PolicyCodeAction.QUICK_FIX, read.kind());
    assertNotNull(read.fixes());
    assertEquals("SERVICE_WILDCARD", read.fixes().code().id());
    String after = apply(text, read.edits());
    assertTrue(
        after.contains(
            "            \"ec2:DescribeInstances\",\n"
                + "            \"cloudtrail:DescribeQuery\",\n"
                + "            \"cloudtrail:DescribeTrails\",\n"),
        after);
    assertTrue(after.contains("\"cloudtrail:LookupEvents\""), after);
    assertTrue(!after.contains("\"cloudtrail:StartLogging\""), after);
    assertTrue(!after.contains("cloudtrail:*"), after);
    // The result is still a policy, now without the wildcard.
    assertTrue(
        SERVICE.analyze(after, null, false).findings().stream()
            .noneMatch(
                f ->
                    f.code().id().equals("SERVICE_WILDCARD")
                        || f.code().id().equals("JSON_SYNTAX_ERROR")));
  }

  @Test
  void aSingleStringBecomesAnArrayInTheDocumentsIndentation() {
    String text =
        "{\n"
            + "  \"Statement\": {\n"
            + "    \"Effect\": \"Allow\",\n"
            + "    \"Action\": \"s3:GetObject*\",\n"
            + "    \"Resource\": \"arn:aws:s3:::b/*\"\n"
            + "  }\n"
            + "}";
    PolicyCodeAction list =
        titled(at(text, "\"s3:GetObject*\""), "Replace \"s3:GetObject*\" with the ");
    assertEquals(PolicyCodeAction.REWRITE, list.kind()); // no finding on a narrow pattern
    String after = apply(text, list.edits());
    assertTrue(
        after.startsWith(
            "{\n  \"Statement\": {\n    \"Effect\": \"Allow\",\n    \"Action\": [\n"
                + "      \"s3:GetObject\",\n      \"s3:GetObjectAcl\",\n"),
        after);
    assertTrue(after.contains("\"\n    ],\n    \"Resource\""), after);
  }

  @Test
  void resourceStarBecomesTheArnFormatsOfTheActions() {
    String text =
        "{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"Allow\", \"Action\":"
            + " [\"s3:PutObject\", \"s3:DeleteObject\"], \"Resource\": \"*\"}]}";
    List<PolicyCodeAction> actions = at(text, "\"*\"");
    PolicyCodeAction arns = titled(actions, "Replace \"*\" with the ARNs");
    assertEquals("RESOURCE_STAR", arns.fixes().code().id());
    assertEquals(
        "{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"Allow\", \"Action\":"
            + " [\"s3:PutObject\", \"s3:DeleteObject\"], \"Resource\": [\"arn:aws:s3:${Region}:"
            + "${Account}:accesspoint/${AccessPointName}/object/${ObjectName}\","
            + " \"arn:aws:s3:::${BucketName}/${ObjectName}\"]}]}",
        apply(text, arns.edits()));
  }

  @Test
  void resourceStarIsNotRewrittenWhenAnActionOnlyWorksOnStar() {
    String text =
        "{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"Allow\", \"Action\":"
            + " [\"s3:PutObject\", \"s3:ListAllMyBuckets\"], \"Resource\": \"*\"}]}";
    assertTrue(at(text, "\"*\"").stream().noneMatch(a -> a.title().contains("ARNs")));
  }

  @Test
  void shortNotActionIsRewrittenAsTheActionsItGrants() {
    String text =
        "{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"Allow\", \"NotAction\":"
            + " [\"sqs:Delete*\", \"sqs:Purge*\"], \"Resource\": \"arn:aws:sqs:us-east-1:123456789012:jobs\"}]}";
    PolicyCodeAction rewrite = titled(at(text, "NotAction"), "Rewrite NotAction");
    assertEquals("ALLOW_WITH_NOT_ACTION", rewrite.fixes().code().id());
    String after = apply(text, rewrite.edits());
    assertTrue(after.contains("\"Action\": [\"sqs:AddPermission\", "), after);
    assertTrue(after.contains("\"sqs:SendMessage\""), after);
    assertTrue(!after.contains("sqs:DeleteMessage") && !after.contains("NotAction"), after);
  }

  @Test
  void nothingIsOfferedForExactActionsOrNotActionOnEveryResource() {
    String exact =
        "{\"Statement\": [{\"Effect\": \"Allow\", \"Action\": \"s3:GetObject\","
            + " \"Resource\": \"arn:aws:s3:::b/*\"}]}";
    // Refactorings (string to array) may be offered; no narrowing is.
    assertEquals(List.of(), narrowing(at(exact, "\"s3:GetObject\"")));
    String everything =
        "{\"Statement\": [{\"Effect\": \"Allow\", \"NotAction\": \"iam:*\", \"Resource\": \"*\"}]}";
    assertEquals(List.of(), narrowing(at(everything, "NotAction")));
  }

  private static List<PolicyCodeAction> narrowing(List<PolicyCodeAction> actions) {
    return actions.stream()
        .filter(a -> a.title().startsWith("Replace") || a.title().startsWith("Rewrite NotAction"))
        .toList();
  }
}
