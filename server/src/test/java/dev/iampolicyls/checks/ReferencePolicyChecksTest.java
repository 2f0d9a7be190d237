package dev.iampolicyls.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.iampolicyls.catalog.Catalog;
import dev.iampolicyls.compare.Comparison;
import dev.iampolicyls.compare.Verdict;
import dev.iampolicyls.config.AnalysisSettings;
import dev.iampolicyls.config.ConfigLoader;
import dev.iampolicyls.config.ConfigProblem;
import dev.iampolicyls.config.DocumentSettings;
import dev.iampolicyls.config.ProjectConfig;
import dev.iampolicyls.config.ReferencePolicy;
import dev.iampolicyls.policy.Policy;
import dev.iampolicyls.policy.PolicyType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * EXCEEDS_REFERENCE_POLICY and REFERENCE_POLICY_UNDECIDED, and how the configuration names them.
 */
class ReferencePolicyChecksTest {
  private static final String EXCEEDS = "EXCEEDS_REFERENCE_POLICY";
  private static final String UNDECIDED = "REFERENCE_POLICY_UNDECIDED";

  @TempDir Path root;

  @BeforeEach
  void writeReference() throws IOException {
    Files.createDirectories(root.resolve("org"));
    Files.writeString(
        root.resolve("org/baseline.json"),
        policy(
            "{\"Effect\": \"Allow\", \"Action\": [\"s3:Get*\", \"s3:List*\"], \"Resource\": \"*\"}",
            "{\"Effect\": \"Allow\", \"Action\": \"sqs:SendMessage\", \"Resource\": \"*\","
                + " \"Condition\": {\"StringEquals\": {\"aws:RequestedRegion\": \"eu-west-1\"}}}"),
        StandardCharsets.UTF_8);
  }

  private static String policy(String... statements) {
    return "{\"Version\": \"2012-10-17\", \"Statement\": [" + String.join(",", statements) + "]}";
  }

  private ProjectConfig config(String entries) {
    return ConfigLoader.load("{\"referencePolicies\": [" + entries + "]}", root);
  }

  private DocumentSettings settings(String path, String entries) {
    ProjectConfig config = config(entries);
    assertEquals(List.of(), config.problems());
    return AnalysisSettings.of(config).forDocument(root.resolve(path));
  }

  private static List<String> messages(String marked, DocumentSettings settings, String code) {
    return CheckAssert.assertFindings(marked, PolicyType.IDENTITY_POLICY, settings, code).stream()
        .map(Finding::message)
        .toList();
  }

  private static final String BASELINE =
      "{\"file\": \"org/baseline.json\", \"reason\": \"apps read and queue only\"}";

  @Test
  void eachStatementGrantingMoreIsReportedWithAWitness() {
    List<String> found =
        messages(
            policy(
                "{\"Sid\": \"Read\", \"Effect\": \"Allow\", \"Action\": \"s3:GetObject\","
                    + " \"Resource\": \"*\"}",
                "{\"Sid\": «\"Write\"», \"Effect\": \"Allow\", \"Action\": \"s3:PutObject\","
                    + " \"Resource\": \"arn:aws:s3:::b/*\"}"),
            settings("apps/a.json", BASELINE),
            EXCEEDS);
    assertEquals(
        List.of(
            "Grants s3:PutObject on arn:aws:s3:::b/example with no condition keys, which"
                + " reference policy \"org/baseline.json\" (apps read and queue only) does not."),
        found);
  }

  @Test
  void aConditionTheReferenceAsksForMustBeKept() {
    String withCondition =
        "{\"Effect\": \"Allow\", \"Action\": \"sqs:SendMessage\", \"Resource\": \"*\","
            + " \"Condition\": {\"StringEquals\": {\"aws:RequestedRegion\": \"eu-west-1\"}}}";
    messages(policy(withCondition), settings("a.json", BASELINE), EXCEEDS);
    List<String> found =
        messages(
            policy(
                "«{\"Effect\": \"Allow\", \"Action\": \"sqs:SendMessage\","
                    + " \"Resource\": \"*\"}»"),
            settings("a.json", BASELINE),
            EXCEEDS);
    // The witness leaves the key out: the reference's StringEquals is false then.
    assertEquals(
        List.of(
            "Grants sqs:SendMessage on arn:aws:sqs:us-east-1:111122223333:example with no"
                + " condition keys, which reference policy \"org/baseline.json\" (apps read and"
                + " queue only) does not."),
        found);
  }

  @Test
  void aDenyThatTakesTheExtraAccessAwayPasses() {
    messages(
        policy(
            "{\"Effect\": \"Allow\", \"Action\": \"s3:*\", \"Resource\": \"*\"}",
            "{\"Effect\": \"Deny\", \"NotAction\": [\"s3:Get*\", \"s3:List*\"],"
                + " \"Resource\": \"*\"}"),
        settings("a.json", BASELINE),
        EXCEEDS);
  }

  @Test
  void theFilesGlobAndTheReferenceItselfAreLeftAlone() {
    String scoped = "{\"file\": \"org/baseline.json\", \"files\": \"apps/**\"}";
    String wider = policy("{\"Effect\": \"Allow\", \"Action\": \"iam:*\", \"Resource\": \"*\"}");
    assertEquals(
        1,
        CheckAssert.run(wider, PolicyType.IDENTITY_POLICY, settings("apps/x.json", scoped)).stream()
            .filter(f -> f.code().id().equals(EXCEEDS))
            .count());
    messages(wider, settings("infra/x.json", scoped), EXCEEDS);
    assertEquals(List.of(), settings("org/baseline.json", BASELINE).referencePolicies());
  }

  @Test
  void anUndecidedComparisonSaysWhyOnThePolicyInsteadOfAFinding() {
    String escape =
        policy(
            "{\"Effect\": \"Allow\", \"Action\": \"s3:PutObject\", \"Resource\":"
                + " \"arn:aws:s3:::b/${*}\"}");
    DocumentSettings settings = settings("a.json", BASELINE);
    List<String> found = messages("«{»" + escape.substring(1), settings, UNDECIDED);
    assertEquals(1, found.size());
    assertTrue(
        found
            .get(0)
            .startsWith(
                "Cannot decide whether the policy stays within reference policy"
                    + " \"org/baseline.json\" (apps read and queue only): "),
        found.get(0));
    messages(escape, settings, EXCEEDS);
  }

  @Test
  void aComparisonPastItsTimeBudgetIsUndecidedAndSaysSo() {
    String wider = policy("{\"Effect\": \"Allow\", \"Action\": \"iam:*\", \"Resource\": \"*\"}");
    CheckContext context =
        new CheckContext(
            Policy.parse(wider),
            PolicyType.IDENTITY_POLICY,
            Catalog.bundled(),
            settings("a.json", BASELINE));
    ReferencePolicy reference = context.settings().referencePolicies().get(0);
    Comparison spent = ReferenceComparisons.compare(context, reference, 0);
    assertEquals(Verdict.UNKNOWN, spent.verdict());
    assertEquals(
        List.of(
            "the comparison took more than 0 ms and stopped there (`iam-policy-ls compare"
                + " REFERENCE POLICY` has no time limit; a \"files\" glob on the reference"
                + " compares only the policies it is about)"),
        spent.unknownReasons());
    assertEquals(Verdict.FAIL, ReferenceComparisons.compare(context, reference, 60_000).verdict());
  }

  @Test
  void theComparisonStopsOnceTheRunIsNoLongerWanted() {
    String wider = policy("{\"Effect\": \"Allow\", \"Action\": \"iam:*\", \"Resource\": \"*\"}");
    CheckContext context =
        new CheckContext(
            Policy.parse(wider),
            PolicyType.IDENTITY_POLICY,
            Catalog.bundled(),
            settings("a.json", BASELINE));
    context.cancelWhen(() -> true);
    assertThrows(CancellationException.class, () -> new ExceedsReferencePolicyCheck().run(context));
    assertEquals(List.of(), context.findings());
  }

  @Test
  void aReferenceThatCannotBeUsedIsAConfigurationProblemAtItsPath() throws IOException {
    Files.writeString(root.resolve("broken.json"), "{\"Statement\": [", StandardCharsets.UTF_8);
    String text =
        "{\"referencePolicies\": [{\"file\": \"missing.json\"}, {\"file\": \"broken.json\"},"
            + " {\"file\": \"../outside.json\"}, {\"reason\": \"x\"}, {\"file\": \"org/baseline.json\","
            + " \"file2\": 1}]}";
    ProjectConfig config = ConfigLoader.load(text, root);
    List<String> problems = config.problems().stream().map(ConfigProblem::message).toList();
    assertEquals(5, problems.size(), problems.toString());
    assertTrue(
        problems.get(0).startsWith("Cannot use the reference policy: cannot read "),
        problems.get(0));
    assertTrue(problems.get(0).endsWith("missing.json: no such file"), problems.get(0));
    assertTrue(problems.get(1).startsWith("Cannot use the reference policy: "), problems.get(1));
    assertTrue(problems.get(1).contains("broken.json:1:"), problems.get(1));
    assertEquals(
        "Write the reference policy's path relative to the configuration's folder, without \"..\"",
        problems.get(2));
    assertEquals(
        "Add \"file\": the reference policy, relative to the configuration's folder",
        problems.get(3));
    assertEquals("Unknown key \"file2\": expected one of [file, files, reason]", problems.get(4));
    // As for guardrails, an unknown key is a problem and the rest of the entry still applies.
    assertEquals(
        List.of("org/baseline.json"),
        config.referencePolicies().stream().map(r -> r.file()).toList());
    // The problem sits on the path's text.
    int at = text.indexOf("\"missing.json\"");
    assertEquals(at, config.problems().get(0).offset());
  }
}
