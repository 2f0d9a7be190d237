package dev.iampolicyls.codeactions;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.iampolicyls.catalog.Catalog;
import dev.iampolicyls.service.PolicyLanguageService;
import dev.iampolicyls.syntax.JsonDocument;
import dev.iampolicyls.syntax.StringNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Values that code actions write back keep their escapes: a string holding a control character
 * written raw would end the JSON string (found by the long fuzz run, seed 2279 input 15620).
 */
class EscapedValuesTest {
  private static final PolicyLanguageService SERVICE = new PolicyLanguageService(Catalog.bundled());

  @Test
  void quotedValuesReadBackAsThemselves() {
    for (String value :
        List.of(
            "s3:Get*", "a\"b", "back\\slash", "new\nline", "cr\rtab\t", "nul\u0000bell\u0007")) {
      String literal = Layout.quote(value);
      JsonDocument parsed = JsonDocument.parse(literal);
      assertEquals(List.of(), parsed.errors(), literal);
      assertEquals(value, ((StringNode) parsed.root()).value(), literal);
    }
  }

  @Test
  void splittingAStatementKeepsAnEscapedActionEscaped() {
    String text =
        "{\"Version\": \"2012-10-17\", \"Statement\": [{\"Sid\": \"Mixed\", \"Effect\": \"Allow\","
            + " \"Action\": [\"s3:GetObject\", \"comprehe\\nd:List*\"], \"Resource\": \"*\"}]}";
    int at = text.indexOf("s3:GetObject");
    PolicyCodeAction split =
        SERVICE.codeActions(text, at, at, null).stream()
            .filter(a -> a.title().startsWith("Split into one statement per service"))
            .findFirst()
            .orElseThrow();
    String after = CodeActionEngineTest.apply(text, split.edits());
    assertEquals(List.of(), JsonDocument.parse(after).errors(), after);
    assertEquals(true, after.contains("[\"comprehe\\nd:List*\"]"), after);
  }
}
