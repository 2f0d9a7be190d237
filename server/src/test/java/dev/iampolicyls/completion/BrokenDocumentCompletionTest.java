package dev.iampolicyls.completion;

import static org.junit.jupiter.api.Assertions.*;

import dev.iampolicyls.policy.PolicyType;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Completion while the document is mid-edit, and where nothing can be typed. */
class BrokenDocumentCompletionTest {

  @Test
  void unterminatedStringValue() {
    String text =
        "{\n  \"Statement\": [{\n    \"Effect\": \"Allow\",\n    \"Action\": \"s3:GetObj|\n"
            + "    \"Resource\": \"*\"\n  }]\n}";
    Completions c = Completions.at(text);
    c.has("s3:GetObject");
    // The string is closed, and the comma the next member needs is added.
    assertEquals(
        "{\n  \"Statement\": [{\n    \"Effect\": \"Allow\",\n    \"Action\": \"s3:GetObject\",\n"
            + "    \"Resource\": \"*\"\n  }]\n}",
        c.apply("s3:GetObject"));
  }

  @Test
  void unterminatedKeyAtTheEndOfTheDocument() {
    Completions c = Completions.at("{\"Statement\": [{\"Effect\": \"Allow\", \"Act|");
    c.has("Action").lacks("Effect");
    assertEquals("{\"Statement\": [{\"Effect\": \"Allow\", \"Action\": \"\"", c.apply("Action"));
  }

  @Test
  void missingCommaBeforeTheCursor() {
    String text = "{\n  \"Statement\": {\n    \"Effect\": \"Allow\"\n    \"|\"\n  }\n}";
    Completions c = Completions.at(text);
    c.has("Action", "Resource").lacks("Effect");
    String applied = c.apply("Action");
    assertEquals(
        "{\n  \"Statement\": {\n    \"Effect\": \"Allow\"\n    \"Action\": \"\"\n  }\n}", applied);
    // No string yet after a member without comma: the comma goes right after that member.
    Completions bare =
        Completions.at("{\n  \"Statement\": {\n    \"Effect\": \"Allow\"\n    |\n  }\n}");
    assertEquals(
        "{\n  \"Statement\": {\n    \"Effect\": \"Allow\",\n    \"Action\": \"\"\n  }\n}",
        bare.apply("Action"));
  }

  @Test
  void emptyValueBeforeTheNextMember() {
    String text =
        "{\n  \"Statement\": {\n    \"Effect\": |\n    \"Action\": \"s3:GetObject\"\n  }\n}";
    Completions c = Completions.at(text);
    assertEquals(List.of("Allow", "Deny"), c.sortedLabels());
    assertEquals(
        "{\n  \"Statement\": {\n    \"Effect\": \"Allow\",\n    \"Action\": \"s3:GetObject\"\n  }\n}",
        c.apply("Allow"));
    // An empty value before a comma.
    Completions.at("{\"Statement\": {\"Effect\": |, \"Action\": \"*\"}}").has("Allow", "Deny");
  }

  @Test
  void trailingComma() {
    Completions c = Completions.at("{\"Statement\": [{\"Effect\": \"Allow\", |}]}");
    c.has("Action", "Resource").lacks("Effect");
    Completions items = Completions.at("{\"Statement\": [{\"Action\": [\"s3:GetObject\", |]}]}");
    items.has("s3:", "*");
    assertEquals(
        "{\"Statement\": [{\"Action\": [\"s3:GetObject\", \"s3:\"]}]}", items.apply("s3:"));
  }

  @Test
  void unclosedDocument() {
    Completions.at("{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [\n    {\n      |")
        .has("Effect", "Action");
  }

  @Test
  void bareValueWordIsQuoted() {
    Completions c = Completions.at("{\"Statement\": {\"Effect\": Al|}}");
    assertEquals(List.of("Allow"), c.labels());
    assertEquals("{\"Statement\": {\"Effect\": \"Allow\"}}", c.apply("Allow"));
  }

  @Test
  void snippetsOnlyWhereTheClientSupportsThem() {
    String text = "{\"Statement\": {|}}";
    CompletionItem plain = Completions.at(text).item("Action");
    assertFalse(plain.snippet());
    assertEquals("\"Action\": \"\"", plain.edit().newText());
    CompletionItem snippet = Completions.withSnippets(text).item("Action");
    assertTrue(snippet.snippet());
    assertEquals("\"Action\": \"$1\"", snippet.edit().newText());
    CompletionItem condition = Completions.withSnippets(text).item("Condition");
    assertEquals("\"Condition\": {$0\\}", condition.edit().newText());
    CompletionItem prefix =
        Completions.withSnippets("{\"Statement\": {\"Action\": \"s3|\"}}").item("s3:");
    assertEquals("\"s3:$0\"", prefix.edit().newText());
    assertEquals(
        "{\"Statement\": {\"Action\": \"s3:\"}}",
        Completions.apply("{\"Statement\": {\"Action\": \"s3\"}}", prefix).replace("$0", ""));
  }

  @Test
  void nothingWhereNothingCanBeTyped() {
    String policy = "{\"Statement\": {\"Effect\": \"Allow\", \"Action\": \"*\"}}";
    for (String marked :
        List.of(
            "|",
            "|" + policy,
            policy + "|",
            policy + "\n|",
            "{\"Statement\": {\"Effect\": \"Allow\"|, \"Action\": \"*\"}}",
            "{\"Statement\": {\"Sid\": 1|2}}",
            "[|]",
            "\"|\"",
            "{\"Statement\": {\"Effect\"|}}",
            "{\"Statement\": {\"Unknown\": {|}}}",
            "{\"Statement\": {\"Condition\": {\"Bool\": {\"aws:SecureTransport\": {|}}}}}")) {
      for (PolicyType type : new PolicyType[] {null, PolicyType.RESOURCE_POLICY}) {
        assertEquals(List.of(), Completions.at(marked, type).labels(), marked);
      }
    }
  }

  @Test
  void offsetsOutsideTheTextGiveNothing() {
    CompletionEngine engine = new CompletionEngine(dev.iampolicyls.catalog.Catalog.bundled());
    assertEquals(CompletionResult.EMPTY, engine.complete("{}", -1, null, CompletionOptions.PLAIN));
    assertEquals(CompletionResult.EMPTY, engine.complete("{}", 99, null, CompletionOptions.PLAIN));
  }

  @Test
  void everyOffsetOfABrokenPolicyIsSafe() {
    String text =
        "{\n \"Version\": \"2012-10-17\",\n \"Statement\": [\n  {\"Effect\": \"Allow\"\n"
            + "   \"Action\": [\"s3:Get*\", \"iam:Pass\n   \"Resource\": \"arn:aws:s3:::b/${aws:\",\n"
            + "   \"Condition\": {\"StringLike\": {\"aws:PrincipalTag/x\": [\"a\", ]}, \"Bool\": \n"
            + "  },\n  {\"Principal\": {\"AWS\": \"arn:aws:iam::1:root\", \"Service\": [}}";
    CompletionEngine engine = new CompletionEngine(dev.iampolicyls.catalog.Catalog.bundled());
    for (int offset = 0; offset <= text.length(); offset++) {
      for (CompletionOptions options :
          List.of(CompletionOptions.PLAIN, CompletionOptions.SNIPPETS)) {
        CompletionResult result = engine.complete(text, offset, null, options);
        for (CompletionItem item : result.items()) {
          assertTrue(item.edit().offset() <= offset && offset <= item.edit().end(), item.label());
        }
      }
    }
  }
}
