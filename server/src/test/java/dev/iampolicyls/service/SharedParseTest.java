package dev.iampolicyls.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.iampolicyls.catalog.Catalog;
import dev.iampolicyls.config.AnalysisSettings;
import dev.iampolicyls.policy.Policy;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Folding and selection ranges come from the facade like every feature: on the version's one parse,
 * and nothing past the size limits.
 */
class SharedParseTest {
  private static final String POLICY =
      String.join(
          "\n",
          "{",
          "  \"Version\": \"2012-10-17\",",
          "  \"Statement\": [",
          "    {",
          "      \"Effect\": \"Allow\",",
          "      \"Action\": \"s3:GetObject\",",
          "      \"Resource\": \"*\"",
          "    }",
          "  ]",
          "}");

  private final PolicyLanguageService service = new PolicyLanguageService(Catalog.bundled());
  private final AtomicInteger parses = new AtomicInteger();

  private ParsedText counted(String text) {
    return new ParsedText(
        text,
        t -> {
          parses.incrementAndGet();
          return Policy.parse(t);
        });
  }

  /** Everything the editor asks for a version: diagnostics, outline, folds, selections. */
  private void everyRequest(ParsedText parsed) {
    service.analyze(parsed, null, AnalysisSettings.DEFAULT, false);
    service.documentSymbols(parsed);
    service.foldingRanges(parsed);
    service.selectionRanges(parsed, 80);
    service.hover(parsed, 80, null);
  }

  @Test
  void aPolicyIsParsedOnceForAllItsRequests() {
    ParsedText parsed = counted(POLICY);
    everyRequest(parsed);
    List<String> folds =
        service.foldingRanges(parsed).stream().map(r -> r[0] + "-" + r[1]).toList();
    assertEquals(List.of("0-8", "2-7", "3-6"), folds);
    // Inside "s3:GetObject": its text first, the whole policy last.
    List<int[]> spans = service.selectionRanges(parsed, POLICY.indexOf("GetObject"));
    assertEquals("s3:GetObject", text(spans.get(0)));
    assertEquals(POLICY, text(spans.get(spans.size() - 1)));
    assertEquals(1, parses.get());
  }

  @Test
  void aDocumentPastTheLengthLimitIsNeverParsedAndGetsNoRanges() {
    ParsedText parsed =
        counted(
            POLICY + " ".repeat(PolicyLanguageService.MAX_DOCUMENT_CHARS - POLICY.length() + 1));
    everyRequest(parsed);
    assertEquals(List.of(), service.foldingRanges(parsed));
    assertEquals(List.of(), service.selectionRanges(parsed, 80));
    assertEquals(0, parses.get());
  }

  @Test
  void aDocumentWithTooManyValuesIsParsedOnceToCountThemAndGetsNoRanges() {
    String values = String.join(",\n", Collections.nCopies(PolicyLanguageService.MAX_VALUES, "1"));
    ParsedText parsed = counted("{\"Statement\": [\n" + values + "\n]}");
    assertFalse(parsed.withinLimits());
    everyRequest(parsed);
    assertEquals(List.of(), service.foldingRanges(parsed));
    assertEquals(List.of(), service.selectionRanges(parsed, 20));
    assertEquals(List.of(), service.documentSymbols(parsed));
    assertEquals(1, parses.get());
    assertTrue(
        service
            .analyze(parsed, null, AnalysisSettings.DEFAULT, false)
            .findings()
            .get(0)
            .message()
            .contains("JSON values"));
  }

  private static String text(int[] span) {
    return POLICY.substring(span[0], span[1]);
  }
}
