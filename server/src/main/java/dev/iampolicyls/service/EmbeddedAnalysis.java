package dev.iampolicyls.service;

import dev.iampolicyls.checks.DiagnosticsEngine;
import dev.iampolicyls.checks.Finding;
import dev.iampolicyls.config.AnalysisSettings;
import dev.iampolicyls.config.CheckSetting;
import dev.iampolicyls.config.DocumentSettings;
import dev.iampolicyls.embedded.EmbeddedPolicy;
import dev.iampolicyls.embedded.HostDocument;
import dev.iampolicyls.policy.Policy;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The findings of every policy inside a host document (a template), in the host's positions.
 *
 * @param document the host document as its format read it
 * @param policies each policy with its findings, in document order
 */
public record EmbeddedAnalysis(HostDocument document, List<Checked> policies) {

  /** One embedded policy and its findings: those of every reading, each reported once. */
  public record Checked(EmbeddedPolicy policy, List<Finding> findings) {}

  /**
   * Checks every policy of the document, asking {@code cancel} before each policy and between
   * checks: a cancelled analysis throws {@link java.util.concurrent.CancellationException}.
   */
  static EmbeddedAnalysis of(
      DiagnosticsEngine engine,
      HostDocument document,
      Path path,
      AnalysisSettings settings,
      CancelChecker cancel) {
    List<Checked> checked = new ArrayList<>();
    for (EmbeddedPolicy embedded : document.policies()) {
      cancel.checkCanceled();
      // The policy's place in the template decides its type, whatever the file's settings say.
      AnalysisSettings typed =
          settings.withPolicyType(embedded.policyType()).withResourceType(embedded.resourceType());
      for (String code : embedded.notApplicable()) {
        typed = typed.withCheck(code, CheckSetting.OFF);
      }
      DocumentSettings resolved = typed.forDocument(path);
      // A finding of several readings (Fn::If branches) is the same finding: keep it once.
      Map<List<Object>, Finding> findings = new LinkedHashMap<>();
      for (Finding f : embedded.templateFindings()) {
        if (resolved.reports(f.code().id())) {
          findings.putIfAbsent(key(f), f);
        }
      }
      for (Policy reading : embedded.readings()) {
        for (Finding f : engine.run(reading, embedded.policyType(), resolved, cancel)) {
          f = asWritten(embedded, f);
          findings.putIfAbsent(key(f), f);
        }
      }
      List<Finding> sorted = new ArrayList<>(findings.values());
      sorted.sort(
          Comparator.comparingInt(Finding::offset)
              .thenComparingInt(Finding::length)
              .thenComparing(Finding::code));
      checked.add(new Checked(embedded, sorted));
    }
    return new EmbeddedAnalysis(document, checked);
  }

  /** The finding quoting the template's text where it quotes a value built from references. */
  private static Finding asWritten(EmbeddedPolicy embedded, Finding f) {
    String message = embedded.asWritten(f.message(), f.offset());
    return message.equals(f.message())
        ? f
        : new Finding(f.code(), f.type(), message, f.offset(), f.length(), f.path(), f.related());
  }

  private static List<Object> key(Finding f) {
    return List.of(f.code(), f.offset(), f.length(), f.message());
  }
}
