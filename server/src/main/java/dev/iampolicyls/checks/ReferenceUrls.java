package dev.iampolicyls.checks;

import java.util.Locale;
import java.util.Optional;

/**
 * Where a finding code is documented: the editor (LSP code descriptions) and CI reports (SARIF help
 * URIs) link to the same anchor, so both come from here.
 */
public final class ReferenceUrls {
  public static final String ACCESS_ANALYZER_REFERENCE =
      "https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-reference-policy-checks.html";

  private ReferenceUrls() {}

  /**
   * The anchor of the code's section in Access Analyzer's policy check reference. The section is
   * named after Access Analyzer's own finding type, whatever type the configuration gives it.
   */
  public static Optional<String> accessAnalyzer(String code) {
    // Only Access Analyzer's codes have a section there; our own codes get no dead link.
    Optional<FindingType> type =
        code == null ? Optional.empty() : AccessAnalyzerCodes.findingType(code);
    if (type.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        ACCESS_ANALYZER_REFERENCE
            + "#access-analyzer-reference-policy-checks-"
            + anchorType(type.get())
            + "-"
            + code.replace('_', '-').toLowerCase(Locale.ROOT));
  }

  private static String anchorType(FindingType type) {
    return switch (type) {
      case ERROR -> "error";
      case SECURITY_WARNING -> "security-warning";
      case WARNING -> "general-warning";
      case SUGGESTION -> "suggestion";
    };
  }
}
