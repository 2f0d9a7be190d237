package dev.iampolicyls.lsp;

import dev.iampolicyls.checks.Finding;
import dev.iampolicyls.checks.FindingType;
import dev.iampolicyls.syntax.LineIndex;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticCodeDescription;
import org.eclipse.lsp4j.DiagnosticRelatedInformation;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.Location;

/**
 * Turns findings into LSP diagnostics: the one place that knows how a finding looks in an editor.
 */
public final class DiagnosticMapper {
  public static final String SOURCE = "iam-policy-ls";

  private DiagnosticMapper() {}

  /** Maps all findings of one document version; the text is the one the findings were made on. */
  public static List<Diagnostic> toDiagnostics(List<Finding> findings, String text) {
    return toDiagnostics(findings, text, null);
  }

  /**
   * As {@link #toDiagnostics(List, String)}, with the findings' related locations as
   * relatedInformation in the document {@code uri} (none without a uri).
   */
  public static List<Diagnostic> toDiagnostics(List<Finding> findings, String text, String uri) {
    return toDiagnostics(findings, new LineIndex(text), uri);
  }

  /** As {@link #toDiagnostics(List, String, String)}, with the text's line index already made. */
  public static List<Diagnostic> toDiagnostics(
      List<Finding> findings, LineIndex index, String uri) {
    List<Diagnostic> diagnostics = new ArrayList<>(findings.size());
    for (Finding finding : findings) {
      diagnostics.add(toDiagnostic(finding, index, uri));
    }
    return diagnostics;
  }

  public static Diagnostic toDiagnostic(Finding finding, LineIndex index, String uri) {
    Diagnostic d = toDiagnostic(finding, index);
    if (uri != null && !finding.related().isEmpty()) {
      List<DiagnosticRelatedInformation> related = new ArrayList<>();
      for (Finding.Related r : finding.related()) {
        related.add(
            new DiagnosticRelatedInformation(
                new Location(uri, Positions.range(index, r.offset(), r.offset() + r.length())),
                r.message()));
      }
      d.setRelatedInformation(related);
    }
    return d;
  }

  public static Diagnostic toDiagnostic(Finding finding, LineIndex index) {
    Diagnostic d = new Diagnostic();
    d.setRange(Positions.range(index, finding.offset(), finding.end()));
    d.setSeverity(severity(finding.type()));
    d.setCode(finding.code().id());
    d.setSource(SOURCE);
    d.setMessage(finding.message());
    finding
        .code()
        .helpLink()
        .ifPresent(href -> d.setCodeDescription(new DiagnosticCodeDescription(href)));
    return d;
  }

  /**
   * Security warnings are warnings to the editor: LSP has no finer level, and making them errors
   * would hide real syntax errors among them.
   */
  static DiagnosticSeverity severity(FindingType type) {
    return switch (type) {
      case ERROR -> DiagnosticSeverity.Error;
      case SECURITY_WARNING, WARNING -> DiagnosticSeverity.Warning;
      case SUGGESTION -> DiagnosticSeverity.Information;
    };
  }
}
