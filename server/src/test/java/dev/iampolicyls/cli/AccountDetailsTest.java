package dev.iampolicyls.cli;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The output of `aws iam get-account-authorization-details` as one input. */
class AccountDetailsTest {
  private static final String FILE =
      "src/test/resources/account/account-authorization-details.json";

  private static JsonNode entry(JsonNode report, String name) {
    for (JsonNode file : report.get("files")) {
      if (file.get("path").asString().equals(FILE + "#" + name)) {
        return file;
      }
    }
    throw new AssertionError("no entry " + name + " in " + report);
  }

  /** The file text a finding's range covers (ranges are in the file, LSP positions). */
  private static String covered(String text, JsonNode range) {
    String[] lines = text.split("\n", -1);
    JsonNode start = range.get("start");
    JsonNode end = range.get("end");
    assertEquals(start.get("line").asInt(), end.get("line").asInt());
    return lines[start.get("line").asInt()].substring(
        start.get("character").asInt(), end.get("character").asInt());
  }

  @Test
  void everyInlineManagedAndTrustPolicyIsCheckedUnderItsName() throws IOException {
    CliRun run = CliRun.run("check", "--format", "json", FILE);
    JsonNode report = run.json();
    List<String> names = new ArrayList<>();
    report.get("files").forEach(f -> names.add(f.get("path").asString().replace(FILE, "")));
    assertEquals(
        List.of(
            "#group/ops/inline/Encoded",
            "#policy/Managed",
            "#role/Deployer/inline/Deploy",
            "#role/Deployer/trust",
            "#user/alice/inline/ReadLogs"),
        names);
    assertEquals("TRUST_POLICY", entry(report, "role/Deployer/trust").get("policyType").asString());
    assertEquals(0, entry(report, "role/Deployer/trust").get("findings").size());
    assertEquals(1, run.exitCode());
  }

  @Test
  void objectDocumentsReportRangesInTheFile() throws IOException {
    String text = Files.readString(Path.of(FILE), StandardCharsets.UTF_8);
    JsonNode report = CliRun.run("check", "--format", "json", FILE).json();

    JsonNode user = entry(report, "user/alice/inline/ReadLogs").get("findings").get(0);
    assertEquals("INVALID_ACTION", user.get("code").asString());
    assertEquals("\"logs:GetLogEvnts\"", covered(text, user.get("range")));
    assertEquals(List.of("Statement", "0", "Action"), pathOf(user));

    // Only the default version (v2) of a managed policy is checked.
    JsonNode managed = entry(report, "policy/Managed").get("findings");
    assertEquals(1, managed.size());
    assertEquals("\"ec2:DescribeVpcz\"", covered(text, managed.get(0).get("range")));

    JsonNode role = entry(report, "role/Deployer/inline/Deploy").get("findings").get(0);
    assertEquals("MISSING_EFFECT", role.get("code").asString());
    assertTrue(covered(text, role.get("range")).startsWith("{"), "statement object's brace");
  }

  private static List<String> pathOf(JsonNode finding) {
    List<String> steps = new ArrayList<>();
    finding.get("path").forEach(s -> steps.add(s.asString()));
    return steps;
  }

  @Test
  void urlEncodedDocumentsReportRangesInTheDecodedText() {
    JsonNode report = CliRun.run("check", "--format", "json", FILE).json();
    JsonNode encoded = entry(report, "group/ops/inline/Encoded");
    assertEquals("decodedDocument", encoded.get("rangesIn").asString());
    JsonNode finding = encoded.get("findings").get(0);
    assertEquals("INVALID_ACTION", finding.get("code").asString());
    String decoded =
        "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":"
            + "\"s3:GetObbject\",\"Resource\":\"*\"}]}";
    assertEquals("\"s3:GetObbject\"", covered(decoded, finding.get("range")));
    assertTrue(
        CliRun.run("check", FILE).out().contains("URL-decoded"), "the text report says so too");
  }

  @Test
  void sarifNamesTheFileAndTheEmbeddedPolicy() {
    JsonNode log = CliRun.run("check", "--format", "sarif", FILE).json();
    assertEquals(List.of(), SarifReportTest.sarifSchema().validate(log));
    for (JsonNode result : log.get("runs").get(0).get("results")) {
      JsonNode location = result.get("locations").get(0);
      assertEquals(
          FILE, location.get("physicalLocation").get("artifactLocation").get("uri").asString());
      String name = location.get("logicalLocations").get(0).get("fullyQualifiedName").asString();
      boolean encoded = name.equals("group/ops/inline/Encoded");
      // A region would point into the wrong text for a URL-encoded policy, so there is none.
      assertEquals(!encoded, location.get("physicalLocation").has("region"), name);
    }
  }

  @Test
  void recognisesOnlyTheDumpShape() {
    assertTrue(AccountDetails.looksLike("{\"RoleDetailList\": []}"));
    assertTrue(AccountDetails.looksLike("{\"Policies\": [], \"Marker\": \"x\"}"));
    assertFalse(AccountDetails.looksLike("{\"Version\": \"2012-10-17\", \"Policies\": []}"));
    assertFalse(AccountDetails.looksLike("{\"Statement\": [], \"RoleDetailList\": []}"));
    assertFalse(AccountDetails.looksLike("{\"RoleDetailList\": \"nope\"}"));
    assertFalse(AccountDetails.looksLike("[{\"RoleDetailList\": []}]"));
  }

  @Test
  void percentDecodingKeepsPlusAndDecodesUtf8() {
    assertEquals("a+b c", PercentDecoding.decode("a+b%20c"));
    assertEquals("café", PercentDecoding.decode("caf%C3%A9"));
    assertEquals("100%", PercentDecoding.decode("100%"));
    assertEquals("%zz", PercentDecoding.decode("%zz"));
  }
}
