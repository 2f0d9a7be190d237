package dev.iampolicyls.lsp;

import static org.junit.jupiter.api.Assertions.*;

import dev.iampolicyls.checks.AccessAnalyzerCodes;
import dev.iampolicyls.checks.Finding;
import dev.iampolicyls.checks.FindingType;
import java.util.List;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.junit.jupiter.api.Test;

class DiagnosticMapperTest {
  private static final String REF =
      "https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-reference-policy-checks.html";

  private static Finding finding(String code, FindingType type, int offset, int length) {
    return new Finding(code, type, "message of " + code, offset, length, List.of("Statement", 0));
  }

  private static Diagnostic map(Finding f, String text) {
    return DiagnosticMapper.toDiagnostics(List.of(f), text).get(0);
  }

  @Test
  void carriesCodeSourceAndMessage() {
    Diagnostic d = map(finding("MISSING_EFFECT", FindingType.ERROR, 0, 1), "{}");
    assertEquals("MISSING_EFFECT", d.getCode().getLeft());
    assertEquals("iam-policy-ls", d.getSource());
    assertTrue(d.getMessage().isLeft(), "LSP4J 1.0 message is an Either; we send plain text");
    assertEquals("message of MISSING_EFFECT", d.getMessage().getLeft());
  }

  @Test
  void mapsSeverities() {
    assertEquals(DiagnosticSeverity.Error, DiagnosticMapper.severity(FindingType.ERROR));
    assertEquals(
        DiagnosticSeverity.Warning, DiagnosticMapper.severity(FindingType.SECURITY_WARNING));
    assertEquals(DiagnosticSeverity.Warning, DiagnosticMapper.severity(FindingType.WARNING));
    assertEquals(DiagnosticSeverity.Information, DiagnosticMapper.severity(FindingType.SUGGESTION));
  }

  @Test
  void rangeCountsUtf16AcrossLinesAndCrlf() {
    // The emoji is two UTF-16 units; é is one. Line 1 starts after \r\n.
    String text = "{\r\n  \"Sid\": \"\uD83D\uDE00\u00e9x\"\n}";
    int x = text.indexOf('x');
    Diagnostic d = map(finding("INVALID_SID", FindingType.ERROR, x, 2), text);
    // line 1: 2 spaces + "Sid" (5) + ": " (2) + quote (1) = 10, emoji 2, é 1 -> x at 13
    assertEquals(new Range(new Position(1, 13), new Position(1, 15)), d.getRange());
  }

  @Test
  void rangeSpanningLinesAndEmptyRanges() {
    String text = "{\n  \"a\": 1,\n}";
    Diagnostic span = map(finding("X", FindingType.ERROR, 0, text.length()), text);
    assertEquals(new Range(new Position(0, 0), new Position(2, 1)), span.getRange());
    Diagnostic empty = map(finding("X", FindingType.ERROR, text.length(), 0), text);
    assertEquals(new Range(new Position(2, 1), new Position(2, 1)), empty.getRange());
  }

  @Test
  void accessAnalyzerCodesLinkToTheirReferenceSection() {
    assertEquals(
        REF + "#access-analyzer-reference-policy-checks-error-invalid-action",
        map(finding("INVALID_ACTION", FindingType.ERROR, 0, 0), "").getCodeDescription().getHref());
    assertEquals(
        REF + "#access-analyzer-reference-policy-checks-error-json-syntax-error",
        DiagnosticMapper.referenceUrl("JSON_SYNTAX_ERROR").orElseThrow());
    assertEquals(
        REF
            + "#access-analyzer-reference-policy-checks-security-warning-pass-role-with-star-in-resource",
        DiagnosticMapper.referenceUrl("PASS_ROLE_WITH_STAR_IN_RESOURCE").orElseThrow());
    assertEquals(
        REF + "#access-analyzer-reference-policy-checks-general-warning-missing-version",
        DiagnosticMapper.referenceUrl("MISSING_VERSION").orElseThrow());
    assertEquals(
        REF + "#access-analyzer-reference-policy-checks-suggestion-empty-array-action",
        DiagnosticMapper.referenceUrl("EMPTY_ARRAY_ACTION").orElseThrow());
  }

  @Test
  void aRetypedFindingLinksToAccessAnalyzersOwnSection() {
    // MISSING_VERSION is a general warning for Access Analyzer: configured as an error, the link
    // must still point at the section that exists.
    assertEquals(
        REF + "#access-analyzer-reference-policy-checks-general-warning-missing-version",
        map(finding("MISSING_VERSION", FindingType.ERROR, 0, 0), "")
            .getCodeDescription()
            .getHref());
  }

  @Test
  void ourOwnCodesHaveNoLink() {
    for (String code :
        List.of("RESOURCE_MISMATCH", "PUBLIC_ACCESS", "INVALID_ENCODING", "UNREADABLE_FILE")) {
      Diagnostic d = map(finding(code, FindingType.SECURITY_WARNING, 0, 0), "");
      assertNull(d.getCodeDescription(), code);
    }
  }

  @Test
  void everyAccessAnalyzerCodeIsKnownWithItsType() {
    // The reference names 152 checks but lists 153 distinct codes; we keep every one.
    assertEquals(153, AccessAnalyzerCodes.all().size());
    assertEquals(
        FindingType.WARNING, AccessAnalyzerCodes.findingType("MISSING_VERSION").orElseThrow());
    assertEquals(
        FindingType.SECURITY_WARNING,
        AccessAnalyzerCodes.findingType("PASS_ROLE_WITH_NOT_RESOURCE").orElseThrow());
  }

  @Test
  void everyCheckUsesItsAccessAnalyzerFindingType() {
    for (var check : dev.iampolicyls.checks.AllChecks.create()) {
      AccessAnalyzerCodes.findingType(check.code())
          .ifPresent(t -> assertEquals(t, check.type(), check.code()));
    }
  }
}
