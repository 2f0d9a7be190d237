package dev.iampolicyls.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** `simulate` on the command line: exit codes, the JSON shape and the text explanation. */
class SimulateCommandTest {
  private static final String ALICE = "arn:aws:iam::111122223333:user/alice";

  @TempDir Path dir;
  private Path identity;
  private Path deny;

  @BeforeEach
  void writePolicies() throws IOException {
    identity =
        write(
            "identity.json",
            """
            {
              "Version": "2012-10-17",
              "Statement": [
                {"Sid": "Read", "Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::bucket/*"},
                {"Effect": "Allow", "Action": "ec2:*", "Resource": "*"}
              ]
            }
            """);
    deny =
        write(
            "deny.json",
            """
            {
              "Version": "2012-10-17",
              "Statement": {"Sid": "NoPlainHttp", "Effect": "Deny", "Action": "*", "Resource": "*",
                "Condition": {"Bool": {"aws:SecureTransport": "false"}}}
            }
            """);
  }

  private Path write(String name, String text) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, text, StandardCharsets.UTF_8);
    return file;
  }

  private CliRun simulate(String... options) {
    List<String> args = new ArrayList<>(List.of("simulate", "--action", "s3:GetObject"));
    args.addAll(List.of(options));
    return CliRun.run(args.toArray(String[]::new));
  }

  @Test
  void jsonGivesTheDecisionTheDecidingStatementsAndEveryStatement() {
    CliRun run =
        simulate(
            "--resource", "arn:aws:s3:::bucket/key",
            "--principal", ALICE,
            "--resource-account", "111122223333",
            "--policy", identity.toString(),
            "--policy", deny.toString(),
            "--context", "aws:SecureTransport=true",
            "--format", "json");
    assertEquals(0, run.exitCode(), run.err());
    JsonNode json = run.json();
    assertEquals("Allowed", json.get("decision").asString());
    JsonNode reason = json.get("reasons").get(0);
    assertEquals(identity.toString(), reason.get("file").asString());
    assertEquals(0, reason.get("statement").asInt());
    assertEquals("Read", reason.get("sid").asString());
    assertEquals("Allow", reason.get("effect").asString());
    assertEquals(4, reason.get("line").asInt());
    assertEquals(3, json.get("statements").size());
    JsonNode ec2 = json.get("statements").get(1);
    assertFalse(ec2.get("applies").asBoolean());
    assertEquals("the action s3:GetObject matches no Action", ec2.get("reason").asString());
    JsonNode denyStatement = json.get("statements").get(2);
    assertTrue(denyStatement.get("statement").isNull(), "a lone statement object has no index");
    assertEquals("SAME", json.get("request").get("accounts").asString());
    assertEquals("alice", json.get("request").get("context").get("aws:username").get(0).asString());
  }

  @Test
  void textNamesTheDecidingStatementAndWhyTheOthersDidNotApply() {
    CliRun run =
        simulate(
            "--resource",
            "arn:aws:s3:::bucket/key",
            "--policy",
            identity.toString(),
            "--policy",
            deny.toString(),
            "--context",
            "aws:SecureTransport=false");
    assertEquals(0, run.exitCode(), run.err());
    String out = run.out();
    assertTrue(out.startsWith("ExplicitDeny: s3:GetObject on arn:aws:s3:::bucket/key\n"), out);
    assertTrue(
        out.contains(
            deny + ":3 \"NoPlainHttp\" (Deny, identity-based policy): an explicit Deny applies"),
        out);
    assertTrue(
        out.contains(
            identity
                + ":4 \"Read\" (Allow, identity-based policy): applies (Allow) but did not decide"),
        out);
    assertTrue(
        out.contains(
            identity
                + ":5 statement 2 (Allow, identity-based policy): does not apply: the action"
                + " s3:GetObject matches no Action"),
        out);
  }

  @Test
  void expectTurnsAnUnexpectedDecisionIntoExitOne() {
    String[] allowed = {"--resource", "arn:aws:s3:::bucket/key", "--policy", identity.toString()};
    assertEquals(0, simulate(concat(allowed, "--expect", "Allowed")).exitCode());
    assertEquals(1, simulate(concat(allowed, "--expect", "Denied")).exitCode());
    assertEquals(1, simulate(concat(allowed, "--expect", "ExplicitDeny")).exitCode());
    String[] denied = {"--resource", "arn:aws:s3:::other/key", "--policy", identity.toString()};
    assertEquals(0, simulate(concat(denied, "--expect", "Denied")).exitCode());
    assertEquals(0, simulate(concat(denied, "--expect", "ImplicitDeny")).exitCode());
    assertEquals(1, simulate(concat(denied, "--expect", "Allowed")).exitCode());
  }

  private static String[] concat(String[] a, String... b) {
    List<String> all = new ArrayList<>(List.of(a));
    all.addAll(List.of(b));
    return all.toArray(String[]::new);
  }

  @Test
  void anUnparsablePolicyExitsTwoWithItsPositionAndNoStackTrace() throws IOException {
    Path broken = write("broken.json", "{\n  \"Statement\": [\n    {\"Effect\": \"Allow\",,}\n");
    CliRun run = simulate("--policy", broken.toString());
    assertEquals(2, run.exitCode());
    assertTrue(run.err().startsWith("iam-policy-ls simulate: " + broken + ":3:"), run.err());
    assertFalse(run.err().contains("Exception"), run.err());
    assertEquals("", run.out());
  }

  @Test
  void aMissingFileOrNonPolicyExitsTwo() throws IOException {
    CliRun missing = simulate("--policy", dir.resolve("nope.json").toString());
    assertEquals(2, missing.exitCode());
    assertTrue(missing.err().contains("nope.json: no such file"), missing.err());
    Path other = write("package.json", "{\"name\": \"x\"}");
    CliRun notPolicy = simulate("--resource-policy", other.toString());
    assertEquals(2, notPolicy.exitCode());
    assertTrue(notPolicy.err().contains("not an IAM policy (no Statement)"), notPolicy.err());
  }

  @Test
  void usageErrorsExitTwo() {
    assertEquals(2, CliRun.run("simulate", "--resource", "*").exitCode(), "no --action");
    CliRun badAction = CliRun.run("simulate", "--action", "GetObject");
    assertEquals(2, badAction.exitCode());
    assertTrue(badAction.err().contains("--action takes SERVICE:ACTION"), badAction.err());
    CliRun badPrincipal = simulate("--principal", "alice");
    assertEquals(2, badPrincipal.exitCode());
    assertTrue(badPrincipal.err().contains("--principal 'alice'"), badPrincipal.err());
    CliRun badBool = simulate("--context", "aws:SecureTransport=yes");
    assertEquals(2, badBool.exitCode());
    assertTrue(badBool.err().contains("'yes' is not true or false"), badBool.err());
    CliRun badIp = simulate("--context", "aws:SourceIp=1.2.3.4,5.6.7.8");
    assertEquals(2, badIp.exitCode(), "aws:SourceIp is single-valued: the comma stays in");
    assertEquals(2, simulate("--expect", "Maybe").exitCode());
  }

  @Test
  void anS3ResourceWithoutAccountNeedsResourceAccountWhenItMatters() {
    CliRun ambiguous =
        simulate(
            "--resource",
            "arn:aws:s3:::bucket/key",
            "--principal",
            ALICE,
            "--policy",
            identity.toString());
    assertEquals(2, ambiguous.exitCode());
    assertTrue(ambiguous.err().contains("give --resource-account"), ambiguous.err());
    CliRun cross =
        simulate(
            "--resource", "arn:aws:s3:::bucket/key",
            "--principal", ALICE,
            "--resource-account", "444455556666",
            "--policy", identity.toString(),
            "--format", "json");
    assertEquals(0, cross.exitCode(), cross.err());
    assertEquals("ImplicitDeny", cross.json().get("decision").asString());
    assertEquals("CROSS", cross.json().get("request").get("accounts").asString());
  }

  @Test
  void scpLevelsAreCommaSeparatedFilesAndEachLevelMustAllow() throws IOException {
    Path full =
        write(
            "full.json",
            "{\"Version\": \"2012-10-17\", \"Statement\": {\"Effect\": \"Allow\", \"Action\":"
                + " \"*\", \"Resource\": \"*\"}}");
    Path denyIam =
        write(
            "deny-iam.json",
            "{\"Version\": \"2012-10-17\", \"Statement\": {\"Effect\": \"Deny\", \"Action\":"
                + " \"iam:*\", \"Resource\": \"*\"}}");
    String[] base = {"--resource", "arn:aws:s3:::bucket/key", "--policy", identity.toString()};
    CliRun oneLevel = simulate(concat(base, "--scp", full + "," + denyIam, "--format", "json"));
    assertEquals("Allowed", oneLevel.json().get("decision").asString(), oneLevel.out());
    CliRun twoLevels =
        simulate(
            concat(
                base, "--scp", full.toString(), "--scp", denyIam.toString(), "--format", "json"));
    assertEquals("ImplicitDeny", twoLevels.json().get("decision").asString());
    JsonNode reason = twoLevels.json().get("reasons").get(0);
    assertEquals(denyIam.toString(), reason.get("file").asString());
    assertEquals("SCP", reason.get("policyType").asString());
    assertTrue(reason.get("statement").isNull());
  }
}
