package dev.iampolicyls.cli;

import dev.iampolicyls.checks.Finding;
import dev.iampolicyls.checks.FindingType;
import dev.iampolicyls.syntax.LineIndex;
import dev.iampolicyls.syntax.TextPosition;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;

/**
 * Compiler-style output for people: {@code path:line:col: TYPE CODE message}, the source line and a
 * caret under the span, then a summary. Lines and columns are 1-based here, unlike the JSON.
 */
final class TextReport {
  private TextReport() {}

  static void write(CheckRun run, PrintWriter out, PrintWriter err) {
    write(run, out, err, Colors.NONE);
  }

  static void write(CheckRun run, PrintWriter out, PrintWriter err, Colors colors) {
    for (FileResult file : run.files()) {
      if (file.unreadable()) {
        err.println(file.path() + ": cannot read: " + file.readProblem());
        continue;
      }
      for (Finding finding : file.findings()) {
        writeFinding(file, finding, out, colors);
      }
    }
    out.println(summary(run));
  }

  private static void writeFinding(
      FileResult file, Finding finding, PrintWriter out, Colors colors) {
    SourceText document = file.source();
    TextPosition start = document.positionAt(finding.offset());
    // A policy inside a template or an account dump is located in its file, where editors and CI
    // problem matchers look for path:line:col, and named after the message; one whose positions
    // are in its URL-decoded text has no place in the file, so its name stays in the path.
    boolean inFile = file.embeddedName() != null && !file.decodedPositions();
    String where = inFile ? file.artifactPath() : file.path();
    out.println(
        colors.bold(where + ":" + (start.line() + 1) + ":" + (start.character() + 1) + ":")
            + " "
            + colors.type(finding.type(), finding.type().name())
            + " "
            + finding.code().id()
            + " "
            + finding.message()
            + (inFile ? " [in " + file.embeddedName() + "]" : "")
            + (file.decodedPositions() ? " [position in the URL-decoded policy document]" : ""));
    LineIndex lines = document.lines();
    String text = document.text();
    int lineStart = lines.lineStart(start.line());
    int lineEnd = lines.lineEnd(start.line());
    String source = text.substring(lineStart, lineEnd);
    int spanEnd = Math.max(finding.offset(), Math.min(finding.end(), lineEnd));
    out.println(source);
    out.println(colors.marker(caret(source, finding.offset() - lineStart, spanEnd - lineStart)));
  }

  /**
   * The marker line: the same whitespace as the source up to the span (tabs kept, so it lines up),
   * then {@code ^} and a {@code ~} per further character, counting code points, not UTF-16 units.
   */
  static String caret(String source, int from, int to) {
    StringBuilder line = new StringBuilder();
    for (int i = 0; i < from; i += Character.charCount(source.codePointAt(i))) {
      line.append(source.charAt(i) == '\t' ? '\t' : ' ');
    }
    line.append('^');
    int width = source.codePointCount(from, Math.max(from, to));
    line.append("~".repeat(Math.max(0, width - 1)));
    return line.toString();
  }

  static String summary(CheckRun run) {
    Map<FindingType, Integer> counts = run.countsByType();
    StringBuilder s = new StringBuilder();
    // A template's or account dump's policies are results of their own but one file on disk.
    long files = run.files().stream().map(FileResult::artifactPath).distinct().count();
    s.append(plural(run.findingCount(), "finding"))
        .append(" in ")
        .append(plural((int) files, "file"));
    long embedded = run.files().stream().filter(f -> f.embeddedName() != null).count();
    if (embedded > 0) {
      s.append(", ").append(plural((int) embedded, "policy", "policies")).append(" inside");
    }
    s.append(" (");
    String separator = "";
    for (FindingType type : FindingType.values()) {
      String name = type.name().toLowerCase(Locale.ROOT).replace('_', ' ');
      s.append(separator).append(plural(counts.get(type), name));
      separator = ", ";
    }
    s.append(')');
    if (run.skipped() > 0) {
      s.append("; ")
          .append(plural(run.skipped(), "file"))
          .append(" skipped (not ")
          .append(run.skipped() == 1 ? "a policy" : "policies")
          .append(')');
    }
    // Unreadable paths are counted like JSON counts them; say so, as their lines went to stderr.
    long unreadable = run.files().stream().filter(FileResult::unreadable).count();
    if (unreadable > 0) {
      s.append("; ").append(plural((int) unreadable, "path")).append(" could not be read");
    }
    return s.toString();
  }

  private static String plural(int n, String noun) {
    return plural(n, noun, noun + "s");
  }

  private static String plural(int n, String one, String many) {
    return n + " " + (n == 1 ? one : many);
  }
}
