package dev.iampolicyls.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.iampolicyls.evaluation.NamedPolicy;
import dev.iampolicyls.evaluation.Request;
import dev.iampolicyls.policy.Policy;
import dev.iampolicyls.policy.PolicyType;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Policy text in, verdict and witnesses out: one test per construct. */
class PolicyComparisonTest {
  static Policy policy(String... statements) {
    return Policy.parse(
        "{\"Version\": \"2012-10-17\", \"Statement\": [" + String.join(",", statements) + "]}");
  }

  static Comparison identity(Policy oldPolicy, Policy newPolicy) {
    return PolicyComparison.compare(
        oldPolicy, newPolicy, CompareOptions.defaults(PolicyType.IDENTITY_POLICY));
  }

  static String allow(String action, String resource) {
    return "{\"Effect\": \"Allow\", \"Action\": " + action + ", \"Resource\": " + resource + "}";
  }

  /** The witnesses, each confirmed here again: NEW allows, OLD denies. */
  static Comparison assertFail(Policy oldPolicy, Policy newPolicy, Comparison c) {
    assertEquals(Verdict.FAIL, c.verdict(), c.toString());
    assertFalse(c.newAccess().isEmpty());
    var role = PolicyComparison.roleOf(PolicyType.IDENTITY_POLICY);
    for (NewAccess n : c.newAccess()) {
      Request w = n.witness();
      NamedPolicy oldNamed = new NamedPolicy("OLD", role, oldPolicy);
      NamedPolicy newNamed = new NamedPolicy("NEW", role, newPolicy);
      assertTrue(PolicyComparison.allows(newNamed, w), w.toString());
      assertFalse(PolicyComparison.allows(oldNamed, w), w.toString());
    }
    return c;
  }

  @Test
  void samePolicyPasses() {
    Policy p = policy(allow("\"s3:Get*\"", "\"arn:aws:s3:::bucket/*\""));
    assertEquals(Verdict.PASS, identity(p, p).verdict());
  }

  @Test
  void widenedActionWildcardFails() {
    Policy old = policy(allow("\"s3:GetObject\"", "\"arn:aws:s3:::bucket/*\""));
    Policy neu = policy(allow("\"s3:Get*\"", "\"arn:aws:s3:::bucket/*\""));
    Comparison c = assertFail(old, neu, identity(old, neu));
    assertEquals(1, c.newAccess().size(), c.toString());
    NewAccess n = c.newAccess().get(0);
    assertTrue(n.witness().action().startsWith("s3:Get"), n.toString());
    assertFalse(n.witness().action().equals("s3:GetObject"));
    assertTrue(n.witness().resource().startsWith("arn:aws:s3:::bucket/"), n.toString());
    assertEquals(List.of("Statement[0]"), n.newStatements());
    assertTrue(n.actions() > 5, n.toString());
  }
}
