package dev.iampolicyls.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.iampolicyls.catalog.Catalog;
import dev.iampolicyls.evaluation.ContextArguments;
import dev.iampolicyls.evaluation.NamedPolicy;
import dev.iampolicyls.evaluation.PolicyRole;
import dev.iampolicyls.evaluation.Request;
import dev.iampolicyls.policy.Policy;
import dev.iampolicyls.policy.PolicyType;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Policy text in, verdict and witnesses out: one test per construct of the language. */
class PolicyComparisonTest {
  static Policy policy(String... statements) {
    return Policy.parse(
        "{\"Version\": \"2012-10-17\", \"Statement\": [" + String.join(",", statements) + "]}");
  }

  static String allow(String action, String resource) {
    return "{\"Effect\": \"Allow\", \"Action\": " + action + ", \"Resource\": " + resource + "}";
  }

  static String deny(String action, String resource) {
    return "{\"Effect\": \"Deny\", \"Action\": " + action + ", \"Resource\": " + resource + "}";
  }

  /** An Allow of s3:GetObject on bucket b's objects under a condition block. */
  static String allowWhen(String condition) {
    return "{\"Effect\": \"Allow\", \"Action\": \"s3:GetObject\","
        + " \"Resource\": \"arn:aws:s3:::b/*\", \"Condition\": "
        + condition
        + "}";
  }

  static Comparison compare(PolicyType type, boolean strings, Policy oldPolicy, Policy newPolicy) {
    return PolicyComparison.compare(
        oldPolicy, newPolicy, CompareOptions.defaults(type).withStringSemantics(strings));
  }

  /** FAIL, with every witness confirmed here again: NEW allows it and OLD does not. */
  static Comparison assertFail(
      PolicyType type, boolean strings, Policy oldPolicy, Policy newPolicy) {
    Comparison c = compare(type, strings, oldPolicy, newPolicy);
    assertEquals(Verdict.FAIL, c.verdict(), c.toString());
    assertFalse(c.newAccess().isEmpty());
    PolicyRole role = PolicyComparison.roleOf(type);
    for (NewAccess n : c.newAccess()) {
      Request w = n.witness();
      assertTrue(PolicyComparison.allows(new NamedPolicy("NEW", role, newPolicy), w), w.toString());
      assertFalse(
          PolicyComparison.allows(new NamedPolicy("OLD", role, oldPolicy), w), w.toString());
      assertFalse(n.newStatements().isEmpty(), n.toString());
    }
    return c;
  }

  static Comparison assertFail(Policy oldPolicy, Policy newPolicy) {
    return assertFail(PolicyType.IDENTITY_POLICY, false, oldPolicy, newPolicy);
  }

  static void assertPass(Policy oldPolicy, Policy newPolicy) {
    Comparison c = compare(PolicyType.IDENTITY_POLICY, false, oldPolicy, newPolicy);
    assertEquals(Verdict.PASS, c.verdict(), c.toString());
  }

  static NewAccess only(Comparison c) {
    assertEquals(1, c.newAccess().size(), c.toString());
    return c.newAccess().get(0);
  }

  static String value(Request w, String key) {
    List<String> v = w.context().values(key);
    return v.isEmpty() ? null : String.join(",", v);
  }

  @Test
  void samePolicyPasses() {
    Policy p =
        policy(
            allow("\"s3:Get*\"", "\"arn:aws:s3:::bucket/*\""),
            deny("\"s3:GetObjectAcl\"", "\"*\""));
    assertPass(p, p);
  }

  @Test
  void widenedActionWildcard() {
    Policy old = policy(allow("\"s3:GetObject\"", "\"arn:aws:s3:::bucket/*\""));
    Policy neu = policy(allow("\"s3:Get*\"", "\"arn:aws:s3:::bucket/*\""));
    NewAccess n = only(assertFail(old, neu));
    assertTrue(n.witness().action().startsWith("s3:Get"), n.toString());
    assertFalse(n.witness().action().equals("s3:GetObject"));
    assertTrue(n.witness().resource().startsWith("arn:aws:s3:::bucket/"), n.toString());
    assertEquals(List.of("Statement[0]"), n.newStatements());
    assertTrue(n.actions() > 5, n.toString());
  }

  @Test
  void narrowedActionPasses() {
    assertPass(policy(allow("\"s3:Get*\"", "\"*\"")), policy(allow("\"s3:GetObject\"", "\"*\"")));
  }

  @Test
  void notActionGrantsEverythingElse() {
    Policy old = policy(allow("\"s3:GetObject\"", "\"*\""));
    Policy neu = policy("{\"Effect\": \"Allow\", \"NotAction\": \"iam:*\", \"Resource\": \"*\"}");
    Comparison c = assertFail(old, neu);
    for (NewAccess n : c.newAccess()) {
      assertFalse(n.witness().action().startsWith("iam:"), n.toString());
    }
  }

  @Test
  void notActionExcludingLessFails() {
    Policy old =
        policy(
            "{\"Effect\": \"Allow\", \"NotAction\": [\"iam:*\", \"s3:*\"], \"Resource\": \"*\"}");
    Policy neu = policy("{\"Effect\": \"Allow\", \"NotAction\": \"iam:*\", \"Resource\": \"*\"}");
    for (NewAccess n : assertFail(old, neu).newAccess()) {
      assertTrue(n.witness().action().startsWith("s3:"), n.toString());
    }
  }

  @Test
  void widenedResource() {
    Policy old = policy(allow("\"s3:GetObject\"", "\"arn:aws:s3:::bucket/reports/*\""));
    Policy neu = policy(allow("\"s3:GetObject\"", "\"arn:aws:s3:::bucket/*\""));
    NewAccess n = only(assertFail(old, neu));
    assertEquals("s3:GetObject", n.witness().action());
    assertTrue(n.witness().resource().startsWith("arn:aws:s3:::bucket/"), n.toString());
    assertFalse(n.witness().resource().startsWith("arn:aws:s3:::bucket/reports/"), n.toString());
  }

  @Test
  void resourceInAnotherPartitionIsNew() {
    Policy old = policy(allow("\"s3:GetObject\"", "\"arn:aws:s3:::bucket/*\""));
    Policy neu = policy(allow("\"s3:GetObject\"", "\"arn:*:s3:::bucket/*\""));
    NewAccess n = only(assertFail(old, neu));
    assertFalse(n.witness().resource().startsWith("arn:aws:"), n.toString());
  }

  @Test
  void notResourceExcludingLess() {
    String old =
        "{\"Effect\": \"Allow\", \"Action\": \"s3:GetObject\","
            + " \"NotResource\": \"arn:aws:s3:::secret/*\"}";
    String neu =
        "{\"Effect\": \"Allow\", \"Action\": \"s3:GetObject\","
            + " \"NotResource\": \"arn:aws:s3:::secret/private/*\"}";
    NewAccess n = only(assertFail(policy(old), policy(neu)));
    assertTrue(n.witness().resource().startsWith("arn:aws:s3:::secret/"), n.toString());
    assertFalse(n.witness().resource().startsWith("arn:aws:s3:::secret/private/"));
  }

  @Test
  void removedDeny() {
    Policy old = policy(allow("\"s3:*\"", "\"*\""), deny("\"s3:DeleteBucket\"", "\"*\""));
    Policy neu = policy(allow("\"s3:*\"", "\"*\""));
    NewAccess n = only(assertFail(old, neu));
    assertEquals("s3:DeleteBucket", n.witness().action());
    assertEquals(1, n.actions());
  }

  @Test
  void narrowedDeny() {
    Policy old = policy(allow("\"s3:*\"", "\"*\""), deny("\"s3:Delete*\"", "\"*\""));
    Policy neu = policy(allow("\"s3:*\"", "\"*\""), deny("\"s3:DeleteBucket\"", "\"*\""));
    for (NewAccess n : assertFail(old, neu).newAccess()) {
      assertTrue(n.witness().action().startsWith("s3:Delete"), n.toString());
      assertFalse(n.witness().action().equals("s3:DeleteBucket"));
    }
  }

  @Test
  void widenedDenyPasses() {
    assertPass(
        policy(allow("\"s3:*\"", "\"*\""), deny("\"s3:DeleteBucket\"", "\"*\"")),
        policy(allow("\"s3:*\"", "\"*\""), deny("\"s3:Delete*\"", "\"*\"")));
  }

  @Test
  void removedCondition() {
    Policy old = policy(allowWhen("{\"Bool\": {\"aws:MultiFactorAuthPresent\": \"true\"}}"));
    Policy neu = policy(allow("\"s3:GetObject\"", "\"arn:aws:s3:::b/*\""));
    NewAccess n = only(assertFail(old, neu));
    assertFalse("true".equals(value(n.witness(), "aws:MultiFactorAuthPresent")), n.toString());
  }

  @Test
  void stringConditionLoosened() {
    Policy old = policy(allowWhen("{\"StringEquals\": {\"aws:RequestedRegion\": \"us-east-1\"}}"));
    Policy neu = policy(allowWhen("{\"StringLike\": {\"aws:RequestedRegion\": \"us-*\"}}"));
    NewAccess n = only(assertFail(old, neu));
    String region = value(n.witness(), "aws:RequestedRegion");
    assertTrue(region.startsWith("us-") && !region.equals("us-east-1"), region);
  }

  @Test
  void stringConditionTightenedPasses() {
    assertPass(
        policy(allowWhen("{\"StringLike\": {\"aws:RequestedRegion\": \"us-*\"}}")),
        policy(allowWhen("{\"StringEquals\": {\"aws:RequestedRegion\": \"us-east-1\"}}")));
  }

  @Test
  void caselessStringConditionIsWiderThanExact() {
    Policy old = policy(allowWhen("{\"StringEquals\": {\"aws:PrincipalTag/team\": \"blue\"}}"));
    Policy neu =
        policy(allowWhen("{\"StringEqualsIgnoreCase\": {\"aws:PrincipalTag/team\": \"blue\"}}"));
    NewAccess n = only(assertFail(old, neu));
    String team = value(n.witness(), "aws:PrincipalTag/team");
    assertTrue(team.equalsIgnoreCase("blue") && !team.equals("blue"), team);
  }

  @Test
  void numericBoundLoosened() {
    Policy old = policy(allowWhen("{\"NumericLessThan\": {\"s3:max-keys\": \"10\"}}"));
    Policy neu = policy(allowWhen("{\"NumericLessThanEquals\": {\"s3:max-keys\": \"20\"}}"));
    NewAccess n = only(assertFail(old, neu));
    double v = Double.parseDouble(value(n.witness(), "s3:max-keys"));
    assertTrue(v >= 10 && v <= 20, n.toString());
  }

  @Test
  void dateBoundLoosened() {
    Policy old =
        policy(allowWhen("{\"DateLessThan\": {\"aws:CurrentTime\": \"2026-01-01T00:00:00Z\"}}"));
    Policy neu =
        policy(allowWhen("{\"DateLessThan\": {\"aws:CurrentTime\": \"2027-01-01T00:00:00Z\"}}"));
    NewAccess n = only(assertFail(old, neu));
    String t = value(n.witness(), "aws:CurrentTime");
    assertTrue(t.compareTo("2026-01-01") >= 0 && t.compareTo("2027-01-01") < 0, t);
  }

  @Test
  void ipRangeWidened() {
    Policy old = policy(allowWhen("{\"IpAddress\": {\"aws:SourceIp\": \"10.1.0.0/16\"}}"));
    Policy neu = policy(allowWhen("{\"IpAddress\": {\"aws:SourceIp\": \"10.0.0.0/8\"}}"));
    NewAccess n = only(assertFail(old, neu));
    String ip = value(n.witness(), "aws:SourceIp");
    assertTrue(ip.startsWith("10.") && !ip.startsWith("10.1."), ip);
  }

  @Test
  void notIpAddressNarrowed() {
    Policy old =
        policy(
            allowWhen(
                "{\"NotIpAddress\": {\"aws:SourceIp\": [\"10.0.0.0/8\", \"192.0.2.0/24\"]}}"));
    Policy neu = policy(allowWhen("{\"NotIpAddress\": {\"aws:SourceIp\": \"10.0.0.0/8\"}}"));
    NewAccess n = only(assertFail(old, neu));
    assertTrue(value(n.witness(), "aws:SourceIp").startsWith("192.0.2."), n.toString());
  }

  @Test
  void arnConditionWidened() {
    Policy old =
        policy(
            allowWhen(
                "{\"ArnEquals\": {\"aws:SourceArn\": \"arn:aws:sns:us-east-1:111122223333:topic\"}}"));
    Policy neu =
        policy(allowWhen("{\"ArnLike\": {\"aws:SourceArn\": \"arn:aws:sns:*:111122223333:*\"}}"));
    NewAccess n = only(assertFail(old, neu));
    String arn = value(n.witness(), "aws:SourceArn");
    assertTrue(arn.startsWith("arn:aws:sns:") && arn.contains(":111122223333:"), arn);
  }

  @Test
  void ifExistsAdmitsTheAbsentKey() {
    Policy old = policy(allowWhen("{\"StringEquals\": {\"aws:ResourceTag/team\": \"blue\"}}"));
    Policy neu =
        policy(allowWhen("{\"StringEqualsIfExists\": {\"aws:ResourceTag/team\": \"blue\"}}"));
    NewAccess n = only(assertFail(old, neu));
    assertEquals(null, value(n.witness(), "aws:ResourceTag/team"), n.toString());
  }

  @Test
  void forAnyValueIsWiderThanForAllValues() {
    Policy old =
        policy(
            allowWhen(
                "{\"ForAllValues:StringEquals\": {\"aws:TagKeys\": [\"team\", \"env\"]},"
                    + " \"Null\": {\"aws:TagKeys\": \"false\"}}"));
    Policy neu =
        policy(allowWhen("{\"ForAnyValue:StringEquals\": {\"aws:TagKeys\": [\"team\", \"env\"]}}"));
    NewAccess n = only(assertFail(old, neu));
    List<String> keys = n.witness().context().values("aws:TagKeys");
    assertTrue(keys.contains("team") || keys.contains("env"), keys.toString());
    assertTrue(keys.stream().anyMatch(k -> !k.equals("team") && !k.equals("env")), keys.toString());
  }

  @Test
  void forAllValuesHoldsForTheAbsentKey() {
    Policy old = policy(allowWhen("{\"ForAnyValue:StringEquals\": {\"aws:TagKeys\": [\"team\"]}}"));
    Policy neu =
        policy(allowWhen("{\"ForAllValues:StringEquals\": {\"aws:TagKeys\": [\"team\"]}}"));
    NewAccess n = only(assertFail(old, neu));
    assertTrue(n.witness().context().values("aws:TagKeys").isEmpty(), n.toString());
  }

  @Test
  void nullConditionRemoved() {
    Policy old = policy(allowWhen("{\"Null\": {\"aws:ResourceTag/team\": \"false\"}}"));
    Policy neu = policy(allow("\"s3:GetObject\"", "\"arn:aws:s3:::b/*\""));
    NewAccess n = only(assertFail(old, neu));
    assertEquals(null, value(n.witness(), "aws:ResourceTag/team"), n.toString());
  }

  @Test
  void keysTestedOnlyWithNullCarryAValueOfTheirType() throws Exception {
    Policy old = policy(allow("\"s3:PutObject\"", "\"arn:aws:s3:::b/*\""));
    Policy neu =
        policy(
            allowWhen(
                "{\"Null\": {\"aws:MultiFactorAuthPresent\": \"false\","
                    + " \"aws:SourceIp\": \"false\", \"aws:EpochTime\": \"false\"}}"));
    Request w = only(assertFail(old, neu)).witness();
    assertEquals("true", value(w, "aws:MultiFactorAuthPresent"), w.toString());
    assertEquals("203.0.113.0", value(w, "aws:SourceIp"), w.toString());
    // What simulate would accept for these keys: it rejects ill-typed values.
    ContextArguments.fromValues(w.context().entries(), Catalog.bundled());
  }

  @Test
  void recoveryPointsOfAnyServiceAreComparedServiceByService() {
    // AWS Backup acts on recovery points whose ARN may be of any service (${Vendor}).
    String action = "\"backup:DescribeRecoveryPoint\"";
    Policy old =
        policy(allow(action, "[\"arn:aws:ec2:*:*:snapshot:*\", \"arn:aws:rds:*:*:snapshot:*\"]"));
    assertPass(
        old,
        policy(allow(action, "[\"arn:aws:rds:*:*:snapshot:*\", \"arn:aws:ec2:*:*:snapshot:*\"]")));
    Policy rdsWidened =
        policy(allow(action, "[\"arn:aws:ec2:*:*:snapshot:*\", \"arn:aws:rds:*:*:*\"]"));
    Request w = only(assertFail(old, rdsWidened)).witness();
    assertTrue(
        w.resource().startsWith("arn:aws:rds:") && !w.resource().contains(":snapshot:"),
        w.toString());
    Policy thirdService =
        policy(
            allow(
                action,
                "[\"arn:aws:ec2:*:*:snapshot:*\", \"arn:aws:rds:*:*:snapshot:*\","
                    + " \"arn:aws:dynamodb:*:*:table:*\"]"));
    Request d = only(assertFail(old, thirdService)).witness();
    assertTrue(d.resource().startsWith("arn:aws:dynamodb:"), d.toString());
  }

  @Test
  void negatedOperatorHoldsForTheMissingKey() {
    // StringNotEquals holds when the key is missing: NEW lets requests without the tag through.
    Policy old = policy(allowWhen("{\"StringEquals\": {\"aws:PrincipalTag/dept\": \"eng\"}}"));
    Policy neu = policy(allowWhen("{\"StringNotEquals\": {\"aws:PrincipalTag/dept\": \"sales\"}}"));
    Comparison c =
        assertFail(PolicyType.IDENTITY_POLICY, false, policy(old.document().text()), neu);
    assertTrue(
        c.newAccess().stream()
            .allMatch(n -> !"eng".equals(value(n.witness(), "aws:PrincipalTag/dept"))));
  }

  @Test
  void sameVariableInBothPasses() {
    String home = "\"arn:aws:s3:::bucket/home/${aws:username}/*\"";
    assertPass(policy(allow("\"s3:GetObject\"", home)), policy(allow("\"s3:GetObject\"", home)));
  }

  @Test
  void variableReplacedByWildcard() {
    Policy old =
        policy(allow("\"s3:GetObject\"", "\"arn:aws:s3:::bucket/home/${aws:username}/*\""));
    Policy neu = policy(allow("\"s3:GetObject\"", "\"arn:aws:s3:::bucket/home/*\""));
    NewAccess n = only(assertFail(old, neu));
    String user = value(n.witness(), "aws:username");
    assertFalse(
        user != null && n.witness().resource().startsWith("arn:aws:s3:::bucket/home/" + user + "/"),
        n.toString());
  }

  @Test
  void variableMeetingADenyOfOneUser() {
    // OLD denies alice's folder; NEW does not: new access exactly when the user is alice.
    String home = "\"arn:aws:s3:::bucket/home/${aws:username}/*\"";
    Policy old =
        policy(
            allow("\"s3:GetObject\"", home),
            deny("\"s3:GetObject\"", "\"arn:aws:s3:::bucket/home/alice/*\""));
    Policy neu = policy(allow("\"s3:GetObject\"", home));
    NewAccess n = only(assertFail(old, neu));
    assertEquals("alice", value(n.witness(), "aws:username"));
  }

  @Test
  void variableInConditionValue() {
    Policy same =
        policy(
            allowWhen(
                "{\"StringEquals\": {\"aws:ResourceTag/owner\": \"${aws:PrincipalTag/owner}\"}}"));
    assertPass(same, same);
    Policy neu = policy(allowWhen("{\"StringLike\": {\"aws:ResourceTag/owner\": \"*\"}}"));
    NewAccess n = only(assertFail(same, neu));
    assertFalse(
        java.util.Objects.equals(
            value(n.witness(), "aws:ResourceTag/owner"),
            value(n.witness(), "aws:PrincipalTag/owner")),
        n.toString());
  }

  /** NEW's only new access needs the text of a condition value with a variable inside. */
  @Test
  void variableInsideALongerConditionValueIsTriedWithItsSubstitutedText() {
    Policy old = policy(allow("\"s3:GetObject\"", "\"arn:aws:s3:::other/*\""));
    Policy neu =
        policy(
            allowWhen("{\"StringEquals\": {\"aws:PrincipalTag/team\": \"team-${aws:username}\"}}"));
    NewAccess n = only(assertFail(old, neu));
    String user = value(n.witness(), "aws:username");
    assertTrue(user != null, n.toString());
    assertEquals("team-" + user, value(n.witness(), "aws:PrincipalTag/team"), n.toString());
  }

  @Test
  void substitutedConditionValueThatOldAlsoMatchesPasses() {
    // Every team-<user> is team-*: the substituted text is tried and OLD allows it too.
    Policy old = policy(allowWhen("{\"StringLike\": {\"aws:PrincipalTag/team\": \"team-*\"}}"));
    Policy neu =
        policy(
            allowWhen("{\"StringEquals\": {\"aws:PrincipalTag/team\": \"team-${aws:username}\"}}"));
    assertPass(old, neu);
  }

  @Test
  void variableInsideAnArnConditionValueIsTriedWithItsSubstitutedText() {
    Policy old = policy(allow("\"s3:GetObject\"", "\"arn:aws:s3:::other/*\""));
    Policy neu =
        policy(
            allowWhen(
                "{\"ArnLike\": {\"aws:SourceArn\":"
                    + " \"arn:aws:sns:us-east-1:${aws:PrincipalAccount}:topic\"}}"));
    NewAccess n = only(assertFail(old, neu));
    String account = value(n.witness(), "aws:PrincipalAccount");
    assertEquals(
        "arn:aws:sns:us-east-1:" + account + ":topic",
        value(n.witness(), "aws:SourceArn"),
        n.toString());
  }

  @Test
  void principalWidenedInResourcePolicy() {
    String old =
        "{\"Effect\": \"Allow\", \"Principal\": {\"AWS\": \"arn:aws:iam::111122223333:role/app\"},"
            + " \"Action\": \"s3:GetObject\", \"Resource\": \"arn:aws:s3:::b/*\"}";
    String neu =
        "{\"Effect\": \"Allow\", \"Principal\": {\"AWS\": \"111122223333\"},"
            + " \"Action\": \"s3:GetObject\", \"Resource\": \"arn:aws:s3:::b/*\"}";
    Comparison c = assertFail(PolicyType.RESOURCE_POLICY, false, policy(old), policy(neu));
    for (NewAccess n : c.newAccess()) {
      String who = n.witness().principal().orElseThrow().text();
      assertTrue(who.contains("111122223333") && !who.endsWith("role/app"), who);
    }
    String everyone = neu.replace("{\"AWS\": \"111122223333\"}", "\"*\"");
    Comparison c2 = assertFail(PolicyType.RESOURCE_POLICY, false, policy(old), policy(everyone));
    for (NewAccess n : c2.newAccess()) {
      assertFalse(
          n.witness().principal().map(p -> p.text().endsWith("role/app")).orElse(false),
          n.toString());
    }
  }

  @Test
  void samePrincipalsPass() {
    String p =
        "{\"Effect\": \"Allow\", \"Principal\": {\"AWS\": \"111122223333\"},"
            + " \"Action\": \"s3:GetObject\", \"Resource\": \"arn:aws:s3:::b/*\"}";
    Comparison c = compare(PolicyType.RESOURCE_POLICY, false, policy(p), policy(p));
    assertEquals(Verdict.PASS, c.verdict(), c.toString());
  }

  @Test
  void actionThatTakesOnlyStarGainsNothingOnABucket() {
    Policy old = policy(allow("\"s3:GetObject\"", "\"arn:aws:s3:::b/*\""));
    Policy neu =
        policy(
            allow("\"s3:GetObject\"", "\"arn:aws:s3:::b/*\""),
            allow("\"s3:ListAllMyBuckets\"", "\"arn:aws:s3:::b/*\""),
            allow("\"s3:GetObject\"", "\"arn:aws:s3:::b\""));
    assertPass(old, neu);
    Comparison strings = assertFail(PolicyType.IDENTITY_POLICY, true, old, neu);
    assertTrue(
        strings.newAccess().stream()
            .anyMatch(n -> n.witness().action().equals("s3:ListAllMyBuckets")),
        strings.toString());
  }

  @Test
  void stringSemanticsCountsActionsOutsideTheCatalog() {
    Policy old = policy(allow("\"s3:GetObject\"", "\"*\""));
    Policy neu = policy(allow("\"s3:GetObjec?\"", "\"*\""));
    assertPass(old, neu);
    NewAccess n = only(assertFail(PolicyType.IDENTITY_POLICY, true, old, neu));
    assertTrue(n.witness().action().toLowerCase().startsWith("s3:getobjec"), n.toString());
    assertFalse(n.witness().action().equalsIgnoreCase("s3:GetObject"));
  }

  @Test
  void tooManyClassesOfAMultiValuedKeyIsUnknown() {
    StringBuilder values = new StringBuilder();
    for (int i = 0; i < 12; i++) {
      values.append(i == 0 ? "" : ", ").append("\"tag").append(i).append('"');
    }
    Policy neu =
        policy(allowWhen("{\"ForAnyValue:StringEquals\": {\"aws:TagKeys\": [" + values + "]}}"));
    Comparison c = compare(PolicyType.IDENTITY_POLICY, false, policy(), neu);
    assertEquals(Verdict.UNKNOWN, c.verdict(), c.toString());
    assertTrue(c.unknownReasons().get(0).contains("aws:TagKeys"), c.toString());
    assertTrue(c.newAccess().isEmpty());
  }

  @Test
  void wildcardEscapeIsUnknown() {
    Policy neu = policy(allow("\"s3:GetObject\"", "\"arn:aws:s3:::b/${*}\""));
    Comparison c = compare(PolicyType.IDENTITY_POLICY, false, policy(), neu);
    assertEquals(Verdict.UNKNOWN, c.verdict(), c.toString());
  }

  @Test
  void serviceControlPolicyCeilingRaised() {
    String old = "{\"Effect\": \"Allow\", \"Action\": \"ec2:*\", \"Resource\": \"*\"}";
    String neu = "{\"Effect\": \"Allow\", \"Action\": \"*\", \"Resource\": \"*\"}";
    Comparison c = assertFail(PolicyType.SERVICE_CONTROL_POLICY, false, policy(old), policy(neu));
    assertTrue(c.newAccess().stream().noneMatch(n -> n.witness().action().startsWith("ec2:")));
  }
}
