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

/** `check` with a configuration file and the options that override it. */
class CheckConfigurationTest {
  /** No Version (a warning) and a Principal: an SCP error when the configuration says SCP. */
  private static final String SCP_WITH_PRINCIPAL =
      """
      {"Statement": {"Effect": "Deny", "Principal": "*", "Action": "s3:*", "Resource": "*"}}
      """;

  @TempDir Path dir;

  private Path write(String name, String text) throws IOException {
    Path file = dir.resolve(name);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text, StandardCharsets.UTF_8);
    return file;
  }

  private static List<String> codes(CliRun run) {
    List<String> codes = new ArrayList<>();
    for (JsonNode file : run.json().get("files")) {
      file.get("findings")
          .forEach(
              f -> codes.add(f.get("code").asString() + ":" + f.get("findingType").asString()));
    }
    return codes;
  }

  @Test
  void theConfigurationSetsTypesAndChecks() throws IOException {
    Path config =
        write(
            ".iam-policy-ls.json",
            """
            {"policyTypes": [{"files": "scp/**/*.json", "type": "SERVICE_CONTROL_POLICY"}],
             "checks": {"MISSING_VERSION": "SUGGESTION"}}
            """);
    Path policy = write("scp/ou/deny.json", SCP_WITH_PRINCIPAL);
    CliRun run =
        CliRun.run("check", "--format", "json", "--config", config.toString(), policy.toString());
    assertEquals(1, run.exitCode(), run.err());
    assertEquals("SERVICE_CONTROL_POLICY", run.json().at("/files/0/policyType").asString());
    assertEquals(
        List.of("MISSING_VERSION:SUGGESTION", "SCP_SYNTAX_ERROR_PRINCIPAL:ERROR"), codes(run));

    // The command line overrides the file.
    CliRun overridden =
        CliRun.run(
            "check",
            "--format",
            "json",
            "--config",
            config.toString(),
            "--disable",
            "SCP_SYNTAX_ERROR_PRINCIPAL",
            "--severity",
            "MISSING_VERSION=ERROR",
            policy.toString());
    assertEquals(List.of("MISSING_VERSION:ERROR"), codes(overridden));
  }

  @Test
  void ignoresNeedAReasonAndApplyToTheirFiles() throws IOException {
    Path config =
        write(
            ".iam-policy-ls.json",
            """
            {"ignore": [{"code": "MISSING_VERSION", "files": "legacy/**", "reason": "old"}]}
            """);
    Path legacy = write("legacy/a.json", SCP_WITH_PRINCIPAL);
    Path current = write("current/a.json", SCP_WITH_PRINCIPAL);
    CliRun run =
        CliRun.run(
            "check",
            "--format",
            "json",
            "--config",
            config.toString(),
            legacy.toString(),
            current.toString());
    assertEquals(0, run.exitCode(), run.err());
    assertEquals(List.of("MISSING_VERSION:WARNING"), codes(run), "only the file outside legacy/");
  }

  @Test
  void configurationMistakesGoToStderrAndExitTwo() throws IOException {
    Path config =
        write(
            ".iam-policy-ls.json",
            "{\n  \"checks\": {\"NOT_A_CODE\": \"off\"},\n  \"ignore\": [{\"code\": \"MISSING_VERSION\"}]\n}\n");
    Path policy = write("p.json", SCP_WITH_PRINCIPAL);
    CliRun run = CliRun.run("check", "--config", config.toString(), policy.toString());
    assertEquals(2, run.exitCode());
    assertTrue(run.err().contains(".iam-policy-ls.json:2:14: error: "), run.err());
    assertTrue(run.err().contains(".iam-policy-ls.json:3:14: error: "), run.err());
    // The policies are still checked.
    assertTrue(run.out().contains("MISSING_VERSION"), run.out());
  }

  @Test
  void resourceTypeSelectsTheQuota() throws IOException {
    String big =
        "{\"Version\": \"2012-10-17\", \"Statement\": {\"Effect\": \"Allow\", \"Principal\": {\"AWS\": \"arn:aws:iam::111122223333:root\"}, \"Action\": \"s3:GetObject\", \"Resource\": ["
            + String.join(
                ", ", java.util.Collections.nCopies(700, "\"arn:aws:s3:::bucket-name/objects/*\""))
            + "]}}";
    Path policy = write("bucket.json", big);
    CliRun plain = CliRun.run("check", "--format", "json", policy.toString());
    assertFalse(codes(plain).contains("POLICY_SIZE_EXCEEDS_RESOURCE_POLICY_QUOTA:WARNING"));
    CliRun bucket =
        CliRun.run(
            "check", "--format", "json", "--resource-type", "AWS::S3::Bucket", policy.toString());
    assertTrue(
        codes(bucket).contains("POLICY_SIZE_EXCEEDS_RESOURCE_POLICY_QUOTA:WARNING"), bucket.out());
    assertEquals("RESOURCE_POLICY", bucket.json().at("/files/0/policyType").asString());
  }

  @Test
  void aVpcEndpointPolicyGetsNoPublicAccess() throws IOException {
    Path policy =
        write(
            "endpoint.json",
            """
            {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": "*",
              "Action": "s3:GetObject", "Resource": "arn:aws:s3:::my-bucket/*"}]}
            """);
    CliRun plain = CliRun.run("check", "--format", "json", policy.toString());
    assertTrue(codes(plain).contains("PUBLIC_ACCESS:SECURITY_WARNING"), plain.out());
    CliRun endpoint =
        CliRun.run(
            "check",
            "--format",
            "json",
            "--resource-type",
            "AWS::EC2::VPCEndpoint",
            policy.toString());
    assertEquals(List.of(), codes(endpoint), endpoint.out());
    assertEquals("RESOURCE_POLICY", endpoint.json().at("/files/0/policyType").asString());
  }

  @Test
  void badOptionsAreUsageErrors() throws IOException {
    Path policy = write("p.json", SCP_WITH_PRINCIPAL);
    assertEquals(2, CliRun.run("check", "--disable", "NOPE", policy.toString()).exitCode());
    assertEquals(
        2, CliRun.run("check", "--severity", "MISSING_VERSION", policy.toString()).exitCode());
    assertEquals(
        2, CliRun.run("check", "--severity", "MISSING_VERSION=LOUD", policy.toString()).exitCode());
    assertEquals(
        2, CliRun.run("check", "--resource-type", "AWS::S3::Nope", policy.toString()).exitCode());
    assertEquals(
        2,
        CliRun.run(
                "check",
                "--policy-type",
                "IDENTITY_POLICY",
                "--resource-type",
                "AWS::S3::Bucket",
                policy.toString())
            .exitCode());
    assertEquals(2, CliRun.run("check").exitCode(), "a path is needed unless listing checks");
  }

  @Test
  void listChecksNamesEveryCodeWithItsTypeAndADescription() {
    CliRun run = CliRun.run("check", "--list-checks");
    assertEquals(0, run.exitCode(), run.err());
    List<String> lines = run.out().lines().toList();
    assertTrue(
        lines.stream().anyMatch(l -> l.matches("MISSING_VERSION +WARNING +\\S.*")), run.out());
    assertTrue(
        lines.stream().anyMatch(l -> l.matches("RCP_SYNTAX_ERROR_ALLOW +ERROR +\\S.*")), run.out());
    assertEquals(lines.stream().sorted().toList(), lines, "sorted by code");
    assertTrue(
        lines.stream()
            .anyMatch(
                l ->
                    l.startsWith("MISSING_VERSION ")
                        && l.endsWith(
                            "  https://github.com/iam-policy-ls/iam-policy-ls/blob/main/docs/checks/MISSING_VERSION.md")),
        "each code's page, last on its line");
    assertEquals(
        lines.size(),
        lines.stream().map(l -> l.split(" ")[0]).distinct().count(),
        "one line per code");
  }
}
