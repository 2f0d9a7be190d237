package dev.iampolicyls.policy;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import org.junit.jupiter.api.Test;

class PolicyModelTest {

  @Test
  void conditionOperatorsParseWithQualifierAndIfExists() {
    ConditionOperator op = ConditionOperator.parse("ForAnyValue:StringLikeIfExists").orElseThrow();
    assertEquals(ConditionOperator.Qualifier.FOR_ANY_VALUE, op.qualifier());
    assertEquals(ConditionOperator.Base.StringLike, op.base());
    assertTrue(op.ifExists());
    assertEquals("ForAnyValue:StringLikeIfExists", op.text());
    assertEquals(
        ConditionOperator.Category.NULL, ConditionOperator.parse("Null").orElseThrow().category());
    assertTrue(ConditionOperator.parse("stringequals").isEmpty(), "IAM spells operators exactly");
    assertEquals(
        "StringEquals", ConditionOperator.parseIgnoringCase("stringequals").orElseThrow().text());
    assertTrue(ConditionOperator.parse("IfExists").isEmpty());
    assertTrue(ConditionOperator.parse("StringEqual").isEmpty());
  }

  @Test
  void statementsExposeTheirElementsAndConditionEntries() {
    Policy policy =
        Policy.parse(
            """
            {"Version": "2012-10-17", "Statement": [
              {"Sid": "A", "Effect": "Allow", "Action": ["s3:GetObject", 5, "s3:PutObject"],
               "Resource": "arn:aws:s3:::b/*",
               "Condition": {"StringEquals": {"aws:SourceVpc": ["vpc-1", "vpc-2"]},
                             "Bool": {"aws:SecureTransport": "true"}}},
              {"Effect": "Deny", "NotAction": "iam:*", "NotResource": "*"}
            ]}
            """);
    assertTrue(policy.looksLikePolicy());
    assertEquals("2012-10-17", policy.versionValue().orElseThrow());
    Statement first = policy.statements().get(0);
    assertEquals(0, first.index());
    assertEquals("A", first.label());
    assertTrue(first.isAllow());
    assertEquals(
        List.of("s3:GetObject", "s3:PutObject"),
        first.actions().stream().map(StringElement::value).toList());
    List<ConditionEntry> entries = first.conditionEntries();
    assertEquals(2, entries.size());
    assertEquals("aws:SourceVpc", entries.get(0).key());
    assertEquals(2, entries.get(0).values().size());
    assertEquals(ConditionOperator.Base.Bool, entries.get(1).operator().orElseThrow().base());
    Statement second = policy.statements().get(1);
    assertTrue(second.isDeny());
    assertEquals("statement 2", second.label());
    assertEquals("iam:*", second.actions().get(0).value());
    assertEquals("*", second.resources().get(0).value());
  }

  @Test
  void onlyPolicyShapedJsonLooksLikeAPolicy() {
    assertFalse(Policy.parse("{\"name\": \"x\", \"version\": \"1.0.0\"}").looksLikePolicy());
    assertFalse(Policy.parse("[]").looksLikePolicy());
    assertTrue(Policy.parse("{\"Version\": \"2012-10-17\"}").looksLikePolicy());
    // An EventBridge event: a version and an id, but no policy's.
    assertFalse(
        Policy.parse(
                "{\"version\": \"0\", \"id\": \"4bc5\", \"detail-type\": \"x\", \"resources\": []}")
            .looksLikePolicy());
    assertTrue(Policy.parse("{\"Version\": \"2012-10-18\", \"Id\": \"p\"}").looksLikePolicy());
    assertTrue(Policy.parse("{\"Statement\": [").looksLikePolicy());
  }

  @Test
  void policyTypeIsInferredFromPrincipalAndActions() {
    assertEquals(
        PolicyType.IDENTITY_POLICY,
        PolicyType.infer(
            Policy.parse(
                "{\"Statement\": {\"Effect\": \"Allow\", \"Action\": \"s3:*\", \"Resource\": \"*\"}}")));
    assertEquals(
        PolicyType.RESOURCE_POLICY,
        PolicyType.infer(
            Policy.parse(
                "{\"Statement\": {\"Effect\": \"Allow\", \"Principal\": \"*\", \"Action\": \"s3:GetObject\", \"Resource\": \"*\"}}")));
    assertEquals(
        PolicyType.TRUST_POLICY,
        PolicyType.infer(
            Policy.parse(
                "{\"Statement\": {\"Effect\": \"Allow\", \"Principal\": {\"Service\": \"ec2.amazonaws.com\"}, \"Action\": [\"sts:AssumeRole\", \"sts:TagSession\"]}}")));
    // A perimeter policy about sts:AssumeRole names a Resource, which a trust policy never does.
    assertEquals(
        PolicyType.RESOURCE_POLICY,
        PolicyType.infer(
            Policy.parse(
                "{\"Statement\": {\"Effect\": \"Deny\", \"Principal\": \"*\", \"Action\": \"sts:AssumeRoleWithWebIdentity\", \"Resource\": \"*\"}}")));
    assertEquals(
        PolicyType.SERVICE_CONTROL_POLICY,
        PolicyType.parse("service-control-policy").orElseThrow());
  }

  @Test
  void arnsSplitIntoSixParts() {
    Arn arn = Arn.parse("arn:aws:lambda:eu-west-1:111122223333:function:f:live").orElseThrow();
    assertEquals("lambda", arn.service());
    assertEquals("function:f:live", arn.resource());
    assertTrue(Arn.parse("arn:aws:s3").isEmpty());
    assertTrue(Arn.parse("*").isEmpty());
  }
}
