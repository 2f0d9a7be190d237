package dev.iampolicyls.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * For random small statements and requests: whenever an Allow statement alone allows a request,
 * adding the same statement with Effect Deny makes the decision an explicit deny. Checks that allow
 * and deny matching share every rule (wildcards, negations, conditions, variables).
 */
class DenyCopyPropertyTest {
  private static final String[] ACTION_PATTERNS = {
    "s3:GetObject", "s3:Get*", "s3:*", "*", "S3:getobject", "s3:Put?bject", "ec2:*", "s3:List*"
  };
  private static final String[] ACTIONS = {
    "s3:GetObject", "s3:PutObject", "s3:ListBucket", "ec2:RunInstances"
  };
  private static final String[] RESOURCE_PATTERNS = {
    "*",
    "arn:aws:s3:::bucket/*",
    "arn:aws:s3:::bucket",
    "arn:aws:s3:::b?cket/*",
    "arn:aws:s3:::bucket/${aws:username}/*",
    "arn:aws:s3:::*/private/*",
    "arn:aws:ec2:*:*:instance/*"
  };
  private static final String[] RESOURCES = {
    "arn:aws:s3:::bucket/alice/a",
    "arn:aws:s3:::bucket",
    "arn:aws:s3:::bucket/private/x",
    "arn:aws:ec2:us-east-1:111122223333:instance/i-1"
  };
  private static final String[] CONDITIONS = {
    "{\"StringEquals\": {\"aws:SourceVpc\": \"vpc-1\"}}",
    "{\"StringNotEquals\": {\"aws:SourceVpc\": [\"vpc-1\", \"vpc-2\"]}}",
    "{\"StringLikeIfExists\": {\"aws:UserAgent\": \"cli*\"}}",
    "{\"IpAddress\": {\"aws:SourceIp\": \"10.0.0.0/8\"}}",
    "{\"NotIpAddress\": {\"aws:SourceIp\": \"10.1.0.0/16\"}}",
    "{\"ForAllValues:StringEquals\": {\"aws:TagKeys\": [\"a\", \"b\"]}}",
    "{\"ForAnyValue:StringLike\": {\"aws:TagKeys\": \"a*\"}}",
    "{\"Null\": {\"aws:SourceVpc\": \"true\"}}",
    "{\"Bool\": {\"aws:SecureTransport\": \"true\"}}",
    "{\"NumericLessThan\": {\"s3:max-keys\": \"10\"}}",
    "{\"DateGreaterThan\": {\"aws:CurrentTime\": \"2026-01-01\"}}"
  };
  private static final String[][] CONTEXT_CHOICES = {
    {"aws:SourceVpc=vpc-1", "aws:SourceVpc=vpc-3"},
    {"aws:SourceIp=10.1.2.3", "aws:SourceIp=192.0.2.1"},
    {"aws:TagKeys=a", "aws:TagKeys=a,b", "aws:TagKeys=a,c"},
    {"aws:SecureTransport=true", "aws:SecureTransport=false"},
    {"s3:max-keys=5", "s3:max-keys=50"},
    {"aws:CurrentTime=2026-06-01T00:00:00Z", "aws:CurrentTime=2025-06-01T00:00:00Z"},
    {"aws:UserAgent=cli/1", "aws:UserAgent=sdk"}
  };

  @Test
  void aDenyCopyOfAnAllowingStatementDeniesExplicitly() {
    Random random = new Random(20261204);
    int allowedOnes = 0;
    for (int round = 0; round < 3000; round++) {
      List<String> elements = randomElements(random);
      Scenario alone = scenario(random, round);
      Scenario withDeny = copyRequest(alone);
      // The pair sits in the identity policy, or in a resource policy naming the principal.
      String principal =
          random.nextBoolean() ? null : "\"Principal\": {\"AWS\": \"" + alone.principal + "\"}";
      String allow = statement("Allow", elements, principal);
      String deny = statement("Deny", elements, principal);
      if (principal != null) {
        alone.resourcePolicy(Scenario.policy(allow));
        withDeny.resourcePolicy(Scenario.policy(allow, deny));
      } else {
        alone.identity(Scenario.policy(allow));
        withDeny.identity(Scenario.policy(allow, deny));
      }
      if (alone.run().evaluation().decision() == Decision.Allowed) {
        allowedOnes++;
        assertEquals(
            Decision.ExplicitDeny,
            withDeny.run().evaluation().decision(),
            () -> allow + " for " + alone.action + " " + alone.resource + " " + alone.context);
      }
    }
    assertTrue(allowedOnes > 300, "too few allowed requests to mean anything: " + allowedOnes);
  }

  private static Scenario scenario(Random random, int round) {
    Scenario s = Scenario.of("round " + round);
    s.action(pick(random, ACTIONS));
    s.resource(pick(random, RESOURCES));
    s.principal("arn:aws:iam::111122223333:user/" + (random.nextBoolean() ? "alice" : "bob"));
    s.resourceAccount("111122223333");
    for (String[] choice : CONTEXT_CHOICES) {
      if (random.nextInt(3) > 0) {
        s.context(pick(random, choice));
      }
    }
    return s;
  }

  private static Scenario copyRequest(Scenario s) {
    Scenario copy = Scenario.of(s.name);
    copy.action(s.action)
        .resource(s.resource)
        .principal(s.principal)
        .resourceAccount(s.resourceAccount);
    copy.context.addAll(s.context);
    return copy;
  }

  private static String statement(String effect, List<String> elements, String principal) {
    List<String> parts = new ArrayList<>();
    parts.add("\"Effect\": \"" + effect + "\"");
    if (principal != null) {
      parts.add(principal);
    }
    parts.addAll(elements);
    return "{" + String.join(", ", parts) + "}";
  }

  /** Action or NotAction, Resource or NotResource, and up to two condition operators. */
  private static List<String> randomElements(Random random) {
    List<String> parts = new ArrayList<>();
    parts.add(
        "\""
            + (random.nextInt(4) == 0 ? "NotAction" : "Action")
            + "\": "
            + list(random, ACTION_PATTERNS));
    parts.add(
        "\""
            + (random.nextInt(4) == 0 ? "NotResource" : "Resource")
            + "\": "
            + list(random, RESOURCE_PATTERNS));
    int conditions = random.nextInt(3);
    if (conditions > 0) {
      List<String> blocks = new ArrayList<>();
      for (int i = 0; i < conditions; i++) {
        String c = pick(random, CONDITIONS);
        blocks.add(c.substring(1, c.length() - 1));
      }
      // The same operator twice would be a duplicate key: keep distinct ones.
      parts.add("\"Condition\": {" + String.join(", ", blocks.stream().distinct().toList()) + "}");
    }
    return parts;
  }

  private static String list(Random random, String[] choices) {
    int n = 1 + random.nextInt(2);
    List<String> items = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      items.add("\"" + pick(random, choices) + "\"");
    }
    return "[" + String.join(", ", items) + "]";
  }

  private static String pick(Random random, String[] choices) {
    return choices[random.nextInt(choices.length)];
  }
}
