package dev.iampolicyls.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.iampolicyls.config.AnalysisSettings;
import dev.iampolicyls.config.ConfigLoader;
import dev.iampolicyls.config.DocumentSettings;
import dev.iampolicyls.config.ProjectConfig;
import dev.iampolicyls.policy.PolicyType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class GuardrailViolationCheckTest {
  private static final String CODE = "GUARDRAIL_VIOLATION";
  private static final Path ROOT = Path.of("/repo").toAbsolutePath();

  private static final String NO_IAM_USERS =
      "{\"name\": \"no-iam-users\", \"actions\": [\"iam:CreateUser\", \"iam:CreateAccessKey\"],"
          + " \"reason\": \"people sign in through Identity Center\"}";
  private static final String AUDIT_LOGS =
      "{\"name\": \"audit-logs\", \"actions\": [\"s3:Delete*\", \"s3:Put*\"],"
          + " \"resources\": [\"arn:aws:s3:::audit-logs/*\"]}";

  /** The settings of a document at {@code path} under a configuration with these guardrails. */
  private static DocumentSettings settings(String path, String... guardrails) {
    ProjectConfig config =
        ConfigLoader.load("{\"guardrails\": [" + String.join(",", guardrails) + "]}", ROOT);
    assertEquals(List.of(), config.problems());
    return AnalysisSettings.of(config).forDocument(ROOT.resolve(path));
  }

  private static List<String> messages(String marked, DocumentSettings settings) {
    return CheckAssert.assertFindings(marked, PolicyType.IDENTITY_POLICY, settings, CODE).stream()
        .map(Finding::message)
        .toList();
  }

  private static String policy(String... statements) {
    return "{\"Version\": \"2012-10-17\", \"Statement\": [" + String.join(",", statements) + "]}";
  }

  @Test
  void anActionWildcardThatCoversAForbiddenActionIsReportedWithAWitness() {
    List<String> found =
        messages(
            policy(
                "{\"Effect\": \"Allow\", \"Action\": [\"s3:GetObject\", «\"iam:Create*\"»],"
                    + " \"Resource\": \"*\"}"),
            settings("p.json", NO_IAM_USERS));
    assertEquals(
        List.of(
            "Grants iam:CreateUser on * which guardrail \"no-iam-users\" forbids (people sign"
                + " in through Identity Center). The statement grants 1 other action it forbids."),
        found);
  }

  @Test
  void actionsTheGuardrailDoesNotNameAreFine() {
    messages(
        policy("{\"Effect\": \"Allow\", \"Action\": \"iam:Get*\", \"Resource\": \"*\"}"),
        settings("p.json", NO_IAM_USERS));
  }

  @Test
  void resourcesMustOverlapTheGuardrails() {
    List<String> found =
        messages(
            policy(
                "{\"Effect\": \"Allow\", \"Action\": «\"s3:*\"», \"Resource\":"
                    + " \"arn:aws:s3:::audit-*\"}",
                "{\"Effect\": \"Allow\", \"Action\": \"s3:*\", \"Resource\":"
                    + " \"arn:aws:s3:::app-data/*\"}",
                // Only reads on the audit logs: actions and resources must meet in one statement.
                "{\"Effect\": \"Allow\", \"Action\": \"s3:GetObject\", \"Resource\":"
                    + " \"arn:aws:s3:::audit-logs/*\"}"),
            settings("p.json", AUDIT_LOGS));
    assertEquals(1, found.size());
    assertEquals(
        true,
        found.get(0).startsWith("Grants s3:Delete")
            && found.get(0).contains(" on arn:aws:s3:::audit-logs/example which guardrail"),
        found.get(0));
  }

  @Test
  void theWitnessLiesInBothPatterns() {
    List<String> found =
        messages(
            policy(
                "{\"Effect\": \"Allow\", \"Action\": «\"s3:PutObject\"», \"Resource\":"
                    + " \"arn:aws:s3:::*/2024/*\"}"),
            settings("p.json", AUDIT_LOGS));
    String resource = found.get(0).replaceFirst(".* on (\\S+) which.*", "$1");
    assertEquals(true, resource.matches("arn:aws:s3:::audit-logs/.*2024/.*"), found.get(0));
  }

  @Test
  void notActionGrantsWhatItDoesNotListAndIsReportedOnItsKey() {
    messages(
        policy(
            "{\"Effect\": \"Allow\", «\"NotAction\"»: \"s3:*\", \"Resource\": \"*\"}",
            "{\"Effect\": \"Allow\", \"NotAction\": \"iam:*\", \"Resource\": \"*\"}"),
        settings("p.json", NO_IAM_USERS));
  }

  @Test
  void notResourceThatLeavesOutTheGuardedResourcesIsFine() {
    messages(
        policy(
            "{\"Effect\": \"Allow\", \"Action\": \"s3:*\", \"NotResource\":"
                + " \"arn:aws:s3:::audit-*\"}",
            "{\"Effect\": \"Allow\", \"Action\": «\"s3:*\"», \"NotResource\":"
                + " \"arn:aws:s3:::audit-logs/2024/*\"}"),
        settings("p.json", AUDIT_LOGS));
  }

  @Test
  void aCoveringDenyRemovesTheViolationAndAPartialOneDoesNot() {
    String deny =
        "{\"Effect\": \"Deny\", \"Action\": \"s3:*\", \"Resource\": \"arn:aws:s3:::audit-logs/*\"}";
    messages(
        policy("{\"Effect\": \"Allow\", \"Action\": \"s3:*\", \"Resource\": \"*\"}", deny),
        settings("p.json", AUDIT_LOGS));
    String partial =
        "{\"Effect\": \"Deny\", \"Action\": \"s3:Delete*\", \"Resource\":"
            + " \"arn:aws:s3:::audit-logs/*\"}";
    List<String> found =
        messages(
            policy("{\"Effect\": \"Allow\", \"Action\": «\"s3:*\"», \"Resource\": \"*\"}", partial),
            settings("p.json", AUDIT_LOGS));
    assertEquals(true, found.get(0).startsWith("Grants s3:Put"), found.get(0));
    // A Deny that only holds under a condition may not apply: the violation stands.
    String conditional =
        "{\"Effect\": \"Deny\", \"Action\": \"s3:*\", \"Resource\": \"*\", \"Condition\":"
            + " {\"Bool\": {\"aws:SecureTransport\": \"false\"}}}";
    messages(
        policy("{\"Effect\": \"Allow\", \"Action\": «\"s3:*\"», \"Resource\": \"*\"}", conditional),
        settings("p.json", AUDIT_LOGS));
  }

  @Test
  void aDenyWithNotResourceLeavesOnlyWhatItExcepts() {
    String denyAllButAppData =
        "{\"Effect\": \"Deny\", \"Action\": \"*\", \"NotResource\": \"arn:aws:s3:::app-data/*\"}";
    messages(
        policy(
            "{\"Effect\": \"Allow\", \"Action\": \"s3:*\", \"Resource\": \"*\"}",
            denyAllButAppData),
        settings("p.json", AUDIT_LOGS));
  }

  @Test
  void aConditionNarrowsButStillViolates() {
    List<String> found =
        messages(
            policy(
                "{\"Effect\": \"Allow\", \"Action\": «\"iam:CreateUser\"», \"Resource\": \"*\","
                    + " \"Condition\": {\"Bool\": {\"aws:MultiFactorAuthPresent\": \"true\"}}}"),
            settings("p.json", NO_IAM_USERS));
    assertEquals(
        List.of(
            "May grant iam:CreateUser on * when its conditions hold, which guardrail"
                + " \"no-iam-users\" forbids (people sign in through Identity Center)."),
        found);
  }

  @Test
  void aGuardrailAppliesOnlyToTheFilesItsGlobPicks() {
    String scoped =
        "{\"name\": \"prod-no-users\", \"actions\": \"iam:CreateUser\", \"files\": \"prod/**\"}";
    String allow = "{\"Effect\": \"Allow\", \"Action\": \"iam:CreateUser\", \"Resource\": \"*\"}";
    messages(policy(allow), settings("dev/p.json", scoped));
    messages(
        policy(allow.replace("\"iam:CreateUser\"", "«\"iam:CreateUser\"»")),
        settings("prod/team/p.json", scoped));
  }

  @Test
  void organizationPoliciesGrantNothingAndAreNotJudged() {
    String text = policy("{\"Effect\": \"Allow\", \"Action\": \"*\", \"Resource\": \"*\"}");
    CheckAssert.assertFindings(
        text, PolicyType.SERVICE_CONTROL_POLICY, settings("p.json", NO_IAM_USERS), CODE);
  }

  @Test
  void oneFindingPerStatementAndGuardrail() {
    messages(
        policy(
            "{\"Effect\": \"Allow\", \"Action\": [«\"iam:CreateUser\"», \"iam:CreateAccessKey\"],"
                + " \"Resource\": \"*\"}"),
        settings("p.json", NO_IAM_USERS));
    messages(
        policy(
            "{\"Effect\": \"Allow\", \"Action\": [«\"iam:CreateUser\"», \"iam:CreateAccessKey\"],"
                + " \"Resource\": \"*\"}"),
        settings("p.json", NO_IAM_USERS.replace("\"iam:CreateAccessKey\"", "\"iam:CreateUser\"")));
  }

  @Test
  void aPolicyVariableInTheAllowsResourceCanBeAnything() {
    messages(
        policy(
            "{\"Effect\": \"Allow\", \"Action\": «\"s3:PutObject\"», \"Resource\":"
                + " \"arn:aws:s3:::${aws:username}/*\"}"),
        settings("p.json", AUDIT_LOGS));
  }

  @Test
  void manyDenyStatementsStillGiveAWitnessButNoCount() {
    String everyIamAction = "{\"name\": \"no-iam\", \"actions\": \"iam:*\"}";
    String allow = "{\"Effect\": \"Allow\", \"Action\": «\"iam:*\"», \"Resource\": \"*\"}";
    List<String> statements = new ArrayList<>(List.of(allow));
    // Each Deny takes one action away on roles only: a group of its own, still violating.
    dev.iampolicyls.catalog.Catalog.bundled().matchActions("iam:*").stream()
        .limit(GuardrailViolationCheck.MAX_COUNTED_GROUPS + 1)
        .forEach(
            a ->
                statements.add(
                    "{\"Effect\": \"Deny\", \"Action\": \""
                        + a.qualifiedName()
                        + "\", \"Resource\": \"arn:aws:iam::*:role/x\"}"));
    List<String> found =
        messages(policy(statements.toArray(new String[0])), settings("p.json", everyIamAction));
    assertEquals(true, found.get(0).endsWith("which guardrail \"no-iam\" forbids."), found.get(0));
    List<String> few =
        messages(
            policy(statements.subList(0, 3).toArray(new String[0])),
            settings("p.json", everyIamAction));
    assertEquals(true, few.get(0).contains("The statement grants "), few.get(0));
  }

  @Test
  void onNamedResourcesOnlyActionsThatCanActOnThemCount() {
    String anything =
        "{\"name\": \"audit\", \"actions\": \"*\", \"resources\": \"arn:aws:s3:::audit-logs/*\"}";
    List<String> found =
        messages(
            policy(
                // Takes only "*": it never touches an object.
                "{\"Effect\": \"Allow\", \"Action\": \"ec2:DescribeInstances\", \"Resource\": \"*\"}",
                // Acts on buckets, whose names hold no '/': not on the objects under audit-logs/.
                "{\"Effect\": \"Allow\", \"Action\": \"s3:DeleteBucket\", \"Resource\": \"*\"}",
                "{\"Effect\": \"Allow\", \"Action\": [\"s3:ListBucket\", «\"s3:DeleteObject\"»],"
                    + " \"Resource\": \"*\"}"),
            settings("p.json", anything));
    assertEquals(
        List.of(
            "Grants s3:DeleteObject on arn:aws:s3:::audit-logs/example which guardrail \"audit\""
                + " forbids."),
        found);
  }

  @Test
  void formatPlaceholdersStayInTheirField() {
    String object =
        GuardrailViolationCheck.formatPattern("arn:${Partition}:s3:::${BucketName}/${ObjectName}");
    assertEquals(true, PatternWitness.matches(object, "arn:aws:s3:::audit-logs/2024/01/a.log"));
    assertEquals(false, PatternWitness.matches(object, "arn:aws:s3:::audit:logs/a"));
    String bucket = GuardrailViolationCheck.formatPattern("arn:${Partition}:s3:::${BucketName}");
    assertEquals(false, PatternWitness.matches(bucket, "arn:aws:s3:::audit-logs/a"));
    assertEquals(true, PatternWitness.matches(bucket, "arn:aws:s3:::audit-logs"));
  }

  @Test
  void fillGivesPlausibleFieldValues() {
    assertEquals(
        "arn:aws:iam::111122223333:user/example",
        GuardrailViolationCheck.fill("arn:aws:iam::*:user/*"));
    assertEquals(
        "arn:aws:ec2:us-east-1:111122223333:instance/i-x",
        GuardrailViolationCheck.fill("arn:aws:ec2:*:*:instance/i-?"));
  }
}
