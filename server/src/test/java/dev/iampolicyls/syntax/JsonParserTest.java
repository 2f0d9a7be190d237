package dev.iampolicyls.syntax;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import org.junit.jupiter.api.Test;

class JsonParserTest {

  private static JsonDocument parse(String text) {
    return JsonDocument.parse(text);
  }

  private static ObjectNode rootObject(JsonDocument doc) {
    return assertInstanceOf(ObjectNode.class, doc.root());
  }

  @Test
  void parsesAValidPolicyWithExactSpans() {
    String text =
        "{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [{\"Effect\": \"Allow\", \"N\": -1.5e3,"
            + " \"B\": true, \"Z\": null}]\n}";
    JsonDocument doc = parse(text);
    assertEquals(List.of(), doc.errors());
    ObjectNode root = rootObject(doc);
    assertEquals(0, root.offset());
    assertEquals(text.length(), root.end());
    assertTrue(root.closed());
    StringNode version = (StringNode) root.get("Version").orElseThrow();
    assertEquals("2012-10-17", version.value());
    assertEquals("\"2012-10-17\"", text.substring(version.offset(), version.end()));
    ArrayNode statements = (ArrayNode) root.get("Statement").orElseThrow();
    ObjectNode statement = (ObjectNode) statements.items().get(0);
    assertEquals("-1.5e3", ((NumberNode) statement.get("N").orElseThrow()).text());
    assertEquals(LiteralNode.Kind.TRUE, ((LiteralNode) statement.get("B").orElseThrow()).kind());
    assertEquals(LiteralNode.Kind.NULL, ((LiteralNode) statement.get("Z").orElseThrow()).kind());
    assertEquals(List.of("Statement", 0, "Effect"), statement.get("Effect").orElseThrow().path());
  }

  @Test
  void decodesEscapes() {
    JsonDocument doc = parse("[\"a\\\"b\\\\c\\u00e9\\n\"]");
    assertEquals(List.of(), doc.errors());
    StringNode s = (StringNode) ((ArrayNode) doc.root()).items().get(0);
    assertEquals("a\"b\\c\u00e9\n", s.value());
  }

  @Test
  void unterminatedStringEndsAtLineEndAndTheRestStillParses() {
    String text = "{\n  \"Action\": \"s3:Get\n  ,\"Resource\": \"*\"\n}";
    JsonDocument doc = parse(text);
    assertEquals(1, doc.errors().size(), doc.errors().toString());
    SyntaxError e = doc.errors().get(0);
    assertEquals(text.indexOf("\"s3:Get"), e.offset());
    ObjectNode root = rootObject(doc);
    StringNode action = (StringNode) root.get("Action").orElseThrow();
    assertEquals("s3:Get", action.value());
    assertFalse(action.terminated());
    assertEquals("*", ((StringNode) root.get("Resource").orElseThrow()).value());
  }

  @Test
  void missingCommaIsReportedAndBothPropertiesKept() {
    String text = "{\"Effect\": \"Allow\"\n \"Action\": \"s3:GetObject\"}";
    JsonDocument doc = parse(text);
    assertEquals(1, doc.errors().size());
    assertEquals(text.indexOf("\"Action\""), doc.errors().get(0).offset());
    assertEquals(2, rootObject(doc).properties().size());
  }

  @Test
  void missingColonIsReported() {
    String text = "{\"Effect\" \"Allow\", \"Action\": \"*\"}";
    JsonDocument doc = parse(text);
    assertEquals(1, doc.errors().size());
    assertEquals(text.indexOf("\"Effect\"") + 8, doc.errors().get(0).offset());
    ObjectNode root = rootObject(doc);
    assertEquals("Allow", ((StringNode) root.get("Effect").orElseThrow()).value());
    assertEquals("*", ((StringNode) root.get("Action").orElseThrow()).value());
  }

  @Test
  void bareKeyWhileTypingHasNoValue() {
    String text = "{\"Effect\": \"Allow\",\n \"Act\"\n}";
    JsonDocument doc = parse(text);
    ObjectNode root = rootObject(doc);
    PropertyNode act = root.property("Act").orElseThrow();
    assertNull(act.value());
    assertEquals(-1, act.colonOffset());
    assertFalse(doc.errors().isEmpty());
  }

  @Test
  void trailingCommasAreErrorsAtTheComma() {
    String text = "{\"Action\": [\"a\", \"b\",], }";
    JsonDocument doc = parse(text);
    assertEquals(2, doc.errors().size());
    assertEquals(text.indexOf(",]"), doc.errors().get(0).offset());
    assertEquals(text.lastIndexOf(", }"), doc.errors().get(1).offset());
    ArrayNode action = (ArrayNode) rootObject(doc).get("Action").orElseThrow();
    assertEquals(2, action.items().size());
  }

  @Test
  void emptyValueIsAnErrorAndThePropertyHasNoValue() {
    String text = "{\"Effect\": , \"Action\": \"*\"}";
    JsonDocument doc = parse(text);
    assertEquals(1, doc.errors().size());
    assertEquals(text.indexOf(", \"Action\""), doc.errors().get(0).offset());
    assertNull(rootObject(doc).property("Effect").orElseThrow().value());
    assertTrue(rootObject(doc).get("Action").isPresent());
  }

  @Test
  void unclosedObjectAndArrayRunToTheEnd() {
    String text = "{\"Statement\": [{\"Effect\": \"Allow\"";
    JsonDocument doc = parse(text);
    assertEquals(3, doc.errors().size(), doc.errors().toString());
    doc.errors().forEach(e -> assertEquals(text.length(), e.offset()));
    ObjectNode root = rootObject(doc);
    assertFalse(root.closed());
    assertEquals(text.length(), root.end());
    ArrayNode statements = (ArrayNode) root.get("Statement").orElseThrow();
    assertFalse(statements.closed());
    assertEquals(1, statements.items().size());
  }

  @Test
  void commentsAreErrorsButParsingContinues() {
    String text = "{ // note\n \"Version\": \"2012-10-17\" /* x */ }";
    JsonDocument doc = parse(text);
    assertEquals(2, doc.errors().size());
    assertEquals(text.indexOf("//"), doc.errors().get(0).offset());
    assertEquals("// note".length(), doc.errors().get(0).length());
    assertEquals("2012-10-17", ((StringNode) rootObject(doc).get("Version").orElseThrow()).value());
  }

  @Test
  void bareWordsAreErrorsAndSkipped() {
    String text = "{\"Effect\": Allow, \"Action\": \"*\"}";
    JsonDocument doc = parse(text);
    assertEquals(1, doc.errors().size(), doc.errors().toString());
    assertEquals(text.indexOf("Allow"), doc.errors().get(0).offset());
    assertEquals(5, doc.errors().get(0).length());
    assertTrue(rootObject(doc).get("Action").isPresent());
  }

  @Test
  void emptyAndGarbageDocumentsGiveErrorsNotExceptions() {
    assertNull(parse("").root());
    assertEquals(1, parse("").errors().size());
    assertNull(parse("   ").root());
    for (String garbage :
        new String[] {"}", "]]]", ":::", "{{{{", "[,,,]", "\"", "\\u", "{\"a\":\"\\u12"}) {
      JsonDocument doc = parse(garbage);
      assertFalse(doc.errors().isEmpty(), garbage);
    }
    assertFalse(parse("{} extra").errors().isEmpty());
    assertFalse(parse("[01]").errors().isEmpty());
    assertFalse(parse("[\"a\tb\"]").errors().isEmpty());
  }

  @Test
  void byteOrderMarkIsTolerated() {
    JsonDocument doc = parse("\uFEFF{\"Version\": \"2012-10-17\"}");
    assertEquals(List.of(), doc.errors());
    assertEquals(1, doc.root().offset());
  }

  @Test
  void deepNestingIsReportedNotAStackOverflow() {
    int depth = 100_000;
    String text = "[".repeat(depth) + "]".repeat(depth);
    JsonDocument doc = parse(text);
    assertEquals(1, doc.errors().size());
    assertEquals(JsonParser.MAX_DEPTH, doc.errors().get(0).offset());
    assertEquals(text.length(), doc.root().end());
    String unclosed = "{\"a\":".repeat(depth);
    assertFalse(parse(unclosed).errors().isEmpty());
  }

  @Test
  void duplicateKeysAreAllKept() {
    JsonDocument doc = parse("{\"Effect\": \"Allow\", \"effect\": \"Deny\", \"Effect\": \"Deny\"}");
    ObjectNode root = rootObject(doc);
    assertEquals(3, root.properties().size());
    assertEquals("Allow", ((StringNode) root.get("Effect").orElseThrow()).value());
  }

  @Test
  void nodeAtFindsTheInnermostNode() {
    String text = "{\"Action\": [\"s3:GetObject\", \"s3:Put\"]}";
    JsonDocument doc = parse(text);
    JsonNode node = doc.nodeAt(text.indexOf("GetObject"));
    assertInstanceOf(StringNode.class, node);
    assertEquals("s3:GetObject", ((StringNode) node).value());
    assertEquals(List.of("Action", 0), node.path());
    JsonNode key = doc.nodeAt(text.indexOf("ction"));
    assertEquals("Action", ((StringNode) key).value());
    assertInstanceOf(PropertyNode.class, key.parent());
  }

  @Test
  void nonAsciiTextKeepsUtf16Spans() {
    String text = "{\"Sid\": \"caf\u00e9 \uD83D\uDE00\", \"Effect\": \"Allow\"}";
    JsonDocument doc = parse(text);
    assertEquals(List.of(), doc.errors());
    StringNode effect = (StringNode) rootObject(doc).get("Effect").orElseThrow();
    assertEquals(text.indexOf("\"Allow\""), effect.offset());
    assertEquals(new TextPosition(0, text.indexOf("\"Allow\"")), doc.positionAt(effect.offset()));
  }

  /**
   * Parsing a span of a larger text reads as parsing the text with everything outside the span
   * blank: the same tree at the same offsets, the same errors. (Only what is left open differs: it
   * ends at the span's end rather than at a blank line end or the text's end.)
   */
  @Test
  void aSpanParsesAsTheTextWithEverythingElseBlank() {
    String[] policies = {
      "{\"Statement\": [{\"Effect\": \"Allow\", \"Action\": \"s3:Get\", \"N\": -1.5e3}]}",
      "{\"Statement\": [{\"Sid\": \"Bücher🪣\", \"Action\": [\"s3:Get\" \"x\"]}]}",
      "{\"Effect\" \"Allow\", \"Action\": [tru, 01]\r\n  \"Resource\": \"*\"}",
    };
    for (String policy : policies) {
      String before = "{\"Description\": \"é 🪣\",\r\n \"PolicyDocument\": ";
      String after = "\"*/ ]}, \"More\": 1}\n";
      String text = before + policy + after;
      int from = before.length();
      int to = from + policy.length();
      String blanked = blank(before) + policy + blank(after);
      JsonDocument whole = JsonDocument.parse(blanked);
      JsonDocument span = JsonDocument.parse(text, from, to);
      assertEquals(whole.errors(), span.errors(), policy);
      assertEquals(whole.damageStart(), span.damageStart(), policy);
      assertEquals(outline(whole.root()), outline(span.root()), policy);
      assertSame(text, span.text());
    }
  }

  /** A string or comment left open ends with the span: the text after it closes neither. */
  @Test
  void whatASpanLeavesOpenEndsWithIt() {
    String text = "[{\"Action\": \"s3:Get /* \"]}, \"x\" */ 1]";
    int to = text.indexOf(" /*");
    JsonDocument string = JsonDocument.parse(text, 1, to);
    StringNode action = (StringNode) ((ObjectNode) string.root()).get("Action").orElseThrow();
    assertFalse(action.terminated());
    assertEquals(to, action.end());
    assertEquals(to, string.root().end());
    JsonDocument comment = JsonDocument.parse(text, to + 1, text.indexOf(" */"));
    assertNull(comment.root());
    assertEquals(
        text.indexOf(" */"), comment.errors().get(0).offset() + comment.errors().get(0).length());
  }

  /** Every UTF-16 unit but line ends as a space (a regex would blank a surrogate pair once). */
  private static String blank(String text) {
    char[] out = text.toCharArray();
    for (int i = 0; i < out.length; i++) {
      if (out[i] != '\n' && out[i] != '\r') {
        out[i] = ' ';
      }
    }
    return new String(out);
  }

  /** Each node's kind, span and value, nested as the tree is. */
  private static String outline(JsonNode node) {
    if (node == null) {
      return "-";
    }
    StringBuilder out =
        new StringBuilder(node.getClass().getSimpleName())
            .append('@')
            .append(node.offset())
            .append('+')
            .append(node.length());
    if (node instanceof StringNode s) {
      out.append('=').append(s.value()).append(s.terminated() ? "" : "(open)");
    }
    out.append('[');
    for (JsonNode child : node.children()) {
      out.append(outline(child)).append(' ');
    }
    return out.append(']').toString();
  }
}
