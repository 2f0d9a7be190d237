package dev.iampolicyls.lsp;

import static org.junit.jupiter.api.Assertions.*;

import dev.iampolicyls.checks.CheckCode;
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

  private static Finding finding(CheckCode code, FindingType type, int offset, int length) {
    return new Finding(code, type, "message of " + code, offset, length, List.of("Statement", 0));
  }

  private static Diagnostic map(Finding f, String text) {
    return DiagnosticMapper.toDiagnostics(List.of(f), text).get(0);
  }

  @Test
  void carriesCodeSourceAndMessage() {
    Diagnostic d = map(finding(CheckCode.MISSING_EFFECT, FindingType.ERROR, 0, 1), "{}");
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
    Diagnostic d = map(finding(CheckCode.UNSUPPORTED_SID, FindingType.ERROR, x, 2), text);
    // line 1: 2 spaces + "Sid" (5) + ": " (2) + quote (1) = 10, emoji 2, é 1 -> x at 13
    assertEquals(new Range(new Position(1, 13), new Position(1, 15)), d.getRange());
  }

  @Test
  void rangeSpanningLinesAndEmptyRanges() {
    String text = "{\n  \"a\": 1,\n}";
    Diagnostic span =
        map(finding(CheckCode.INVALID_POLICY_ELEMENT, FindingType.ERROR, 0, text.length()), text);
    assertEquals(new Range(new Position(0, 0), new Position(2, 1)), span.getRange());
    Diagnostic empty =
        map(finding(CheckCode.INVALID_POLICY_ELEMENT, FindingType.ERROR, text.length(), 0), text);
    assertEquals(new Range(new Position(2, 1), new Position(2, 1)), empty.getRange());
  }

  @Test
  void accessAnalyzerCodesLinkToTheirReferenceSection() {
    assertEquals(
        REF + "#access-analyzer-reference-policy-checks-error-invalid-action",
        map(finding(CheckCode.INVALID_ACTION, FindingType.ERROR, 0, 0), "")
            .getCodeDescription()
            .getHref());
  }

  @Test
  void aRetypedFindingLinksToAccessAnalyzersOwnSection() {
    // MISSING_VERSION is a general warning for Access Analyzer: configured as an error, the link
    // must still point at the section that exists.
    assertEquals(
        REF + "#access-analyzer-reference-policy-checks-general-warning-missing-version",
        map(finding(CheckCode.MISSING_VERSION, FindingType.ERROR, 0, 0), "")
            .getCodeDescription()
            .getHref());
  }

  @Test
  void ourOwnCodesLinkToOurPageAndToolCodesNowhere() {
    for (CheckCode code : List.of(CheckCode.RESOURCE_MISMATCH, CheckCode.PUBLIC_ACCESS)) {
      Diagnostic d = map(finding(code, FindingType.SECURITY_WARNING, 0, 0), "");
      assertEquals(
          "https://github.com/iam-policy-ls/iam-policy-ls/blob/main/docs/checks/"
              + code.id()
              + ".md",
          d.getCodeDescription().getHref());
    }
    for (CheckCode code : List.of(CheckCode.INVALID_ENCODING, CheckCode.UNREADABLE_FILE)) {
      Diagnostic d = map(finding(code, FindingType.ERROR, 0, 0), "");
      assertNull(d.getCodeDescription(), code.id());
    }
  }
}
