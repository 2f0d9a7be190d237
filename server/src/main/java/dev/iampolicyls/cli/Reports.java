package dev.iampolicyls.cli;

import dev.iampolicyls.catalog.Catalog;
import dev.iampolicyls.checks.Finding;
import dev.iampolicyls.checks.FindingType;
import dev.iampolicyls.policy.PolicyType;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Writes a run in the chosen format, and the notes for people that go to stderr with it. */
final class Reports {
  private Reports() {}

  static void write(
      CheckCommand.Format format,
      CheckRun run,
      Catalog catalog,
      PrintWriter out,
      PrintWriter err,
      Colors colors) {
    if (format == CheckCommand.Format.text) {
      TextReport.write(run, out, err, colors);
      return;
    }
    if (format == CheckCommand.Format.sarif) {
      SarifReport.write(run, catalog, out);
    } else {
      JsonReport.write(run, catalog, out);
    }
    // Machine output carries unreadable paths as entries; stderr still names them, and the skipped
    // count, for people watching CI.
    run.files().stream()
        .filter(FileResult::unreadable)
        .forEach(f -> err.println(f.path() + ": cannot read: " + f.readProblem()));
    if (run.skipped() > 0) {
      err.println(
          run.skipped()
              + (run.skipped() == 1 ? " JSON file" : " JSON files")
              + " skipped (not "
              + (run.skipped() == 1 ? "a policy" : "policies")
              + ")");
    }
  }

  /**
   * Starts writing a one-finding run in this format to nowhere, on a thread of its own. The JSON
   * and SARIF writers initialise Jackson's databind on first use (0.1–0.4 s of class loading and
   * set-up), which would otherwise happen after the checking, on the main thread alone; done
   * meanwhile, it costs the checking little. Text output needs no preparing.
   */
  static void prepare(CheckCommand.Format format, Catalog catalog) {
    if (format == CheckCommand.Format.text) {
      return;
    }
    Thread thread =
        new Thread("iam-policy-ls-report-warmup") {
          @Override
          public void run() {
            try {
              String text = "{\"Statement\": []}";
              Finding finding =
                  new Finding("MISSING_VERSION", FindingType.WARNING, "example", 0, 1, List.of());
              CheckRun sample =
                  new CheckRun(
                      List.of(
                          new FileResult(
                              "sample.json",
                              PolicyType.IDENTITY_POLICY,
                              List.of(finding),
                              new SourceText(text),
                              null)),
                      0);
              PrintWriter nowhere = new PrintWriter(Writer.nullWriter());
              write(format, sample, catalog, nowhere, nowhere, Colors.NONE);
            } catch (RuntimeException e) {
              // Only a head start: the real report does the same work again if this failed.
              LOG.log(Level.FINE, "report warm-up failed", e);
            }
          }
        };
    thread.setDaemon(true);
    thread.start();
  }

  private static final Logger LOG = Logger.getLogger(Reports.class.getName());

  /** The whole run (before any baseline filter) as JSON, for a later --baseline. */
  static void writeBaseline(CheckRun run, Catalog catalog, Path file) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        PrintWriter out = new PrintWriter(w)) {
      JsonReport.write(run, catalog, out);
    }
  }
}
