package dev.iampolicyls.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import dev.iampolicyls.schema.OfflineSchemas;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.xml.sax.InputSource;
import tools.jackson.databind.JsonNode;

/** `test` on *.iamtest.json files: outcomes in text, JSON and JUnit XML, and the schema. */
class PolicyTestCommandTest {
  private static final String SCHEMA_ID = "https://iam-policy-ls.dev/schemas/iamtest.schema.json";

  @TempDir Path dir;
  private Path tests;

  private static final String TESTS =
      """
      {
        "policies": {
          "identity": ["policies/app.json"],
          "scp": [["policies/full.json", "policies/no-iam.json"]]
        },
        "principal": "arn:aws:iam::111122223333:user/alice",
        "resourceAccount": "111122223333",
        "cases": [
          {"name": "reads reports", "action": "s3:GetObject",
           "resource": "arn:aws:s3:::reports/q1.csv", "expect": "Allowed"},
          {"name": "no plain http", "action": "s3:GetObject",
           "resource": "arn:aws:s3:::reports/q1.csv",
           "context": {"aws:SecureTransport": "false"}, "expect": "ExplicitDeny"},
          {"name": "no users <wrongly expected>", "action": "iam:CreateUser",
           "resource": "arn:aws:iam::111122223333:user/x", "expect": "Allowed"}
        ]
      }
      """;

  @BeforeEach
  void writeFiles() throws IOException {
    Files.createDirectories(dir.resolve("policies"));
    write(
        "policies/app.json",
        """
        {"Version": "2012-10-17", "Statement": [
          {"Sid": "Reports", "Effect": "Allow", "Action": ["s3:GetObject", "iam:*"], "Resource": "*"},
          {"Sid": "Tls", "Effect": "Deny", "Action": "*", "Resource": "*",
           "Condition": {"Bool": {"aws:SecureTransport": "false"}}}
        ]}
        """);
    write(
        "policies/full.json",
        "{\"Version\": \"2012-10-17\", \"Statement\": {\"Effect\": \"Allow\", \"Action\": \"*\","
            + " \"Resource\": \"*\"}}");
    write(
        "policies/no-iam.json",
        "{\"Version\": \"2012-10-17\", \"Statement\": {\"Sid\": \"NoIam\", \"Effect\": \"Deny\","
            + " \"Action\": \"iam:*\", \"Resource\": \"*\"}}");
    tests = write("app.iamtest.json", TESTS);
  }

  private Path write(String name, String text) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, text, StandardCharsets.UTF_8);
    return file;
  }

  @Test
  void textListsEachCaseAndExitsOneOnAFailure() {
    CliRun run = CliRun.run("test", dir.toString());
    assertEquals(1, run.exitCode(), run.err());
    String[] lines = run.out().split("\n");
    assertEquals("PASS " + tests + ":9 reads reports (Allowed)", lines[0]);
    assertEquals("PASS " + tests + ":11 no plain http (ExplicitDeny)", lines[1]);
    assertEquals(
        "FAIL "
            + tests
            + ":14 no users <wrongly expected>: expected Allowed, got ExplicitDeny; "
            + dir.resolve("policies/no-iam.json")
            + ":1 \"NoIam\" an explicit Deny applies",
        lines[2]);
    assertEquals("3 cases, 1 failed, in 1 file", lines[3]);
  }

  @Test
  void allPassingExitsZero() throws IOException {
    Path passing =
        write(
            "ok.iamtest.json",
            TESTS.replace("\"expect\": \"Allowed\"}\n  ]", "\"expect\": \"Denied\"}\n  ]"));
    Files.delete(tests);
    CliRun run = CliRun.run("test", passing.toString());
    assertEquals(0, run.exitCode(), run.out() + run.err());
    assertTrue(run.out().endsWith("3 cases, 0 failed, in 1 file\n"), run.out());
  }

  @Test
  void jsonGivesEachCaseWithItsDecision() {
    CliRun run = CliRun.run("test", "--format", "json", tests.toString());
    assertEquals(1, run.exitCode());
    JsonNode json = run.json();
    assertEquals("FAIL", json.get("result").asString());
    JsonNode cases = json.get("files").get(0).get("cases");
    assertEquals(3, cases.size());
    assertTrue(cases.get(0).get("passed").asBoolean());
    assertTrue(cases.get(0).get("message").isNull());
    assertEquals("ExplicitDeny", cases.get(2).get("decision").asString());
    assertFalse(cases.get(2).get("passed").asBoolean());
    assertEquals(14, cases.get(2).get("line").asInt());
  }

  @Test
  void junitXmlHasASuitePerFileAndAFailurePerFailedCase() throws Exception {
    CliRun run = CliRun.run("test", "--format", "junit", tests.toString());
    assertEquals(1, run.exitCode());
    Document xml =
        DocumentBuilderFactory.newInstance()
            .newDocumentBuilder()
            .parse(new InputSource(new StringReader(run.out())));
    Element suites = xml.getDocumentElement();
    assertEquals("testsuites", suites.getTagName());
    assertEquals("3", suites.getAttribute("tests"));
    assertEquals("1", suites.getAttribute("failures"));
    assertEquals(3, xml.getElementsByTagName("testcase").getLength());
    Element failed = (Element) xml.getElementsByTagName("testcase").item(2);
    assertEquals("no users <wrongly expected>", failed.getAttribute("name"));
    Element failure = (Element) failed.getElementsByTagName("failure").item(0);
    assertTrue(failure.getAttribute("message").startsWith("expected Allowed, got ExplicitDeny"));
  }

  @Test
  void aBrokenTestFileOrPolicyExitsTwoWithAPosition() throws IOException {
    Path broken =
        write(
            "broken.iamtest.json",
            "{\"policies\": {}, \"cases\": [{\"name\": \"x\",\n \"action\": 7}]}");
    CliRun run = CliRun.run("test", broken.toString());
    assertEquals(2, run.exitCode());
    assertEquals("iam-policy-ls test: " + broken + ":2:12: action must be a string\n", run.err());
    Path missingPolicy =
        write("missing.iamtest.json", TESTS.replace("policies/app.json", "policies/none.json"));
    CliRun missing = CliRun.run("test", missingPolicy.toString());
    assertEquals(2, missing.exitCode());
    assertTrue(missing.err().contains("none.json: no such file"), missing.err());
    Path badAccount =
        write("account.iamtest.json", TESTS.replace("\"111122223333\",", "\"1111\","));
    CliRun account = CliRun.run("test", badAccount.toString());
    assertEquals(2, account.exitCode());
    assertTrue(
        account.err().contains("resourceAccount must be a 12-digit account ID, not '1111'"),
        account.err());
  }

  @Test
  void anUnknownKeyExitsTwoAndEveryMistakeIsPrinted() throws IOException {
    Path typo =
        write(
            "typo.iamtest.json",
            TESTS
                .replace(
                    "\"resource\": \"arn:aws:s3:::reports/q1.csv\", \"expect\": \"Allowed\"",
                    "\"resources\": \"arn:aws:s3:::reports/q1.csv\", \"expect\": \"Allowed\"")
                .replace("\"principal\":", "\"principals\":"));
    CliRun run = CliRun.run("test", typo.toString());
    assertEquals(2, run.exitCode(), run.out());
    assertEquals("", run.out());
    assertEquals(
        "iam-policy-ls test: "
            + typo
            + ":6:3: unknown key \"principals\": expected one of [$schema, cases, policies,"
            + " principal, resourceAccount]\n"
            + "iam-policy-ls test: "
            + typo
            + ":10:6: unknown key \"resources\": expected one of [action, context, expect, name,"
            + " principal, resource, resourceAccount]\n",
        run.err());
  }

  @Test
  void theSchemaAcceptsTheExampleAndRejectsAMistypedExpectation() {
    Schema schema =
        OfflineSchemas.registry(Map.of(SCHEMA_ID, "/schemas/iamtest.schema.json"))
            .getSchema(SchemaLocation.of(SCHEMA_ID));
    assertEquals(0, schema.validate(CliRun.parseJson(TESTS)).size());
    assertFalse(
        schema.validate(CliRun.parseJson(TESTS.replace("\"ExplicitDeny\"", "\"Deny\""))).isEmpty());
  }
}
