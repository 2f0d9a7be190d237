package dev.iampolicyls.cli;

import static org.junit.jupiter.api.Assertions.*;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.resource.ResourceLoader;
import com.networknt.schema.resource.SchemaLoader;
import dev.iampolicyls.checks.AllChecks;
import dev.iampolicyls.checks.CheckCode;
import dev.iampolicyls.checks.PolicyCheck;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class SarifReportTest {
  private static final String SCHEMA_ID = SarifReport.SCHEMA;
  private static final String SCHEMA_RESOURCE = "/sarif/sarif-schema-2.1.0.json";

  /** A statement without Effect (an ERROR) and an unknown action (an ERROR) on known lines. */
  static final String BAD =
      """
      {
        "Version": "2012-10-17",
        "Statement": [
          {"Action": "s3:GetObject", "Resource": "*"},
          {"Effect": "Allow", "Action": "s3:GetObbject", "Resource": "*"}
        ]
      }
      """;

  static final String GOOD =
      """
      {
        "Version": "2012-10-17",
        "Statement": {"Effect": "Allow", "Action": "s3:ListBucket", "Resource": "*"}
      }
      """;

  @TempDir Path dir;

  private Path write(String name, String text) throws IOException {
    Path file = dir.resolve(name);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text, StandardCharsets.UTF_8);
    return file;
  }

  /** The SARIF schema from test resources; its id and nothing else is served, nothing fetched. */
  static Schema sarifSchema() {
    ResourceLoader local =
        iri ->
            iri.toString().equals(SCHEMA_ID)
                ? () -> SarifReportTest.class.getResourceAsStream(SCHEMA_RESOURCE)
                : null;
    SchemaLoader loader =
        SchemaLoader.builder()
            .fetchRemoteResources(false)
            .resourceLoaders(loaders -> loaders.add(local))
            .allow(iri -> iri.toString().equals(SCHEMA_ID))
            .build();
    SchemaRegistry registry =
        SchemaRegistry.withDefaultDialect(
            SpecificationVersion.DRAFT_4, builder -> builder.schemaLoader(loader));
    return registry.getSchema(SchemaLocation.of(SCHEMA_ID));
  }

  private CliRun sarif(String... paths) {
    List<String> args = new ArrayList<>(List.of("check", "--format", "sarif"));
    args.addAll(List.of(paths));
    return CliRun.run(args.toArray(String[]::new));
  }

  @Test
  void sarifOutputIsValidAgainstTheSchema() throws IOException {
    write("tree/bad.json", BAD);
    write("tree/good.json", GOOD);
    write("tree/package.json", "{\"name\": \"not-a-policy\"}");
    CliRun run = sarif(dir.resolve("tree").toString());
    assertEquals(1, run.exitCode(), run.err());
    JsonNode log = run.json();
    List<Error> errors = sarifSchema().validate(log);
    assertEquals(List.of(), errors);
    assertTrue(run.err().contains("1 file skipped"), run.err());
  }

  @Test
  void theSchemaRejectsABrokenLog() throws IOException {
    write("bad.json", BAD);
    ObjectNode log = (ObjectNode) sarif(dir.resolve("bad.json").toString()).json();
    ObjectNode region =
        (ObjectNode)
            log.get("runs")
                .get(0)
                .get("results")
                .get(0)
                .get("locations")
                .get(0)
                .get("physicalLocation")
                .get("region");
    region.put("startLine", 0); // SARIF lines are 1-based
    assertFalse(sarifSchema().validate(log).isEmpty());
  }

  @Test
  void oneRulePerCodeWithDescriptionHelpAndLevel() throws IOException {
    write("bad.json", BAD);
    JsonNode run = sarif(dir.resolve("bad.json").toString()).json().get("runs").get(0);
    assertEquals("utf16CodeUnits", run.get("columnKind").asString());
    List<String> ids = new ArrayList<>();
    for (JsonNode rule : run.get("tool").get("driver").get("rules")) {
      ids.add(rule.get("id").asString());
      assertFalse(rule.get("shortDescription").get("text").asString().isBlank());
    }
    assertTrue(ids.contains("MISSING_EFFECT"), ids.toString());
    assertTrue(ids.contains("INVALID_ACTION"), ids.toString());
    assertEquals(ids.stream().distinct().toList(), ids);
    JsonNode missingEffect = rule(run, "MISSING_EFFECT");
    assertEquals("error", missingEffect.get("defaultConfiguration").get("level").asString());
    assertEquals(
        "https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-reference-policy-checks.html"
            + "#access-analyzer-reference-policy-checks-error-missing-effect",
        missingEffect.get("helpUri").asString());
    for (JsonNode result : run.get("results")) {
      assertEquals(
          result.get("ruleId").asString(),
          run.get("tool")
              .get("driver")
              .get("rules")
              .get(result.get("ruleIndex").asInt())
              .get("id")
              .asString());
    }
  }

  @Test
  void everyEnabledCheckIsARuleEvenWithoutResults() throws IOException {
    write("good.json", GOOD);
    JsonNode run =
        sarif("--disable", "MISSING_VERSION", "--severity", "PUBLIC_ACCESS=ERROR", dir.toString())
            .json()
            .get("runs")
            .get(0);
    assertEquals(0, run.get("results").size());
    List<String> ids = new ArrayList<>();
    run.get("tool").get("driver").get("rules").forEach(rule -> ids.add(rule.get("id").asString()));
    List<String> expected = new ArrayList<>();
    for (PolicyCheck check : AllChecks.create()) {
      if (!expected.contains(check.code().id()) && check.code() != CheckCode.MISSING_VERSION) {
        expected.add(check.code().id());
      }
    }
    expected.sort(null);
    assertEquals(expected, ids, "every check that ran, by code; the disabled one left out");
    assertEquals(
        "error", rule(run, "PUBLIC_ACCESS").get("defaultConfiguration").get("level").asString());
  }

  @Test
  void ourCodesLinkToOurPageAndAccessAnalyzerCodesToBoth() throws IOException {
    write("good.json", GOOD);
    JsonNode run = sarif(dir.toString()).json().get("runs").get(0);
    String page = "https://github.com/iam-policy-ls/iam-policy-ls/blob/main/docs/checks/";
    JsonNode publicAccess = rule(run, "PUBLIC_ACCESS");
    assertEquals(page + "PUBLIC_ACCESS.md", publicAccess.get("helpUri").asString());
    assertEquals(
        page + "PUBLIC_ACCESS.md", publicAccess.get("properties").get("docPage").asString());
    JsonNode missingEffect = rule(run, "MISSING_EFFECT");
    assertEquals(
        page + "MISSING_EFFECT.md", missingEffect.get("properties").get("docPage").asString());
    assertTrue(
        missingEffect.get("help").get("text").asString().contains(page + "MISSING_EFFECT.md"),
        missingEffect.toString());
    assertTrue(
        missingEffect
            .get("help")
            .get("text")
            .asString()
            .contains(missingEffect.get("helpUri").asString()),
        missingEffect.toString());
  }

  @Test
  void aRetypedCodeKeepsAccessAnalyzersHelpLink() throws IOException {
    write("bad.json", BAD);
    JsonNode run =
        sarif("--severity", "MISSING_EFFECT=WARNING", dir.resolve("bad.json").toString())
            .json()
            .get("runs")
            .get(0);
    assertEquals("warning", result(run, "MISSING_EFFECT").get("level").asString());
    assertEquals(
        "https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-reference-policy-checks.html"
            + "#access-analyzer-reference-policy-checks-error-missing-effect",
        rule(run, "MISSING_EFFECT").get("helpUri").asString());
  }

  private static JsonNode rule(JsonNode run, String id) {
    for (JsonNode rule : run.get("tool").get("driver").get("rules")) {
      if (rule.get("id").asString().equals(id)) {
        return rule;
      }
    }
    throw new AssertionError("no rule " + id);
  }

  private static JsonNode result(JsonNode run, String ruleId) {
    for (JsonNode result : run.get("results")) {
      if (result.get("ruleId").asString().equals(ruleId)) {
        return result;
      }
    }
    throw new AssertionError("no result " + ruleId);
  }

  @Test
  void regionsAreOneBasedUtf16AndExact() throws IOException {
    // A non-BMP character before the action: the column counts it as two UTF-16 units.
    String text =
        "{\"Version\": \"2012-10-17\", \"Statement\": [\n"
            + "  {\"Sid\": \"\uD83D\uDE00\", \"Effect\": \"Allow\", \"Action\": \"s3:GetObbject\","
            + " \"Resource\": \"*\"}]}\n";
    write("emoji.json", text);
    JsonNode run = sarif(dir.resolve("emoji.json").toString()).json().get("runs").get(0);
    JsonNode region =
        result(run, "INVALID_ACTION").get("locations").get(0).get("physicalLocation").get("region");
    String line = text.split("\n")[1];
    int start = line.indexOf("\"s3:GetObbject\"");
    int end = start + "\"s3:GetObbject\"".length();
    assertEquals(2, region.get("startLine").asInt());
    assertEquals(2, region.get("endLine").asInt());
    // The finding spans the string token, quotes included, in UTF-16 units, 1-based, end exclusive.
    int[] span = {region.get("startColumn").asInt() - 1, region.get("endColumn").asInt() - 1};
    String reported = line.substring(span[0], span[1]);
    assertTrue(
        reported.equals("\"s3:GetObbject\"") || reported.equals("s3:GetObbject"),
        "region covers " + reported);
    assertTrue(span[0] >= start && span[1] <= end);
  }

  @Test
  void fingerprintsSurviveLineMovesButNotChanges() throws IOException {
    Path file = write("bad.json", BAD);
    JsonNode before = result(sarif(file.toString()).json().get("runs").get(0), "INVALID_ACTION");
    Files.writeString(file, "\n\n\n" + BAD, StandardCharsets.UTF_8);
    JsonNode after = result(sarif(file.toString()).json().get("runs").get(0), "INVALID_ACTION");
    assertEquals(before.get("partialFingerprints"), after.get("partialFingerprints"));
    assertNotEquals(
        before.get("locations").get(0).get("physicalLocation").get("region").get("startLine"),
        after.get("locations").get(0).get("physicalLocation").get("region").get("startLine"));
    Files.writeString(file, BAD.replace("s3:GetObbject", "s3:GetObjject"), StandardCharsets.UTF_8);
    JsonNode changed = result(sarif(file.toString()).json().get("runs").get(0), "INVALID_ACTION");
    assertNotEquals(before.get("partialFingerprints"), changed.get("partialFingerprints"));
  }

  @Test
  void urisArePercentEncodedRelativeReferences() {
    assertEquals("dir/my%20policy%231.json", SarifReport.uri("dir/my policy#1.json"));
    assertEquals("%3Cstdin%3E", SarifReport.uri("<stdin>"));
    assertEquals("caf%C3%A9.json", SarifReport.uri("café.json"));
  }
}
