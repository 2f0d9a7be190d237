package dev.iampolicyls.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.iampolicyls.catalog.WildcardMatcher;
import dev.iampolicyls.policy.Policy;
import dev.iampolicyls.policy.Statement;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Action matching narrowed by service prefix agrees with trying every value. */
class StatementPartsTest {
  private static final List<String> PATTERNS =
      List.of(
          "S3:get*",
          "ec2:Describe*",
          "s*:List*",
          "\u212Aafka:Describe*",
          "*Tag*",
          "iam:PassRole",
          "noservice",
          "sqs:*");

  private static final List<String> ACTIONS =
      List.of(
          "s3:GetObject",
          "s3:ListBucket",
          "sqs:ListQueues",
          "sqs:SendMessage",
          "ec2:DescribeInstances",
          "EC2:describeVpcs",
          "ec2:CreateTags",
          "kafka:DescribeCluster",
          "\u212Aafka:DescribeCluster",
          "iam:PassRole",
          "iam:passrole",
          "iam:PassRoles",
          "noservice",
          "lambda:InvokeFunction",
          "s3",
          "");

  private static StatementParts parts(String element) {
    StringBuilder values = new StringBuilder();
    for (String p : PATTERNS) {
      values.append(values.length() == 0 ? "" : ", ").append('"').append(p).append('"');
    }
    Policy policy =
        Policy.parse(
            "{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"Allow\", \""
                + element
                + "\": ["
                + values
                + "], \"Resource\": \"*\"}]}");
    Statement s = policy.statements().get(0);
    return new StatementParts(new NamedPolicy("P", PolicyRole.IDENTITY, policy), s);
  }

  @Test
  void actionMatchesAsEveryValueWouldMatch() {
    StatementParts action = parts("Action");
    StatementParts notAction = parts("NotAction");
    for (String a : ACTIONS) {
      boolean expected = PATTERNS.stream().anyMatch(p -> WildcardMatcher.matches(p, a));
      assertEquals(expected, action.actionHolds(a), a);
      assertEquals(!expected, notAction.actionHolds(a), a);
    }
  }

  @Test
  void caseAndKelvinSignFoldAcrossServices() {
    StatementParts action = parts("Action");
    // "S3:get*" names s3 whatever the case; the Kelvin sign folds to k, as the matcher folds it.
    assertEquals(true, action.actionHolds("s3:GetObject"));
    assertEquals(true, action.actionHolds("kafka:DescribeCluster"));
    assertEquals(true, action.actionHolds("EC2:describeVpcs"));
    assertEquals(false, action.actionHolds("lambda:InvokeFunction"));
  }

  private static StatementParts single(String element, String values) {
    Policy policy =
        Policy.parse(
            "{\"Statement\": [{\"Effect\": \"Allow\", \""
                + element
                + "\": "
                + values
                + ", \"Resource\": \"*\"}]}");
    return new StatementParts(
        new NamedPolicy("P", PolicyRole.IDENTITY, policy), policy.statements().get(0));
  }

  @Test
  void aServiceNoValueNamesGetsOneAnswerForAllItsActions() {
    // "*Tag*" and "s*:List*" may name any service's actions: nothing is decided per service.
    assertEquals(Optional.empty(), parts("Action").sameForEveryActionOf("lambda"));
    StatementParts action = single("Action", "[\"s3:Get*\", \"iam:PassRole\"]");
    assertEquals(Optional.of(false), action.sameForEveryActionOf("lambda"));
    assertEquals(Optional.empty(), action.sameForEveryActionOf("S3"));
    StatementParts notAction = single("NotAction", "[\"iam:*\", \"organizations:*\"]");
    assertEquals(Optional.of(true), notAction.sameForEveryActionOf("s3"));
    assertEquals(Optional.empty(), notAction.sameForEveryActionOf("IAM"));
    // The Kelvin sign folds to k: such a service prefix is never decided without its actions.
    assertEquals(Optional.empty(), notAction.sameForEveryActionOf("\u212Aafka"));
  }
}
