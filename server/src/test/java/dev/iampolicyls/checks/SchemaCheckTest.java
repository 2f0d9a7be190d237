package dev.iampolicyls.checks;

import static org.junit.jupiter.api.Assertions.*;

import dev.iampolicyls.catalog.Catalog;
import dev.iampolicyls.policy.Policy;
import dev.iampolicyls.policy.PolicyType;
import dev.iampolicyls.service.PolicyLanguageService;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SchemaCheckTest {
  private static final String CODE = "INVALID_POLICY_ELEMENT";

  // The check swallows its own failures; the log is where a hidden crash would show.
  private final List<LogRecord> logged = new ArrayList<>();
  private final Logger logger = Logger.getLogger(SchemaCheck.class.getName());
  private final Handler capture =
      new Handler() {
        @Override
        public void publish(LogRecord record) {
          logged.add(record);
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
      };

  @BeforeEach
  void captureLog() {
    logger.addHandler(capture);
  }

  @AfterEach
  void noFailureLogged() {
    logger.removeHandler(capture);
    assertEquals(List.of(), logged.stream().map(LogRecord::getMessage).toList());
  }

  /** Runs the schema check alone, directly, so an exception would surface in the log check. */
  private static List<Finding> check(String text) {
    return new DiagnosticsEngine(Catalog.bundled(), List.of(new SchemaCheck()))
        .run(Policy.parse(text), PolicyType.IDENTITY_POLICY);
  }

  /** Asserts exactly one finding, on the first occurrence of {@code token} after {@code after}. */
  private static Finding assertOneFinding(String text, String after, String token, String message) {
    List<Finding> findings = check(text);
    assertEquals(1, findings.size(), () -> "findings: " + findings);
    Finding f = findings.get(0);
    int offset = text.indexOf(token, text.indexOf(after) + after.length());
    assertEquals(CODE, f.code().id());
    assertEquals(FindingType.ERROR, f.type());
    assertEquals(offset, f.offset(), "offset");
    assertEquals(token.length(), f.length(), "length");
    assertEquals(message, f.message());
    return f;
  }

  private static String statement(String body) {
    return "{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [\n    {" + body + "}\n  ]\n}";
  }

  @Test
  void actionAsNumber() {
    Finding f =
        assertOneFinding(
            statement("\"Effect\": \"Allow\", \"Action\": 5, \"Resource\": \"*\""),
            "\"Action\":",
            "5",
            "Action must be a string or an array of strings, not a number");
    assertEquals(List.of("Statement", 0, "Action"), f.path());
  }

  @Test
  void resourceAsObject() {
    assertOneFinding(
        statement("\"Effect\": \"Allow\", \"Action\": \"s3:GetObject\", \"Resource\": {\"a\": 1}"),
        "\"Resource\":",
        "{\"a\": 1}",
        "Resource must be a string or an array of strings, not an object");
  }

  @Test
  void statementAsString() {
    Finding f =
        assertOneFinding(
            "{\"Version\": \"2012-10-17\", \"Statement\": \"x\"}",
            "\"Statement\":",
            "\"x\"",
            "Statement must be an object or an array of objects, not \"x\"");
    assertEquals(List.of("Statement"), f.path());
  }

  @Test
  void statementItemNotAnObject() {
    assertOneFinding(
        "{\"Statement\": [{\"Effect\": \"Allow\", \"Action\": \"*\"}, 7]}",
        "}, ",
        "7",
        "Each statement must be an object, not a number");
  }

  @Test
  void conditionAsArray() {
    assertOneFinding(
        statement(
            "\"Effect\": \"Allow\", \"Action\": \"s3:*\", \"Resource\": \"*\", \"Condition\": []"),
        "\"Condition\":",
        "[]",
        "Condition must be an object of condition operators, such as {\"StringEquals\": {...}},"
            + " not an array");
  }

  @Test
  void conditionOperatorHoldingAString() {
    assertOneFinding(
        statement(
            "\"Effect\": \"Allow\", \"Action\": \"s3:*\", \"Condition\": {\"Bool\": \"true\"}"),
        "\"Bool\":",
        "\"true\"",
        "Condition operator Bool must hold an object of condition keys and values, not \"true\"");
  }

  @Test
  void conditionValueArrayWithNull() {
    Finding f =
        assertOneFinding(
            statement(
                "\"Effect\": \"Allow\", \"Action\": \"s3:*\", \"Condition\":"
                    + " {\"StringEquals\": {\"aws:PrincipalTag/team\": [\"a\", null]}}"),
            "\"a\", ",
            "null",
            "Each value of condition key aws:PrincipalTag/team must be a string, a number or a"
                + " boolean, not null");
    assertEquals(
        List.of("Statement", 0, "Condition", "StringEquals", "aws:PrincipalTag/team", 1), f.path());
  }

  @Test
  void principalMapValueAsNumber() {
    Finding f =
        assertOneFinding(
            statement(
                "\"Effect\": \"Allow\", \"Principal\": {\"AWS\": 123456789012}, \"Action\":"
                    + " \"s3:GetObject\", \"Resource\": \"arn:aws:s3:::b/*\""),
            "\"AWS\":",
            "123456789012",
            "Principal AWS must be a string or an array of strings, not a number");
    assertEquals(List.of("Statement", 0, "Principal", "AWS"), f.path());
  }

  @Test
  void principalAsOtherString() {
    assertOneFinding(
        statement(
            "\"Effect\": \"Allow\", \"Principal\": \"arn:aws:iam::1:root\", \"Action\": \"*\""),
        "\"Principal\":",
        "\"arn:aws:iam::1:root\"",
        "Principal must be \"*\" or an object such as {\"AWS\": \"arn:aws:iam::123456789012:root\"},"
            + " not \"arn:aws:iam::1:root\"");
  }

  @Test
  void arrayItemThatIsANumber() {
    Finding f =
        assertOneFinding(
            statement(
                "\"Effect\": \"Allow\", \"Action\": [\"s3:GetObject\", 42], \"Resource\": \"*\""),
            "\"s3:GetObject\", ",
            "42",
            "Each entry of Action must be a string, not a number");
    assertEquals(List.of("Statement", 0, "Action", 1), f.path());
  }

  @Test
  void principalArrayItemThatIsABoolean() {
    assertOneFinding(
        statement(
            "\"Effect\": \"Allow\", \"Principal\": {\"Service\": [\"ec2.amazonaws.com\", true]},"
                + " \"Action\": \"sts:AssumeRole\""),
        "\"ec2.amazonaws.com\", ",
        "true",
        "Each entry of Principal Service must be a string, not a boolean");
  }

  @Test
  void singleStatementObjectWithWrongType() {
    Finding f =
        assertOneFinding(
            "{\"Statement\": {\"Effect\": \"Deny\", \"NotAction\": 1, \"Resource\": \"*\"}}",
            "\"NotAction\":",
            "1",
            "NotAction must be a string or an array of strings, not a number");
    assertEquals(List.of("Statement", "NotAction"), f.path());
  }

  @Test
  void idAsNumber() {
    assertOneFinding(
        "{\"Id\": 3, \"Statement\": {\"Effect\": \"Allow\", \"Action\": \"*\"}}",
        "\"Id\":",
        "3",
        "Id must be a string, not a number");
  }

  @Test
  void severalMistakesGiveOneFindingEach() {
    String text =
        statement(
            "\"Effect\": \"Allow\", \"Action\": [1, 2], \"Resource\": false, \"Condition\": 0");
    List<Finding> findings = check(text);
    assertEquals(
        List.of(
            List.of("Statement", 0, "Action", 0),
            List.of("Statement", 0, "Action", 1),
            List.of("Statement", 0, "Resource"),
            List.of("Statement", 0, "Condition")),
        findings.stream().map(Finding::path).toList());
  }

  @Test
  void repeatedKeyPointsAtTheLastOccurrence() {
    String text =
        statement(
            "\"Effect\": \"Allow\", \"Action\": \"s3:*\", \"Action\": 9, \"Resource\": \"*\"");
    assertOneFinding(
        text,
        "\"Action\": \"s3:*\", \"Action\":",
        "9",
        "Action must be a string or an array of strings, not a number");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        // identity policy
        "{\"Version\": \"2012-10-17\", \"Statement\": [{\"Sid\": \"Read\", \"Effect\": \"Allow\","
            + " \"Action\": [\"s3:GetObject\", \"s3:ListBucket\"], \"Resource\":"
            + " [\"arn:aws:s3:::b\", \"arn:aws:s3:::b/*\"]}]}",
        // bucket policy with a principal map
        "{\"Version\": \"2012-10-17\", \"Id\": \"BucketPolicy\", \"Statement\": [{\"Effect\":"
            + " \"Allow\", \"Principal\": {\"AWS\": [\"arn:aws:iam::111122223333:root\","
            + " \"444455556666\"], \"CanonicalUser\": \"79a59df900b949e5\"}, \"Action\":"
            + " \"s3:GetObject\", \"Resource\": \"arn:aws:s3:::b/*\"}, {\"Effect\": \"Deny\","
            + " \"Principal\": \"*\", \"NotAction\": \"s3:Get*\", \"NotResource\":"
            + " \"arn:aws:s3:::b/public/*\"}]}",
        // role trust policy
        "{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"Allow\", \"Principal\":"
            + " {\"Service\": \"lambda.amazonaws.com\", \"Federated\":"
            + " \"cognito-identity.amazonaws.com\"}, \"Action\": [\"sts:AssumeRole\","
            + " \"sts:TagSession\"]}]}",
        // Statement as a single object
        "{\"Version\": \"2008-10-17\", \"Statement\": {\"Effect\": \"Deny\", \"NotPrincipal\":"
            + " {\"AWS\": \"*\"}, \"Action\": \"*\", \"Resource\": \"*\"}}",
        // conditions with arrays, booleans and numbers
        "{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"Allow\", \"Action\": \"ec2:*\","
            + " \"Resource\": \"*\", \"Condition\": {\"IpAddress\": {\"aws:SourceIp\":"
            + " [\"10.0.0.0/8\", \"192.168.0.0/16\"]}, \"Bool\": {\"aws:SecureTransport\": true},"
            + " \"NumericLessThan\": {\"s3:max-keys\": 10, \"aws:MultiFactorAuthAge\": [3600,"
            + " \"7200\", false]}, \"Null\": {\"aws:TokenIssueTime\": \"false\"}}}]}"
      })
  void correctPoliciesHaveNoFinding(String text) {
    assertEquals(List.of(), check(text));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        // owned by InvalidEffectCheck, InvalidVersionCheck, UnsupportedSidCheck
        "{\"Version\": 5, \"Statement\": [{\"Sid\": 1, \"Effect\": 2, \"Action\": \"*\"}]}",
        "{\"Version\": \"2020-01-01\", \"Statement\": {\"Sid\": [], \"Effect\": \"allow\","
            + " \"Action\": \"*\"}}",
        // owned by the Missing* checks and InvalidPolicyElementCheck
        "{\"Statement\": [{\"Action\": \"*\"}, {\"Effect\": \"Allow\"}]}",
        "{\"Statement\": {\"Effect\": \"Allow\", \"Action\": \"*\", \"Actions\": 5}, \"Foo\": 1}",
        // an unknown principal type: the value's type is fine
        "{\"Statement\": {\"Effect\": \"Allow\", \"Action\": \"*\", \"Principal\": {\"Aws\": \"*\"}}}",
        "{}"
      })
  void leavesOtherChecksTheirFindings(String text) {
    assertEquals(List.of(), check(text));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"Allow\", \"Action\": ",
        "{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"Allow\", \"Action\":,"
            + " \"Resource\": \"*\"}]}",
        "{\"Statement\": [{\"Effect\": \"Allow\", \"Action\": \"s3:Get\n  \"Resource\": \"*\"}]}",
        "{\"Statement\": [{\"Effect\": \"Allow\", \"Action\": [\"s3:Get\", ",
        "{\"Statement\": {\"Effect\": \"Allow\", \"Condition\": {\"Bool\": {\"aws:x\": ",
        "{\"Statement\": [{\"Effect\": \"Allow\", \"Principal\": {\"AWS\"",
        "{\"Statement\"",
        ""
      })
  void partialDocumentsGiveNoNoise(String text) {
    assertEquals(List.of(), check(text));
  }

  /** Only reached when the caller forces checking (a file named on the command line). */
  @Test
  void aDocumentThatIsNotAnObject() {
    assertOneFinding("[", "", "[", "A policy must be a JSON object, not an array");
  }

  @Test
  void everyPrefixOfACorrectPolicyIsQuiet() {
    String text =
        "{\"Version\": \"2012-10-17\", \"Statement\": [{\"Sid\": \"A1\", \"Effect\": \"Allow\","
            + " \"Principal\": {\"AWS\": [\"arn:aws:iam::111122223333:root\"]}, \"Action\":"
            + " [\"s3:GetObject\"], \"Resource\": \"*\", \"Condition\": {\"Bool\":"
            + " {\"aws:SecureTransport\": true}, \"NumericLessThan\": {\"s3:max-keys\": [10]}}}]}";
    for (int end = 0; end <= text.length(); end++) {
      String prefix = text.substring(0, end);
      assertEquals(List.of(), check(prefix), () -> "prefix: " + prefix);
    }
  }

  @Test
  void absurdNestingIsSkippedWithoutCrashing() {
    String text = "{\"Statement\": " + "[".repeat(5000);
    assertEquals(List.of(), check(text));
  }

  @Test
  void theServiceReportsEachWrongTypeOnce() {
    String text =
        statement(
            "\"Effect\": \"Allow\", \"Action\": 5, \"Resource\": \"*\", \"Sid\": 7, \"X\": 1");
    List<Finding> findings =
        new PolicyLanguageService(Catalog.bundled()).analyze(text, null, false).findings();
    List<String> atAction =
        findings.stream()
            .filter(f -> f.path().equals(List.of("Statement", 0, "Action")))
            .map(f -> f.code().id())
            .toList();
    assertEquals(List.of(CODE), atAction);
    List<String> atSid =
        findings.stream()
            .filter(f -> f.path().equals(List.of("Statement", 0, "Sid")))
            .map(f -> f.code().id())
            .toList();
    assertEquals(List.of("UNSUPPORTED_SID"), atSid);
  }

  @Test
  void aSixKilobytePolicyIsValidAndTheSchemaIsLoadedOnce() {
    StringBuilder sb = new StringBuilder("{\"Version\": \"2012-10-17\", \"Statement\": [");
    for (int i = 0; sb.length() < 6000; i++) {
      sb.append(i == 0 ? "" : ",")
          .append("{\"Sid\": \"S")
          .append(i)
          .append("\", \"Effect\": \"Allow\", \"Action\": [\"s3:GetObject\", \"s3:PutObject\"],")
          .append(" \"Resource\": [\"arn:aws:s3:::bucket-")
          .append(i)
          .append("/*\"], \"Condition\": {\"StringEquals\": {\"aws:PrincipalTag/team\":")
          .append(" [\"a\", \"b\"]}, \"Bool\": {\"aws:SecureTransport\": true}}}");
    }
    String text = sb.append("]}").toString();
    Policy policy = Policy.parse(text);
    DiagnosticsEngine engine = new DiagnosticsEngine(Catalog.bundled(), List.of(new SchemaCheck()));
    assertEquals(List.of(), engine.run(policy, PolicyType.IDENTITY_POLICY));
    // Speed belongs to the benchmark; here only that the schema is built once and shared.
    assertSame(
        dev.iampolicyls.schema.PolicySchema.get(), dev.iampolicyls.schema.PolicySchema.get());
  }
}
