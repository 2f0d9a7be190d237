package dev.iampolicyls.cli;

import dev.iampolicyls.checks.CheckCode;
import dev.iampolicyls.checks.Finding;
import dev.iampolicyls.checks.FindingType;
import dev.iampolicyls.config.AnalysisSettings;
import dev.iampolicyls.embedded.CloudFormationFormat;
import dev.iampolicyls.policy.PolicyType;
import dev.iampolicyls.service.Analysis;
import dev.iampolicyls.service.EmbeddedAnalysis;
import dev.iampolicyls.service.PolicyLanguageService;
import dev.iampolicyls.syntax.Utf8Text;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/** Reads each input and runs the language service on it; never throws for bad input. */
final class PolicyChecker {
  /**
   * Files larger than this are not read: UTF-8 takes at most three bytes per UTF-16 unit, so they
   * surely exceed the service's {@link PolicyLanguageService#MAX_DOCUMENT_CHARS}, and reading one
   * whole would cost memory for nothing. Smaller ones are read and the service decides exactly. An
   * account authorization details dump holds many policies and may be larger: it is read.
   */
  static final int MAX_READ_BYTES = 3 * PolicyLanguageService.MAX_DOCUMENT_CHARS;

  private final PolicyLanguageService service;
  private final AnalysisSettings settings;
  private final InputStream stdin;
  private final AccountDetails accountDetails;

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
    this.accountDetails = new AccountDetails(service, settings);
  }

  /** Told after each input, from the checking threads. */
  interface Progress {
    Progress NONE = (done, total) -> {};

    void done(int done, int total);
  }

  CheckRun check(List<PolicyFiles.Input> inputs) {
    return check(inputs, 1, Progress.NONE);
  }

  /**
   * Checks the inputs on {@code threads} threads. The service is stateless per call, so inputs are
   * independent; results are sorted by path afterwards, so output does not depend on scheduling.
   */
  CheckRun check(List<PolicyFiles.Input> inputs, int threads, Progress progress) {
    return check(inputs, threads, progress, result -> {});
  }

  /**
   * As {@link #check(List, int, Progress)}, and hands each result to {@code eachResult} on the
   * thread that checked it, so work per result (a report's part) is spread over the threads too.
   */
  CheckRun check(
      List<PolicyFiles.Input> inputs,
      int threads,
      Progress progress,
      Consumer<FileResult> eachResult) {
    List<List<FileResult>> outcomes = new ArrayList<>();
    if (threads <= 1 || inputs.size() <= 1) {
      for (int i = 0; i < inputs.size(); i++) {
        outcomes.add(checkOne(inputs.get(i), eachResult));
        progress.done(i + 1, inputs.size());
      }
    } else {
      outcomes = checkInParallel(inputs, threads, progress, eachResult);
    }
    List<FileResult> results = new ArrayList<>();
    int skipped = 0;
    for (List<FileResult> outcome : outcomes) {
      if (outcome == null) {
        skipped++;
      } else {
        results.addAll(outcome);
      }
    }
    results.sort(Comparator.comparing(FileResult::path));
    return new CheckRun(results, skipped);
  }

  private List<FileResult> checkOne(PolicyFiles.Input input, Consumer<FileResult> eachResult) {
    List<FileResult> outcome = check(input);
    if (outcome != null) {
      outcome.forEach(eachResult);
    }
    return outcome;
  }

  private List<List<FileResult>> checkInParallel(
      List<PolicyFiles.Input> inputs,
      int threads,
      Progress progress,
      Consumer<FileResult> eachResult) {
    AtomicInteger done = new AtomicInteger();
    ExecutorService pool =
        Executors.newFixedThreadPool(
            threads,
            r -> {
              Thread t = new Thread(r, "check-worker");
              t.setDaemon(true);
              return t;
            });
    try {
      List<Future<List<FileResult>>> futures = new ArrayList<>();
      for (PolicyFiles.Input input : inputs) {
        futures.add(
            pool.submit(
                () -> {
                  List<FileResult> outcome = checkOne(input, eachResult);
                  progress.done(done.incrementAndGet(), inputs.size());
                  return outcome;
                }));
      }
      List<List<FileResult>> outcomes = new ArrayList<>();
      for (Future<List<FileResult>> future : futures) {
        outcomes.add(future.get());
      }
      return outcomes;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while checking", e);
    } catch (ExecutionException e) {
      // A bug in a check: surface it like the serial run would, as an internal error.
      throw e.getCause() instanceof RuntimeException r
          ? r
          : new IllegalStateException(e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * The results for one input (several for an account dump), or null when a file found in a folder
   * is not a policy, or a YAML file is not a template (named on the command line too: reading a
   * workflow as JSON would only report JSON syntax errors in valid YAML).
   */
  private List<FileResult> check(PolicyFiles.Input input) {
    if (input.problem() != null) {
      return List.of(unreadable(input.displayPath(), input.problem()));
    }
    byte[] bytes;
    try {
      long size = input.isStdin() ? -1 : Files.size(input.file());
      if (size > MAX_READ_BYTES && !StreamSearch.startsAsAccountDetails(input.file())) {
        return tooLarge(input, size);
      }
      bytes =
          input.isStdin() ? stdin.readNBytes(MAX_READ_BYTES + 1) : Files.readAllBytes(input.file());
      if (input.isStdin() && bytes.length > MAX_READ_BYTES) {
        return tooLarge(input, bytes.length); // the rest is left unread
      }
    } catch (IOException e) {
      return List.of(unreadable(input.displayPath(), PolicyFiles.describe(e)));
    }
    Utf8Text decoded = Utf8Text.decode(bytes);
    if (decoded.valid() && AccountDetails.looksLike(decoded.text())) {
      return accountDetails.check(input.displayPath(), decoded.text());
    }
    if (decoded.valid()) {
      Optional<EmbeddedAnalysis> template =
          service.analyzeEmbedded(decoded.text(), input.file(), settings);
      if (template.isPresent()) {
        return TemplateResults.of(input.displayPath(), template.get());
      }
    }
    if (!PolicyFiles.isJson(input.file()) && (!input.explicit() || isYaml(input, decoded))) {
      return null; // a YAML file that is not a template
    }
    Analysis analysis = service.analyze(decoded.text(), input.file(), settings, input.explicit());
    if (!input.explicit() && !analysis.isPolicy()) {
      return null;
    }
    List<Finding> findings = new ArrayList<>(analysis.findings());
    if (!decoded.valid()) {
      findings.add(
          new Finding(
              CheckCode.INVALID_ENCODING,
              FindingType.ERROR,
              "This file is not valid UTF-8 (first bad byte here): save it as UTF-8",
              decoded.firstInvalidOffset(),
              1,
              List.of()));
      // Stable sort: keeps the engine's document order and slots this finding in by offset.
      findings.sort(Comparator.comparingInt(Finding::offset));
    }
    SourceText source = SourceText.of(analysis.policy().document());
    if (source != null && !findings.isEmpty()) {
      source.lines(); // indexed here, on a checking thread, not by the report on the main one
    }
    return List.of(
        new FileResult(input.displayPath(), analysis.policyType(), findings, source, null));
  }

  /** A file with a YAML name whose text is not JSON (a JSON policy is also valid YAML). */
  private static boolean isYaml(PolicyFiles.Input input, Utf8Text decoded) {
    return input.file() != null
        && PolicyFiles.isTemplateCandidate(input.file())
        && decoded.valid()
        && !CloudFormationFormat.startsAsJson(decoded.text());
  }

  /**
   * A file too large for the service is not read at all; like the service, it is reported only when
   * named on the command line or when it claims to be a policy.
   */
  private List<FileResult> tooLarge(PolicyFiles.Input input, long bytes) throws IOException {
    if (!input.explicit() && !StreamSearch.contains(input.file(), "\"Statement\"")) {
      return null;
    }
    PolicyType type = settings.forDocument(input.file()).policyType();
    return List.of(
        new FileResult(
            input.displayPath(),
            type != null ? type : PolicyType.IDENTITY_POLICY,
            List.of(PolicyLanguageService.tooLargeFinding(bytes)),
            new SourceText(""), // the finding sits at the start, as for an empty text
            null));
  }

  private FileResult unreadable(String path, String reason) {
    Finding finding =
        new Finding(
            CheckCode.UNREADABLE_FILE,
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
