package dev.iampolicyls.cli;

import dev.iampolicyls.catalog.Catalog;
import dev.iampolicyls.checks.CheckCode;
import dev.iampolicyls.checks.FindingType;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Writes a run in the chosen format, and the notes for people that go to stderr with it. */
final class Reports {
  private Reports() {}

  static void write(
      CheckCommand.Format format,
      CheckRun run,
      Map<CheckCode, FindingType> enabled,
      Catalog catalog,
      JsonReport.FileParts jsonParts,
      PrintWriter out,
      PrintWriter err,
      Colors colors) {
    if (format == CheckCommand.Format.text) {
      TextReport.write(run, out, err, colors);
      return;
    }
    if (format == CheckCommand.Format.sarif) {
      SarifReport.write(run, enabled, catalog, out);
    } else {
      JsonReport.write(run, catalog, out, jsonParts);
    }
    // Machine output carries unreadable paths as entries; stderr still names them, and the skipped
    // count, for people watching CI.
    run.files().stream()
        .filter(FileResult::unreadable)
        .forEach(f -> err.println(f.path() + ": cannot read: " + f.readProblem()));
    if (run.skipped() > 0) {
      err.println(
          run.skipped()
              + (run.skipped() == 1 ? " file" : " files")
              + " skipped (not "
              + (run.skipped() == 1 ? "a policy" : "policies")
              + ")");
    }
  }

  /** The whole run (before any baseline filter) as JSON, for a later --baseline. */
  static void writeBaseline(
      CheckRun run, Catalog catalog, JsonReport.FileParts jsonParts, Path file) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        PrintWriter out = new PrintWriter(w)) {
      JsonReport.write(run, catalog, out, jsonParts);
    }
  }
}
