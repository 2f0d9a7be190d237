package dev.iampolicyls.cli;

import static org.junit.jupiter.api.Assertions.*;

import dev.iampolicyls.catalog.Catalog;
import dev.iampolicyls.checks.FindingType;
import dev.iampolicyls.config.AnalysisSettings;
import dev.iampolicyls.service.PolicyLanguageService;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** --fail-on, --baseline, --exclude, parallel checking, colour and progress. */
class BatchModeTest {
  /** No Version: a WARNING and nothing more severe. */
  private static final String WARNING_ONLY =
      """
      {
        "Statement": [{"Effect": "Allow", "Action": "s3:ListBucket", "Resource": "*"}]
      }
      """;

  @TempDir Path dir;

  private Path write(String name, String text) throws IOException {
    Path file = dir.resolve(name);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text, StandardCharsets.UTF_8);
    return file;
  }

  private static List<String> paths(JsonNode report) {
    List<String> paths = new ArrayList<>();
    report.get("files").forEach(f -> paths.add(f.get("path").asString()));
    return paths;
  }

  private static List<String> codes(JsonNode report) {
    List<String> codes = new ArrayList<>();
    report
        .get("files")
        .forEach(f -> f.get("findings").forEach(x -> codes.add(x.get("code").asString())));
    return codes;
  }

  @Test
  void failOnSetsTheLeastSevereTypeThatFails() throws IOException {
    Path file = write("p.json", WARNING_ONLY);
    JsonNode report = CliRun.run("check", "--format", "json", file.toString()).json();
    assertTrue(codes(report).contains("MISSING_VERSION"), codes(report).toString());
    assertEquals(0, report.get("summary").get("ERROR").asInt());
    assertEquals(0, CliRun.run("check", file.toString()).exitCode());
    assertEquals(0, CliRun.run("check", "--fail-on", "ERROR", file.toString()).exitCode());
    assertEquals(
        0, CliRun.run("check", "--fail-on", "SECURITY_WARNING", file.toString()).exitCode());
    assertEquals(1, CliRun.run("check", "--fail-on", "WARNING", file.toString()).exitCode());
    assertEquals(1, CliRun.run("check", "--fail-on", "suggestion", file.toString()).exitCode());
    assertEquals(2, CliRun.run("check", "--fail-on", "LOUD", file.toString()).exitCode());
  }

  @Test
  void exitCodeThresholdCountsMoreSevereTypes() {
    CheckRun run =
        new CheckRun(
            List.of(
                new FileResult(
                    "a.json",
                    dev.iampolicyls.policy.PolicyType.IDENTITY_POLICY,
                    List.of(
                        new dev.iampolicyls.checks.Finding(
                            dev.iampolicyls.checks.CheckCode.PUBLIC_ACCESS,
                            FindingType.SECURITY_WARNING,
                            "m",
                            0,
                            1,
                            List.of())),
                    null,
                    null)),
            0);
    assertEquals(0, run.exitCode(FindingType.ERROR));
    assertEquals(1, run.exitCode(FindingType.SECURITY_WARNING));
    assertEquals(1, run.exitCode(FindingType.WARNING));
    assertEquals(1, run.exitCode(FindingType.SUGGESTION));
  }

  @Test
  void anUnwritableBaselineIsAnErrorButTheFindingsStillPrint() throws IOException {
    Path policy = write("policies/p.json", SarifReportTest.BAD);
    // Under a regular file: no folder can be made there (missing folders are made).
    Path baseline = policy.resolve("baseline.json");
    CliRun run =
        CliRun.run(
            "check",
            "--format",
            "json",
            "--write-baseline",
            baseline.toString(),
            dir.resolve("policies").toString());
    assertEquals(2, run.exitCode(), run.err());
    assertTrue(run.err().contains("--write-baseline"), run.err());
    assertFalse(codes(run.json()).isEmpty());
    assertFalse(Files.exists(baseline));
  }

  @Test
  void baselineRoundTripIgnoresLineMovesButShowsNewFindings() throws IOException {
    Path policy = write("policies/p.json", SarifReportTest.BAD);
    Path baseline = dir.resolve("baseline.json");
    CliRun first =
        CliRun.run(
            "check", "--write-baseline", baseline.toString(), dir.resolve("policies").toString());
    assertEquals(1, first.exitCode());
    assertTrue(Files.exists(baseline));
    assertFalse(codes(CliRun.readJson(baseline)).isEmpty());

    // Edit above the findings: they move down three lines but stay known.
    Files.writeString(policy, "\n\n\n" + SarifReportTest.BAD, StandardCharsets.UTF_8);
    CliRun again =
        CliRun.run(
            "check",
            "--format",
            "json",
            "--baseline",
            baseline.toString(),
            dir.resolve("policies").toString());
    assertEquals(0, again.exitCode(), again.out());
    assertEquals(List.of(), codes(again.json()));

    // A new problem in another statement is reported, the known ones still are not.
    Files.writeString(
        policy,
        SarifReportTest.BAD.replace(
            "\"Resource\": \"*\"}\n  ]", "\"Resource\": \"*\"},\n    {\"Effect\": \"Deny\"}\n  ]"),
        StandardCharsets.UTF_8);
    CliRun changed =
        CliRun.run(
            "check",
            "--format",
            "json",
            "--baseline",
            baseline.toString(),
            dir.resolve("policies").toString());
    List<String> fresh = codes(changed.json());
    assertFalse(fresh.isEmpty());
    assertFalse(fresh.contains("INVALID_ACTION"), fresh.toString());
  }

  @Test
  void aBaselineThatIsNotAReportIsAUsageProblem() throws IOException {
    Path policy = write("p.json", SarifReportTest.GOOD);
    Path notReport = write("b.json", "[1, 2]");
    CliRun run = CliRun.run("check", "--baseline", notReport.toString(), policy.toString());
    assertEquals(2, run.exitCode());
    assertTrue(run.err().contains("--baseline"), run.err());
  }

  @Test
  void excludeSkipsMatchingFilesAndFoldersUnderSearchedFolders() throws IOException {
    write("tree/a.json", SarifReportTest.GOOD);
    write("tree/vendor/b.json", SarifReportTest.GOOD);
    write("tree/sub/c.tmp.json", SarifReportTest.GOOD);
    write("tree/sub/d.json", SarifReportTest.GOOD);
    String tree = dir.resolve("tree").toString();
    List<String> all = paths(CliRun.run("check", "--format", "json", tree).json());
    assertEquals(4, all.size(), all.toString());
    List<String> some =
        paths(
            CliRun.run(
                    "check",
                    "--format",
                    "json",
                    "--exclude",
                    "vendor",
                    "--exclude",
                    "*.tmp.json",
                    tree)
                .json());
    assertEquals(2, some.size(), some.toString());
    assertTrue(some.stream().anyMatch(p -> p.endsWith("tree/a.json")));
    assertTrue(some.stream().anyMatch(p -> p.endsWith("tree/sub/d.json")));
    // Anchored pattern: only sub/d.json.
    List<String> anchored =
        paths(CliRun.run("check", "--format", "json", "--exclude", "sub/d.json", tree).json());
    assertEquals(3, anchored.size(), anchored.toString());
    // A file named on the command line is checked even when a pattern matches it.
    List<String> named =
        paths(
            CliRun.run(
                    "check",
                    "--format",
                    "json",
                    "--exclude",
                    "*.tmp.json",
                    dir.resolve("tree/sub/c.tmp.json").toString())
                .json());
    assertEquals(1, named.size());
  }

  @Test
  void jsonRunsSaySkippedCountOnStderr() throws IOException {
    write("tree/a.json", SarifReportTest.GOOD);
    write("tree/package.json", "{\"name\": \"x\"}");
    write("tree/tsconfig.json", "{\"compilerOptions\": {}}");
    CliRun run = CliRun.run("check", "--format", "json", dir.resolve("tree").toString());
    assertTrue(run.err().contains("2 files skipped (not policies)"), run.err());
    assertEquals(1, paths(run.json()).size());
  }

  @Test
  void parallelOutputEqualsSerialOutput() throws IOException {
    // The bundled examples and the SARIF fixtures, many times over, in shuffled-looking names.
    List<String> texts = new ArrayList<>();
    try (Stream<Path> examples = Files.list(Path.of("examples"))) {
      for (Path p : examples.sorted().toList()) {
        texts.add(Files.readString(p, StandardCharsets.UTF_8));
      }
    }
    texts.add(SarifReportTest.BAD);
    texts.add(WARNING_ONLY);
    for (int i = 0; i < 60; i++) {
      write("tree/" + ((i * 37) % 60) + "/p" + i + ".json", texts.get(i % texts.size()));
    }
    List<PolicyFiles.Input> inputs = PolicyFiles.discover(List.of(dir.resolve("tree").toString()));
    PolicyLanguageService service = new PolicyLanguageService(Catalog.bundled());
    PolicyChecker checker =
        new PolicyChecker(service, AnalysisSettings.DEFAULT, new ByteArrayInputStream(new byte[0]));
    String serial = render(checker.check(inputs, 1, PolicyChecker.Progress.NONE));
    String parallel = render(checker.check(inputs, 4, PolicyChecker.Progress.NONE));
    assertEquals(serial, parallel);
    List<String> sorted = new ArrayList<>(paths(CliRun.parseJson(serial)));
    List<String> expected = new ArrayList<>(sorted);
    expected.sort(null);
    assertEquals(expected, sorted);
  }

  @Test
  void entriesRenderedOnTheCheckingThreadsEqualTheReportRenderedAfter() throws IOException {
    write("tree/a.json", SarifReportTest.BAD);
    write("tree/b/c.json", WARNING_ONLY);
    write("tree/b/d.json", SarifReportTest.GOOD);
    write("tree/e.json", "{\"Version\": \"2012-10-17\", \"Statement\": [");
    List<PolicyFiles.Input> inputs = PolicyFiles.discover(List.of(dir.resolve("tree").toString()));
    PolicyChecker checker =
        new PolicyChecker(
            new PolicyLanguageService(Catalog.bundled()),
            AnalysisSettings.DEFAULT,
            new ByteArrayInputStream(new byte[0]));
    JsonReport.FileParts parts = new JsonReport.FileParts();
    CheckRun run = checker.check(inputs, 2, PolicyChecker.Progress.NONE, parts::prepare);
    for (FileResult file : run.files()) {
      assertTrue(parts.partFor(file) != null, file.path());
    }
    StringWriter prepared = new StringWriter();
    JsonReport.write(run, Catalog.bundled(), new PrintWriter(prepared), parts);
    assertEquals(render(run), prepared.toString());

    // A result filtered after its entry was rendered (a baseline) is rendered again, as it is now.
    FileResult first = run.files().get(0);
    assertFalse(first.findings().isEmpty());
    CheckRun filtered = new CheckRun(List.of(first.withFindings(List.of())), 0);
    assertEquals(null, parts.partFor(filtered.files().get(0)));
    StringWriter after = new StringWriter();
    JsonReport.write(filtered, Catalog.bundled(), new PrintWriter(after), parts);
    assertEquals(render(filtered), after.toString());
    assertTrue(after.toString().contains("\"findings\": []"), after.toString());
  }

  private static String render(CheckRun run) {
    StringWriter out = new StringWriter();
    JsonReport.write(run, Catalog.bundled(), new PrintWriter(out));
    return out.toString();
  }

  @Test
  void colourFollowsTheModeTheTerminalAndNoColor() {
    assertTrue(Colors.choose(Colors.Mode.always, "1", false).enabled());
    assertFalse(Colors.choose(Colors.Mode.never, null, true).enabled());
    assertTrue(Colors.choose(Colors.Mode.auto, null, true).enabled());
    assertTrue(Colors.choose(Colors.Mode.auto, "", true).enabled());
    assertFalse(Colors.choose(Colors.Mode.auto, "1", true).enabled());
    assertFalse(Colors.choose(Colors.Mode.auto, null, false).enabled());
  }

  @Test
  void colourAppearsInTextOnlyWhenAsked() throws IOException {
    Path file = write("p.json", SarifReportTest.BAD);
    assertTrue(CliRun.run("check", "--color", "always", file.toString()).out().contains("\u001b["));
    assertFalse(CliRun.run("check", "--color", "never", file.toString()).out().contains("\u001b["));
    // Tests do not run on a terminal: auto means no colour.
    assertFalse(CliRun.run("check", file.toString()).out().contains("\u001b["));
    // JSON is never coloured.
    assertFalse(
        CliRun.run("check", "--format", "json", "--color", "always", file.toString())
            .out()
            .contains("\u001b["));
  }

  @Test
  void progressBarOnlyOnATerminalWithManyFiles() {
    StringWriter err = new StringWriter();
    PrintWriter w = new PrintWriter(err);
    assertSame(PolicyChecker.Progress.NONE, ProgressBar.forRun(5000, false, w));
    assertSame(PolicyChecker.Progress.NONE, ProgressBar.forRun(3, true, w));
    PolicyChecker.Progress bar = ProgressBar.forRun(200, true, w);
    for (int i = 1; i <= 200; i++) {
      bar.done(i, 200);
    }
    w.flush();
    String drawn = err.toString();
    assertTrue(drawn.contains("200/200"), drawn);
    assertTrue(drawn.endsWith("\r"), "the line is cleared at the end");
    // Redrawn once per percent, not once per file.
    assertTrue(drawn.split("\r").length <= 103, "draws: " + drawn.split("\r").length);
  }
}
