package dev.iampolicyls.compare;

import static dev.iampolicyls.compare.PolicyComparisonTest.allow;
import static dev.iampolicyls.compare.PolicyComparisonTest.assertFail;
import static dev.iampolicyls.compare.PolicyComparisonTest.only;
import static dev.iampolicyls.compare.PolicyComparisonTest.policy;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.iampolicyls.catalog.Catalog;
import dev.iampolicyls.catalog.Service;
import dev.iampolicyls.policy.Policy;
import dev.iampolicyls.policy.PolicyType;
import org.junit.jupiter.api.Test;

/**
 * Actions OLD allows on every resource under no condition, with no OLD Deny naming them, are left
 * out of the search (a broad reference such as PowerUserAccess); everything else is still searched.
 */
class AllowedEverywhereTest {
  /** PowerUserAccess's shape: every action but IAM's, on every resource. */
  private static final String ALL_BUT_IAM =
      "{\"Effect\": \"Allow\", \"NotAction\": \"iam:*\", \"Resource\": \"*\"}";

  private static int catalogActions() {
    int n = 0;
    for (Service s : Catalog.bundled().services()) {
      n += s.actions().size();
    }
    return n;
  }

  @Test
  void actionsAllowedEverywhereNeedNoSearch() {
    // One step per catalog action, and ten more: the search of a single class of requests of all
    // the ARN formats that NotAction reaches would not fit, so only the fast path decides in it.
    CompareOptions tight =
        new CompareOptions(
            PolicyType.IDENTITY_POLICY, false, Catalog.bundled(), catalogActions() + 10);
    Policy neu =
        policy(
            "{\"Effect\": \"Allow\", \"NotAction\": \"iam:*\", \"Resource\": \"arn:aws:s3:::b/*\"}");
    Comparison c = PolicyComparison.compare(policy(ALL_BUT_IAM), neu, tight);
    assertEquals(Verdict.PASS, c.verdict(), c.toString());
    Comparison unbounded =
        PolicyComparison.compare(
            policy(allow("\"s3:GetObject\"", "\"*\"")),
            neu,
            CompareOptions.defaults(PolicyType.IDENTITY_POLICY));
    assertEquals(Verdict.FAIL, unbounded.verdict(), "without the broad Allow: " + unbounded);
  }

  @Test
  void nothingLeftToSearchPassesWhatTheConditionKeysWouldLeaveUndecided() {
    StringBuilder values = new StringBuilder();
    for (int i = 0; i < 12; i++) {
      values.append(i == 0 ? "" : ", ").append("\"tag").append(i).append('"');
    }
    Policy neu =
        policy(
            PolicyComparisonTest.allowWhen(
                "{\"ForAnyValue:StringEquals\": {\"aws:TagKeys\": [" + values + "]}}"));
    CompareOptions options = CompareOptions.defaults(PolicyType.IDENTITY_POLICY);
    assertEquals(
        Verdict.UNKNOWN,
        PolicyComparison.compare(policy(), neu, options).verdict(),
        "no reference");
    Comparison c = PolicyComparison.compare(policy(ALL_BUT_IAM), neu, options);
    assertEquals(Verdict.PASS, c.verdict(), c.toString());
  }

  @Test
  void theRestIsStillSearched() {
    Policy neu = policy(allow("[\"s3:*\", \"iam:PassRole\"]", "\"*\""));
    NewAccess n = only(assertFail(policy(ALL_BUT_IAM), neu));
    assertEquals("iam:PassRole", n.witness().action(), n.toString());
  }

  @Test
  void aDenyOfTheReferenceKeepsItsActionsInTheSearch() {
    Policy old =
        policy(
            ALL_BUT_IAM,
            "{\"Effect\": \"Deny\", \"Action\": \"s3:DeleteBucket\","
                + " \"Resource\": \"arn:aws:s3:::keep\","
                + " \"Condition\": {\"BoolIfExists\": {\"aws:MultiFactorAuthPresent\": \"false\"}}}");
    NewAccess n = only(assertFail(old, policy(allow("\"s3:*\"", "\"*\""))));
    assertEquals("s3:DeleteBucket", n.witness().action(), n.toString());
    assertEquals("arn:aws:s3:::keep", n.witness().resource(), n.toString());
  }

  @Test
  void aConditionOfTheReferenceKeepsItsActionsInTheSearch() {
    Policy old =
        policy(
            "{\"Effect\": \"Allow\", \"NotAction\": \"iam:*\", \"Resource\": \"*\","
                + " \"Condition\": {\"IpAddress\": {\"aws:SourceIp\": \"10.0.0.0/8\"}}}");
    NewAccess n = only(assertFail(old, policy(allow("\"s3:GetObject\"", "\"*\""))));
    assertTrue(
        n.witness().context().values("aws:SourceIp").stream().noneMatch(ip -> ip.startsWith("10.")),
        n.toString());
  }

  @Test
  void aNotResourceOfTheReferenceKeepsItsActionsInTheSearch() {
    Policy old =
        policy(
            "{\"Effect\": \"Allow\", \"NotAction\": \"iam:*\","
                + " \"NotResource\": \"arn:aws:s3:::secret/*\"}");
    NewAccess n = only(assertFail(old, policy(allow("\"s3:GetObject\"", "\"*\""))));
    assertTrue(n.witness().resource().startsWith("arn:aws:s3:::secret/"), n.toString());
  }

  @Test
  void aResourcePolicysPrincipalKeepsItsActionsInTheSearch() {
    String old =
        "{\"Effect\": \"Allow\", \"Principal\": {\"AWS\": \"arn:aws:iam::111122223333:role/app\"},"
            + " \"Action\": \"*\", \"Resource\": \"*\"}";
    String neu =
        "{\"Effect\": \"Allow\", \"Principal\": \"*\","
            + " \"Action\": \"s3:GetObject\", \"Resource\": \"arn:aws:s3:::b/*\"}";
    Comparison c = assertFail(PolicyType.RESOURCE_POLICY, false, policy(old), policy(neu));
    for (NewAccess n : c.newAccess()) {
      assertTrue(
          n.witness().principal().map(p -> !p.text().endsWith("role/app")).orElse(true),
          n.toString());
    }
  }
}
