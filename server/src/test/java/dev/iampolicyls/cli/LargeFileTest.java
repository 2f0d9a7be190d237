package dev.iampolicyls.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * `check` does not read a file too large to be a policy: it reports the size limit from the file's
 * size, like the service does for a too-large text. The 20 MB files here are sparse, so they cost
 * no disk, and reading one would be visible as the run's memory, not needed for the assertions.
 */
class LargeFileTest {
  @TempDir Path tmp;

  private static Path sparse(Path file, String head, long size) throws Exception {
    try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
      f.write(head.getBytes(StandardCharsets.UTF_8));
      f.setLength(size);
    }
    return file;
  }

  private static List<String> codes(JsonNode report) {
    return report
        .get("files")
        .valueStream()
        .flatMap(f -> f.get("findings").valueStream())
        .map(f -> f.get("code").asString())
        .toList();
  }

  @Test
  void aTwentyMegabyteFileNamedOnTheCommandLineGetsTheLimitFinding() throws Exception {
    Path big = sparse(tmp.resolve("big.json"), "{\"Statement\": [", 20_000_000L);
    CliRun run = CliRun.run("check", "--format", "json", big.toString());
    assertEquals(1, run.exitCode(), run.err());
    assertEquals(List.of("JSON_SYNTAX_ERROR"), codes(run.json()));
    JsonNode finding = run.json().get("files").get(0).get("findings").get(0);
    assertEquals(0, finding.get("range").get("start").get("line").asInt(), finding.toString());
  }

  @Test
  void inAFolderOnlyALargeFileThatClaimsToBeAPolicyIsReported() throws Exception {
    // The word is past the first chunk the search reads, and split across two of them.
    Path claims = tmp.resolve("claims.json");
    try (RandomAccessFile f = new RandomAccessFile(claims.toFile(), "rw")) {
      f.setLength(20_000_000L);
      f.seek((1 << 16) - 4);
      f.write("\"Statement\"".getBytes(StandardCharsets.US_ASCII));
    }
    sparse(tmp.resolve("data.json"), "{\"rows\": [", 20_000_000L);
    CliRun run = CliRun.run("check", "--format", "json", tmp.toString());
    List<String> paths =
        run.json().get("files").valueStream().map(f -> f.get("path").asString()).toList();
    assertEquals(1, paths.size(), paths.toString());
    assertTrue(paths.get(0).endsWith("claims.json"), paths.toString());
    assertEquals(List.of("JSON_SYNTAX_ERROR"), codes(run.json()));
  }

  @Test
  void aLargeAccountAuthorizationDumpIsStillRead() throws Exception {
    // Many policies in one file: its size says nothing about each policy's.
    Path dump = tmp.resolve("account.json");
    String head = "{\"UserDetailList\": [], \"Policies\": [], \"RoleDetailList\": [";
    Files.writeString(dump, head + " ".repeat(PolicyChecker.MAX_READ_BYTES) + "]}");
    CliRun run = CliRun.run("check", "--format", "json", dump.toString());
    assertEquals(List.of(), codes(run.json()), run.out());
  }

  @Test
  void stdinIsReadOnlyUpToTheLimit() {
    byte[] big = new byte[PolicyChecker.MAX_READ_BYTES + 10];
    java.util.Arrays.fill(big, (byte) ' ');
    big[0] = '{';
    CliRun run = CliRun.runWithStdin(big, "check", "--format", "json", "-");
    assertEquals(List.of("JSON_SYNTAX_ERROR"), codes(run.json()));
  }

  @Test
  void aFileJustUnderTheReadLimitIsReadAndTheServiceDecides() throws Exception {
    Path file = tmp.resolve("under.json");
    String policy =
        "{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"Allow\","
            + " \"Action\": \"s3:GetObject\", \"Resource\": \"arn:aws:s3:::b/*\"}]}";
    Files.writeString(file, policy + " ".repeat(1000));
    CliRun run = CliRun.run("check", "--format", "json", file.toString());
    assertFalse(codes(run.json()).contains("JSON_SYNTAX_ERROR"), run.out());
  }
}
