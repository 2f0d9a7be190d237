package dev.iampolicyls.cli;

import dev.iampolicyls.checks.Finding;
import dev.iampolicyls.checks.FindingType;
import dev.iampolicyls.config.AnalysisSettings;
import dev.iampolicyls.policy.PolicyType;
import dev.iampolicyls.service.Analysis;
import dev.iampolicyls.service.PolicyLanguageService;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Reads each input and runs the language service on it; never throws for bad input. */
final class PolicyChecker {
  /** Our codes for problems before any policy check can run (Access Analyzer has none). */
  static final String UNREADABLE_FILE = "UNREADABLE_FILE";

  static final String INVALID_ENCODING = "INVALID_ENCODING";

  private final PolicyLanguageService service;
  private final AnalysisSettings settings;
  private final InputStream stdin;

  /**
   * @param policyType the type to check every file as, or null to infer it per file
   */
  PolicyChecker(PolicyLanguageService service, PolicyType policyType, InputStream stdin) {
    this(service, AnalysisSettings.DEFAULT.withPolicyType(policyType), stdin);
  }

  /**
   * @param settings the configuration, command line options included
   */
  PolicyChecker(PolicyLanguageService service, AnalysisSettings settings, InputStream stdin) {
    this.service = service;
    this.settings = settings;
    this.stdin = stdin;
  }

  CheckRun check(List<PolicyFiles.Input> inputs) {
    List<FileResult> results = new ArrayList<>();
    int skipped = 0;
    for (PolicyFiles.Input input : inputs) {
      FileResult result = check(input);
      if (result == null) {
        skipped++;
      } else {
        results.add(result);
      }
    }
    results.sort(Comparator.comparing(FileResult::path));
    return new CheckRun(results, skipped);
  }

  /** The result for one input, or null when a file found in a folder is not a policy. */
  private FileResult check(PolicyFiles.Input input) {
    if (input.problem() != null) {
      return unreadable(input.displayPath(), input.problem());
    }
    byte[] bytes;
    try {
      bytes = input.isStdin() ? stdin.readAllBytes() : Files.readAllBytes(input.file());
    } catch (IOException e) {
      return unreadable(input.displayPath(), PolicyFiles.describe(e));
    }
    Utf8Text decoded = Utf8Text.decode(bytes);
    Analysis analysis = service.analyze(decoded.text(), input.file(), settings, input.explicit());
    if (!input.explicit() && !analysis.isPolicy()) {
      return null;
    }
    List<Finding> findings = new ArrayList<>(analysis.findings());
    if (!decoded.valid()) {
      findings.add(
          new Finding(
              INVALID_ENCODING,
              FindingType.ERROR,
              "This file is not valid UTF-8 (first bad byte here): save it as UTF-8",
              decoded.firstInvalidOffset(),
              1,
              List.of()));
      // Stable sort: keeps the engine's document order and slots this finding in by offset.
      findings.sort(Comparator.comparingInt(Finding::offset));
    }
    return new FileResult(
        input.displayPath(), analysis.policyType(), findings, analysis.policy().document(), null);
  }

  private FileResult unreadable(String path, String reason) {
    Finding finding =
        new Finding(
            UNREADABLE_FILE,
            FindingType.ERROR,
            "Cannot read " + path + ": " + reason,
            0,
            0,
            List.of());
    // Nothing to infer from: report the requested type, else the analyzer's default for no text,
    // so every entry's policyType stays one of the five names.
    PolicyType type = settings.forDocument(null).policyType();
    type = type != null ? type : PolicyType.IDENTITY_POLICY;
    return new FileResult(path, type, List.of(finding), null, reason);
  }
}
