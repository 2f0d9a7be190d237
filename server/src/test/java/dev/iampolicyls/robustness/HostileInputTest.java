package dev.iampolicyls.robustness;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.iampolicyls.catalog.Catalog;
import dev.iampolicyls.catalog.WildcardMatcher;
import dev.iampolicyls.checks.Finding;
import dev.iampolicyls.completion.CompletionOptions;
import dev.iampolicyls.policy.PolicyType;
import dev.iampolicyls.service.PolicyLanguageService;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Extreme documents get an answer or a clear diagnostic, never an exception or a stack overflow.
 * The timeouts only guard the build against a hang; they are not performance targets.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class HostileInputTest {
  private static PolicyLanguageService service;

  private static final List<String> logged = new java.util.concurrent.CopyOnWriteArrayList<>();
  private static final java.util.logging.Handler CAPTURE =
      new java.util.logging.Handler() {
        @Override
        public void publish(java.util.logging.LogRecord r) {
          if (r.getThrown() != null) {
            logged.add(r.getMessage() + ": " + r.getThrown());
          }
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
      };

  @BeforeAll
  static void load() {
    service = new PolicyLanguageService(Catalog.bundled());
    java.util.logging.Logger.getLogger("dev.iampolicyls").addHandler(CAPTURE);
  }

  @org.junit.jupiter.api.AfterAll
  static void release() {
    java.util.logging.Logger.getLogger("dev.iampolicyls").removeHandler(CAPTURE);
  }

  /** An engine that swallows a failure logs it; that counts as a crash here. */
  @org.junit.jupiter.api.AfterEach
  void nothingFailedQuietly() {
    List<String> failures = List.copyOf(logged);
    logged.clear();
    assertTrue(failures.isEmpty(), failures.toString());
  }

  private static String statement(String member) {
    return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
        + member
        + ",\"Resource\":\"*\"}]}";
  }

  /** Every entry point answers, and every finding lies inside the document. */
  private static List<Finding> exercise(String text) {
    List<Finding> findings = service.analyze(text, null, true).findings();
    for (Finding f : findings) {
      assertTrue(f.offset() >= 0 && f.offset() + f.length() <= text.length(), f.toString());
    }
    service.analyze(text, PolicyType.RESOURCE_POLICY, true);
    for (int offset : new int[] {0, text.length() / 2, text.length()}) {
      service.complete(text, offset, null, CompletionOptions.PLAIN);
      service.hover(text, offset, null);
    }
    service.codeActions(text, 0, text.length(), null);
    return findings;
  }

  private static boolean has(List<Finding> findings, String code) {
    return findings.stream().anyMatch(f -> f.code().id().equals(code));
  }

  @Test
  void aDocumentOverTheSizeLimitGetsOneClearDiagnostic() {
    String big = statement("\"Action\":[" + "\"s3:GetObject\",".repeat(700_000) + "\"s3:*\"]");
    assertTrue(big.length() > 10_000_000);
    List<Finding> findings = exercise(big);
    assertTrue(has(findings, "JSON_SYNTAX_ERROR"), findings.toString());
    assertTrue(findings.size() == 1, findings.toString());
    assertTrue(service.complete(big, 50, null, CompletionOptions.PLAIN).items().isEmpty());
  }

  @Test
  void aDocumentJustUnderTheLimitIsChecked() {
    String text =
        statement("\"Sid\":\"" + "a".repeat(PolicyLanguageService.MAX_DOCUMENT_CHARS - 200) + "\"");
    assertTrue(text.length() <= PolicyLanguageService.MAX_DOCUMENT_CHARS);
    assertFalse(has(exercise(text), "JSON_SYNTAX_ERROR"));
  }

  @Test
  void oneHundredThousandActions() {
    StringBuilder actions = new StringBuilder("\"Action\":[");
    List<String> names =
        List.of("s3:GetObject", "s3:Put*", "ec2:DescribeInstances", "iam:PassRole");
    for (int i = 0; i < 100_000; i++) {
      actions.append(i == 0 ? "" : ",").append('"').append(names.get(i % 4)).append('"');
    }
    List<Finding> findings = exercise(statement(actions.append(']').toString()));
    assertTrue(has(findings, "JSON_SYNTAX_ERROR"), "over the value limit: " + findings);
  }

  @Test
  void aLongListJustUnderTheValueLimitIsChecked() {
    StringBuilder actions = new StringBuilder("\"Action\":[");
    for (int i = 0; i < 5_000; i++) {
      actions.append(i == 0 ? "" : ",").append("\"s3:Get").append(i).append("*\"");
    }
    assertFalse(has(exercise(statement(actions.append(']').toString())), "JSON_SYNTAX_ERROR"));
  }

  @Test
  void oneHundredThousandDistinctResources() {
    StringBuilder resources = new StringBuilder("\"Action\":\"s3:GetObject\",\"NotResource\":[");
    for (int i = 0; i < 100_000; i++) {
      resources.append(i == 0 ? "" : ",").append("\"arn:aws:s3:::bucket-").append(i).append("/*\"");
    }
    assertTrue(has(exercise(statement(resources.append(']').toString())), "JSON_SYNTAX_ERROR"));
  }

  @Test
  void nestingOneHundredThousandDeep() {
    int depth = 100_000;
    assertTrue(has(exercise("[".repeat(depth) + "]".repeat(depth)), "JSON_SYNTAX_ERROR"));
    assertTrue(has(exercise("{\"a\":".repeat(depth) + "}".repeat(depth)), "JSON_SYNTAX_ERROR"));
    exercise(statement("\"Condition\":" + "{\"a\":".repeat(depth) + "1" + "}".repeat(depth)));
    exercise("{\"Statement\":" + "[".repeat(depth)); // unclosed
  }

  @Test
  void aOneMegabyteStringInEveryElement() {
    // A 1 MB string in every element (1 MB of characters; the quotas are 2 to 20 KB).
    String huge = "a.".repeat(500_000);
    String star = "*a".repeat(500_000);
    String mega = "a.".repeat(500_000);
    for (String member :
        List.of(
            "\"Sid\":\"" + mega + "\",\"Action\":\"s3:*\"",
            "\"Action\":\"s3:*\",\"Principal\":{\"Federated\":\"" + mega + "\"}",
            "\"Action\":\"s3:*\",\"Principal\":{\"Service\":\"" + mega + "\"}")) {
      exercise(statement(member));
    }
    for (String member :
        List.of(
            "\"Sid\":\"" + huge + "\",\"Action\":\"s3:*\"",
            "\"Action\":\"" + huge + "\"",
            "\"Action\":\"s3:" + star + "\"",
            "\"Action\":[\"s3:" + star + "\",\"s3:" + star + "b\"]",
            "\"Action\":\"s3:*\",\"Principal\":{\"Federated\":\"" + huge + "\"}",
            "\"Action\":\"s3:*\",\"Principal\":{\"Service\":\"" + huge + "\"}",
            "\"Action\":\"s3:*\",\"Principal\":{\"AWS\":[\""
                + huge
                + "\",\"arn:aws:iam::"
                + huge
                + "\"]}",
            "\"Action\":\"s3:*\",\"NotResource\":[\"arn:aws:s3:::"
                + star
                + "\",\"arn:aws:s3:::"
                + star
                + "b\"]",
            "\"Action\":\"s3:*\",\"Condition\":{\"StringLike\":{\"aws:userid\":\"" + huge + "\"}}",
            "\"Action\":\"s3:*\",\"Condition\":{\"IpAddress\":{\"aws:SourceIp\":\"" + huge + "\"}}",
            "\"Action\":\"s3:*\",\"Condition\":{\"DateLessThan\":{\"aws:CurrentTime\":\""
                + "1".repeat(1_000_000)
                + "\"}}",
            "\"Action\":\"s3:*\",\"Condition\":{\"NumericEquals\":{\"s3:max-keys\":"
                + "9".repeat(1_000_000)
                + "}}",
            "\"Action\":\"s3:*\",\"Condition\":{\"BinaryEquals\":{\"aws:x\":\""
                + "QUFB".repeat(250_000)
                + "\"}}",
            "\"Action\":\"s3:*\",\"Condition\":{\"ArnLike\":{\"aws:SourceArn\":\"arn:aws:"
                + huge
                + "\"}}",
            "\"Action\":\"s3:*\",\"Condition\":{\"" + huge + "\":{\"aws:x\":\"y\"}}",
            "\"Action\":\"s3:*\",\"Condition\":{\"StringEquals\":{\"" + huge + "\":\"y\"}}")) {
      exercise(statement(member));
    }
  }

  @Test
  void awkwardCharactersAndLineEnds() {
    String base = statement("\"Action\":\"s3:GetObject\"");
    for (String odd : List.of("\u0000", "\uD800", "\uDC00", "\uDFFF\uD800", "\uFEFF", "\u2028")) {
      exercise(base.replace("GetObject", "Get" + odd + "Object"));
      exercise(base.replace(",", "," + odd));
      exercise(odd + base);
      exercise(base + odd);
    }
    exercise("\uFEFF" + base);
    exercise(base.replace(",", ",\r\n"));
    exercise(base.replace(",", ",\r"));
    exercise(base.replace(",", ",\r\r\n\n"));
    exercise("\r");
    exercise("\r\n");
    exercise("");
    exercise("\uFEFF");
    assertFalse(has(service.analyze("\uFEFF" + base, null, true).findings(), "JSON_SYNTAX_ERROR"));
  }

  @Test
  void backtrackingWildcardsMatchInLinearTime() {
    String pattern = "*a".repeat(5_000) + "b";
    String text = "a".repeat(20_000);
    long start = System.nanoTime();
    assertFalse(WildcardMatcher.matches(pattern, text));
    assertTrue(WildcardMatcher.matches(pattern, text + "b"));
    assertTrue(service.catalog().matchActions("s3:" + pattern).isEmpty());
    System.err.printf(
        "wildcard: 5,000 segments against 20,000 characters in %d ms%n",
        (System.nanoTime() - start) / 1_000_000);
  }
}
