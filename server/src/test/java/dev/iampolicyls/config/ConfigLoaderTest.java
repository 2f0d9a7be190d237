package dev.iampolicyls.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.iampolicyls.checks.FindingType;
import dev.iampolicyls.policy.PolicyResourceType;
import dev.iampolicyls.policy.PolicyType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ConfigLoaderTest {
  private static final Path ROOT = Path.of("/repo").toAbsolutePath();

  private static final String GOOD =
      """
      {
        "$schema": "ignored",
        "policyTypes": [
          {"files": "policies/scp/**/*.json", "type": "SERVICE_CONTROL_POLICY"},
          {"files": "buckets/*.json", "type": "RESOURCE_POLICY", "resourceType": "AWS::S3::Bucket"},
          {"files": "roles/*-trust.json", "resourceType": "AWS::IAM::AssumeRolePolicyDocument"},
          {"files": "managed/**", "type": "identity-policy", "customerManaged": true}
        ],
        "checks": {"MISSING_VERSION": "off", "REDUNDANT_ACTION": "warning"},
        "ignore": [{"code": "PASS_ROLE_WITH_STAR_IN_RESOURCE", "files": "legacy/**", "reason": "migrating in Q3"}],
        "quotas": {"roleTrustPolicy": 4096}
      }
      """;

  /** Text with the expected problem spans marked by « and ». */
  private static void assertProblems(String marked) {
    StringBuilder text = new StringBuilder();
    List<String> expected = new ArrayList<>();
    int start = -1;
    for (char c : marked.toCharArray()) {
      if (c == '«') {
        start = text.length();
      } else if (c == '»') {
        expected.add(start + "+" + (text.length() - start));
      } else {
        text.append(c);
      }
    }
    ProjectConfig config = ConfigLoader.load(text.toString(), ROOT);
    assertEquals(
        expected,
        config.problems().stream().map(p -> p.offset() + "+" + p.length()).toList(),
        () -> "in\n" + text + "\n" + config.problems());
  }

  @Test
  void readsAGoodConfiguration() {
    ProjectConfig config = ConfigLoader.load(GOOD, ROOT);
    assertEquals(List.of(), config.problems());
    assertEquals(4, config.policyTypes().size());
    assertEquals(CheckSetting.OFF, config.checks().get("MISSING_VERSION"));
    assertEquals(FindingType.WARNING, config.checks().get("REDUNDANT_ACTION").type());
    assertEquals(4096, config.roleTrustPolicyQuota());

    AnalysisSettings settings = AnalysisSettings.of(config);
    DocumentSettings scp = settings.forDocument(ROOT.resolve("policies/scp/ou/deny.json"));
    assertEquals(PolicyType.SERVICE_CONTROL_POLICY, scp.policyType());
    DocumentSettings bucket = settings.forDocument(ROOT.resolve("buckets/logs.json"));
    assertEquals(PolicyType.RESOURCE_POLICY, bucket.policyType());
    assertEquals(PolicyResourceType.S3_BUCKET, bucket.resourceType());
    DocumentSettings trust = settings.forDocument(ROOT.resolve("roles/app-trust.json"));
    assertEquals(PolicyType.TRUST_POLICY, trust.policyType());
    assertEquals(4096, trust.roleTrustPolicyQuota());
    assertTrue(settings.forDocument(ROOT.resolve("managed/a/b.json")).customerManaged());
    DocumentSettings other = settings.forDocument(ROOT.resolve("other.json"));
    assertNull(other.policyType());
    assertEquals(false, other.reports("MISSING_VERSION"));
    assertEquals(
        Set.of("PASS_ROLE_WITH_STAR_IN_RESOURCE"),
        settings.forDocument(ROOT.resolve("legacy/x.json")).ignoredCodes());
    assertEquals(Set.of(), other.ignoredCodes());
    assertEquals(Set.of(), settings.forDocument(null).ignoredCodes());
  }

  @Test
  void aVpcEndpointRuleMakesAResourcePolicyAttachedToTheEndpoint() {
    ProjectConfig config =
        ConfigLoader.load(
            "{\"policyTypes\": [{\"files\": \"endpoints/*.json\", \"resourceType\":"
                + " \"AWS::EC2::VPCEndpoint\"}]}",
            ROOT);
    assertEquals(List.of(), config.problems());
    DocumentSettings doc =
        AnalysisSettings.of(config).forDocument(ROOT.resolve("endpoints/s3.json"));
    assertEquals(PolicyType.RESOURCE_POLICY, doc.policyType());
    assertEquals(PolicyResourceType.EC2_VPC_ENDPOINT, doc.resourceType());
  }

  @Test
  void commandLineTypesWinOverFileRules() {
    AnalysisSettings settings =
        AnalysisSettings.of(ConfigLoader.load(GOOD, ROOT))
            .withResourceType(PolicyResourceType.DYNAMODB_TABLE);
    DocumentSettings doc = settings.forDocument(ROOT.resolve("policies/scp/a.json"));
    assertEquals(PolicyType.RESOURCE_POLICY, doc.policyType());
    assertEquals(PolicyResourceType.DYNAMODB_TABLE, doc.resourceType());
  }

  @Test
  void unknownKeysAndBadValuesAreReportedWhereTheyAre() {
    assertProblems("{«\"policyType\"»: []}");
    assertProblems("{\"policyTypes\": [{\"files\": \"a/*.json\", \"type\": «\"SCP\"»}]}");
    assertProblems(
        "{\"policyTypes\": [{\"files\": \"a\", \"type\": \"RESOURCE_POLICY\", \"resourceType\": «\"AWS::S3::Buckett\"»}]}");
    assertProblems("{\"policyTypes\": [«{»\"type\": \"TRUST_POLICY\"}]}");
    assertProblems(
        "{\"policyTypes\": [{\"files\": \"a\", \"type\": «\"IDENTITY_POLICY\"», \"resourceType\": \"AWS::S3::Bucket\"}]}");
    assertProblems(
        "{\"policyTypes\": [{\"files\": \"a\", \"type\": \"TRUST_POLICY\", \"customerManaged\": «true»}]}");
    assertProblems(
        "{\"policyTypes\": [{\"files\": «\"/abs/*.json\"», \"type\": \"TRUST_POLICY\"}]}");
    assertProblems("{\"checks\": {«\"NOT_A_CODE\"»: \"off\", \"MISSING_VERSION\": «\"loud\"»}}");
    assertProblems("{\"checks\": «[]»}");
    assertProblems("{\"ignore\": [«{»\"code\": \"MISSING_VERSION\", \"files\": \"x/**\"}]}");
    assertProblems("{\"ignore\": [{\"code\": \"MISSING_VERSION\", \"reason\": «\" \"»}]}");
    assertProblems("{\"ignore\": [{\"code\": «\"NOPE\"», \"reason\": \"r\"}]}");
    assertProblems("{\"quotas\": {\"roleTrustPolicy\": «100000», «\"scp\"»: 1}}");
    assertProblems("«[]»");
  }

  @Test
  void guardrailsAreReadAndApplyToTheFilesTheirGlobPicks() {
    ProjectConfig config =
        ConfigLoader.load(
            """
            {"guardrails": [
              {"name": "no-iam-users", "actions": ["iam:CreateUser", "iam:CreateAccessKey"]},
              {"name": "audit-logs", "actions": "s3:Delete*",
               "resources": ["arn:aws:s3:::audit-logs/*"], "files": "prod/**",
               "reason": "kept for seven years"}
            ]}
            """,
            ROOT);
    assertEquals(List.of(), config.problems());
    Guardrail audit = config.guardrails().get(1);
    assertEquals(List.of("s3:Delete*"), audit.actions());
    assertEquals(List.of("arn:aws:s3:::audit-logs/*"), audit.resources());
    assertEquals("kept for seven years", audit.reason());
    assertEquals(List.of(), config.guardrails().get(0).resources());
    AnalysisSettings settings = AnalysisSettings.of(config);
    assertEquals(
        List.of("no-iam-users", "audit-logs"),
        settings.forDocument(ROOT.resolve("prod/a/p.json")).guardrails().stream()
            .map(Guardrail::name)
            .toList());
    assertEquals(
        List.of("no-iam-users"),
        settings.forDocument(ROOT.resolve("dev/p.json")).guardrails().stream()
            .map(Guardrail::name)
            .toList());
    assertEquals(1, settings.forDocument(null).guardrails().size());
    // The editor's settings add guardrails to the file's; they cannot lift one.
    ProjectConfig editor =
        ConfigLoader.load("{\"guardrails\": [{\"name\": \"e\", \"actions\": \"*\"}]}", ROOT);
    assertEquals(
        3,
        AnalysisSettings.of(config, editor)
            .forDocument(ROOT.resolve("prod/p.json"))
            .guardrails()
            .size());
  }

  @Test
  void badGuardrailsAreReportedWhereTheyAre() {
    assertProblems("{\"guardrails\": «{}»}");
    assertProblems("{\"guardrails\": [«\"no-iam-users\"»]}");
    assertProblems("{\"guardrails\": [«{»\"actions\": \"iam:CreateUser\"}]}");
    assertProblems("{\"guardrails\": [«{»\"name\": \"n\"}]}");
    assertProblems("{\"guardrails\": [{\"name\": «\" \"», \"actions\": \"iam:CreateUser\"}]}");
    assertProblems("{\"guardrails\": [{\"name\": \"n\", \"actions\": «[]»}]}");
    assertProblems(
        "{\"guardrails\": [{\"name\": \"n\", \"actions\": [«\"iamCreateUser\"», «3»]}]}");
    assertProblems("{\"guardrails\": [{\"name\": \"n\", \"actions\": «\"iam:a:b\"»}]}");
    assertProblems(
        "{\"guardrails\": [{\"name\": \"n\", \"actions\": \"*\", \"resources\": [«\"audit-logs\"»]}]}");
    assertProblems(
        "{\"guardrails\": [{\"name\": \"n\", \"actions\": \"*\", \"files\": «\"/abs/**\"»}]}");
    assertProblems("{\"guardrails\": [{\"name\": \"n\", \"actions\": \"*\", \"reason\": «\"\"»}]}");
    assertProblems(
        "{\"guardrails\": [{\"name\": \"n\", \"actions\": \"*\", «\"condition\"»: {}}]}");
    assertProblems(
        "{\"guardrails\": [{\"name\": \"n\", \"actions\": \"*\"},"
            + " {\"name\": «\"n\"», \"actions\": \"s3:*\"}]}");
    // A bad entry is dropped; the good ones still apply.
    ProjectConfig config =
        ConfigLoader.load(
            "{\"guardrails\": [{\"name\": \"a\", \"actions\": \"x\"}, {\"name\": \"b\", \"actions\": \"*\"}]}",
            ROOT);
    assertEquals(List.of("b"), config.guardrails().stream().map(Guardrail::name).toList());
  }

  @Test
  void brokenJsonIsReportedAndTheRestStillApplies() {
    ProjectConfig config = ConfigLoader.load("{\"checks\": {\"MISSING_VERSION\": \"off\",}", ROOT);
    assertTrue(!config.problems().isEmpty());
    assertEquals(CheckSetting.OFF, config.checks().get("MISSING_VERSION"));
  }
}
