package dev.iampolicyls.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** Reference policies of the configuration in `check`: JSON and SARIF, and bad references. */
class ReferencePolicyCliTest {
  private static final String BASELINE =
      """
      {"Version": "2012-10-17", "Statement": [
        {"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::data/*"}
      ]}
      """;

  /** Line 3 (1-based) grants s3:PutObject beyond the baseline. */
  private static final String APP =
      """
      {"Version": "2012-10-17", "Statement": [
        {"Sid": "Read", "Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::data/*"},
        {"Sid": "Write", "Effect": "Allow", "Action": "s3:PutObject", "Resource": "arn:aws:s3:::data/*"}
      ]}
      """;

  @TempDir Path dir;

  private Path write(String name, String text) throws IOException {
    Path file = dir.resolve(name);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text, StandardCharsets.UTF_8);
    return file;
  }

  @Test
  void aStatementBeyondTheReferenceIsAFindingInJsonAndSarif() throws IOException {
    Path config =
        write(
            ".iam-policy-ls.json",
            "{\"referencePolicies\": [{\"file\": \"org/baseline.json\", \"files\": \"apps/**\"}]}");
    write("org/baseline.json", BASELINE);
    write("apps/app.json", APP);
    CliRun run =
        CliRun.run(
            "check",
            "--format",
            "json",
            "--config",
            config.toString(),
            "--disable",
            "MISSING_RESOURCE",
            dir.resolve("apps").toString(),
            dir.resolve("org").toString());
    List<String> found = new ArrayList<>();
    for (JsonNode file : run.json().get("files")) {
      for (JsonNode f : file.get("findings")) {
        if (f.get("code").asString().endsWith("REFERENCE_POLICY")) {
          found.add(
              Path.of(file.get("path").asString()).getFileName()
                  + ":"
                  + (f.at("/range/start/line").asInt() + 1)
                  + " "
                  + f.get("message").asString());
        }
      }
    }
    assertEquals(
        List.of(
            "app.json:3 Grants s3:PutObject on arn:aws:s3:::data/example with no condition keys,"
                + " which reference policy \"org/baseline.json\" does not."),
        found);

    CliRun sarif =
        CliRun.run(
            "check",
            "--format",
            "sarif",
            "--config",
            config.toString(),
            dir.resolve("apps/app.json").toString());
    JsonNode results = sarif.json().at("/runs/0/results");
    List<String> rules = new ArrayList<>();
    results.forEach(r -> rules.add(r.get("ruleId").asString()));
    assertEquals(List.of("EXCEEDS_REFERENCE_POLICY"), rules);
    assertEquals(3, results.get(0).at("/locations/0/physicalLocation/region/startLine").asInt());
  }

  @Test
  void aReferenceThatCannotBeReadIsAConfigurationErrorWithItsPosition() throws IOException {
    Path config =
        write(".iam-policy-ls.json", "{\"referencePolicies\": [\n  {\"file\": \"none.json\"}]}");
    Path app = write("apps/app.json", APP);
    CliRun run = CliRun.run("check", "--config", config.toString(), app.toString());
    assertEquals(2, run.exitCode(), run.out());
    assertEquals(
        config
            + ":2:12: error: Cannot use the reference policy: cannot read "
            + dir.resolve("none.json").toString().replace('\\', '/')
            + ": no such file",
        run.err().lines().findFirst().orElse(""));
  }
}
