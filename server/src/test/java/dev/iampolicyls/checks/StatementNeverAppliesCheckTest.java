package dev.iampolicyls.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.iampolicyls.catalog.Catalog;
import dev.iampolicyls.config.DocumentSettings;
import dev.iampolicyls.policy.Policy;
import dev.iampolicyls.policy.PolicyType;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * STATEMENT_NEVER_APPLIES at a fixed "now" (2025-06-01), and the least-privilege checks' silence on
 * such a statement.
 */
class StatementNeverAppliesCheckTest {
  private static final Clock NOW =
      Clock.fixed(Instant.parse("2025-06-01T12:00:00Z"), ZoneOffset.UTC);

  private static List<Finding> run(String text) {
    Policy policy = Policy.parse(text);
    return new DiagnosticsEngine(Catalog.bundled())
        .withClock(NOW)
        .run(policy, PolicyType.IDENTITY_POLICY, DocumentSettings.DEFAULT);
  }

  /** Asserts that STATEMENT_NEVER_APPLIES is exactly at the marked spans. */
  private static List<Finding> assertNeverApplies(String marked) {
    CheckAssert.Marked m = CheckAssert.unmark(marked);
    List<Finding> found =
        run(m.text()).stream().filter(f -> f.code() == CheckCode.STATEMENT_NEVER_APPLIES).toList();
    assertEquals(
        m.spans().stream().map(s -> s[0] + "+" + s[1]).toList(),
        found.stream().map(f -> f.offset() + "+" + f.length()).toList(),
        () -> m.text() + "\nfound " + found);
    return found;
  }

  private static String allowAll(String condition) {
    return "{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"Allow\", \"Action\": \"*\","
        + " \"Resource\": \"*\", \"Condition\": "
        + condition
        + "}]}";
  }

  @Test
  void currentTimeBeforeAPastDate() {
    List<Finding> found =
        assertNeverApplies(
            allowAll("{\"DateLessThan\": {«\"aws:CurrentTime\"»: \"2024-12-31T23:59:59Z\"}}"));
    assertTrue(found.get(0).message().contains("2024-12-31T23:59:59Z"), found.get(0).message());
    assertTrue(found.get(0).message().contains("has passed"), found.get(0).message());
    assertNeverApplies(
        allowAll("{\"DateLessThanEquals\": {«\"aws:CurrentTime\"»: \"2025-05-30\"}}"));
    assertNeverApplies(allowAll("{\"DateLessThan\": {«\"aws:EpochTime\"»: \"1700000000\"}}"));
    assertNeverApplies(allowAll("{\"DateLessThan\": {«\"aws:EpochTime\"»: 1700000000}}"));
    assertNeverApplies(
        allowAll(
            "{\"DateLessThan\": {«\"aws:CurrentTime\"»: [\"2020-01-01T00:00:00Z\", \"2021-01-01\"]}}"));
  }

  @Test
  void datesThatMayStillHoldAreSilent() {
    // In the future, or the day of "now" read in a zone where it has not ended yet.
    assertNeverApplies(allowAll("{\"DateLessThan\": {\"aws:CurrentTime\": \"2030-01-01\"}}"));
    assertNeverApplies(allowAll("{\"DateLessThan\": {\"aws:CurrentTime\": \"2025-06-01\"}}"));
    // One value still ahead: the values are alternatives.
    assertNeverApplies(
        allowAll(
            "{\"DateLessThan\": {\"aws:CurrentTime\": [\"2020-01-01T00:00:00Z\", \"2030-01-01T00:00:00Z\"]}}"));
    // After a past date always holds; IfExists and set qualifiers are skipped.
    assertNeverApplies(allowAll("{\"DateGreaterThan\": {\"aws:CurrentTime\": \"2020-01-01\"}}"));
    assertNeverApplies(
        allowAll("{\"DateLessThanIfExists\": {\"aws:CurrentTime\": \"2020-01-01T00:00:00Z\"}}"));
    assertNeverApplies(
        allowAll(
            "{\"ForAnyValue:DateLessThan\": {\"aws:CurrentTime\": \"2020-01-01T00:00:00Z\"}}"));
    // A token issued a session ago (36 h) may still be in use; a variable, an unreadable value.
    assertNeverApplies(
        allowAll("{\"DateLessThan\": {\"aws:TokenIssueTime\": \"2025-05-31T00:00:00Z\"}}"));
    assertNeverApplies(
        allowAll("{\"DateLessThan\": {\"aws:CurrentTime\": \"${aws:TokenIssueTime}\"}}"));
    assertNeverApplies(allowAll("{\"DateLessThan\": {\"aws:CurrentTime\": \"yesterday\"}}"));
  }

  @Test
  void theClockDecides() {
    String text = allowAll("{\"DateLessThan\": {\"aws:CurrentTime\": \"2025-07-01T00:00:00Z\"}}");
    Policy policy = Policy.parse(text);
    Clock later = Clock.fixed(Instant.parse("2025-08-01T00:00:00Z"), ZoneOffset.UTC);
    List<Finding> before =
        new DiagnosticsEngine(Catalog.bundled())
            .withClock(NOW)
            .run(policy, PolicyType.IDENTITY_POLICY, DocumentSettings.DEFAULT);
    List<Finding> after =
        new DiagnosticsEngine(Catalog.bundled())
            .withClock(later)
            .run(policy, PolicyType.IDENTITY_POLICY, DocumentSettings.DEFAULT);
    assertTrue(before.stream().anyMatch(f -> f.code() == CheckCode.FULL_ADMIN_ACCESS));
    assertTrue(before.stream().noneMatch(f -> f.code() == CheckCode.STATEMENT_NEVER_APPLIES));
    assertTrue(after.stream().anyMatch(f -> f.code() == CheckCode.STATEMENT_NEVER_APPLIES));
    assertTrue(after.stream().noneMatch(f -> f.code() == CheckCode.FULL_ADMIN_ACCESS));
  }

  @Test
  void contradictoryStrings() {
    assertNeverApplies(
        allowAll(
            "{\"StringEquals\": {\"aws:RequestedRegion\": \"eu-west-1\"},"
                + " \"StringEqualsIgnoreCase\": {«\"aws:RequestedRegion\"»: \"US-EAST-1\"}}"));
    assertNeverApplies(
        allowAll(
            "{\"StringEquals\": {\"aws:RequestedRegion\": [\"eu-west-1\", \"eu-west-2\"]},"
                + " \"StringEqualsIgnoreCase\": {«\"aws:RequestedRegion\"»: \"us-east-1\"}}"));
  }

  @Test
  void stringTestsSomeValuePassesAreSilent() {
    // A common value, case-insensitively; a variable; a multi-valued key (it may hold both).
    assertNeverApplies(
        allowAll(
            "{\"StringEquals\": {\"aws:RequestedRegion\": \"eu-west-1\"},"
                + " \"StringEqualsIgnoreCase\": {\"aws:RequestedRegion\": \"EU-WEST-1\"}}"));
    assertNeverApplies(
        allowAll(
            "{\"StringEquals\": {\"aws:PrincipalAccount\": \"111122223333\"},"
                + " \"StringEqualsIgnoreCase\": {\"aws:PrincipalAccount\": \"${aws:ResourceAccount}\"}}"));
    assertNeverApplies(
        allowAll(
            "{\"StringEquals\": {\"aws:TagKeys\": \"a\"},"
                + " \"StringEqualsIgnoreCase\": {\"aws:TagKeys\": \"b\"}}"));
    // StringLike and StringNotEquals are not equality tests.
    assertNeverApplies(
        allowAll(
            "{\"StringEquals\": {\"aws:RequestedRegion\": \"eu-west-1\"},"
                + " \"StringLike\": {\"aws:RequestedRegion\": \"us-*\"}}"));
    assertNeverApplies(
        allowAll(
            "{\"StringEquals\": {\"aws:RequestedRegion\": \"eu-west-1\"},"
                + " \"StringNotEquals\": {\"aws:RequestedRegion\": \"us-east-1\"}}"));
  }

  @Test
  void contradictoryNumbers() {
    assertNeverApplies(
        allowAll(
            "{\"NumericLessThan\": {\"aws:MultiFactorAuthAge\": \"5\"},"
                + " \"NumericGreaterThan\": {«\"aws:MultiFactorAuthAge\"»: \"10\"}}"));
    assertNeverApplies(
        allowAll(
            "{\"NumericLessThan\": {\"aws:MultiFactorAuthAge\": \"5\"},"
                + " \"NumericGreaterThanEquals\": {«\"aws:MultiFactorAuthAge\"»: 5}}"));
    assertNeverApplies(
        allowAll(
            "{\"NumericEquals\": {\"aws:MultiFactorAuthAge\": \"3\"},"
                + " \"NumericGreaterThan\": {«\"aws:MultiFactorAuthAge\"»: \"3\"}}"));
  }

  @Test
  void numbersSomeValuePassesAreSilent() {
    assertNeverApplies(
        allowAll(
            "{\"NumericLessThanEquals\": {\"aws:MultiFactorAuthAge\": \"5\"},"
                + " \"NumericGreaterThanEquals\": {\"aws:MultiFactorAuthAge\": \"5\"}}"));
    assertNeverApplies(
        allowAll(
            "{\"NumericLessThan\": {\"aws:MultiFactorAuthAge\": \"10\"},"
                + " \"NumericGreaterThan\": {\"aws:MultiFactorAuthAge\": \"5\"}}"));
    assertNeverApplies(
        allowAll(
            "{\"NumericNotEquals\": {\"aws:MultiFactorAuthAge\": \"5\"},"
                + " \"NumericEquals\": {\"aws:MultiFactorAuthAge\": \"5\"}}"));
    // Values are alternatives: only single values are compared.
    assertNeverApplies(
        allowAll(
            "{\"NumericLessThan\": {\"aws:MultiFactorAuthAge\": [\"5\", \"20\"]},"
                + " \"NumericGreaterThan\": {\"aws:MultiFactorAuthAge\": \"10\"}}"));
    assertNeverApplies(
        allowAll(
            "{\"NumericLessThanIfExists\": {\"aws:MultiFactorAuthAge\": \"5\"},"
                + " \"NumericGreaterThan\": {\"aws:MultiFactorAuthAge\": \"10\"}}"));
  }

  @Test
  void contradictoryBools() {
    assertNeverApplies(
        allowAll(
            "{\"Bool\": {\"aws:SecureTransport\": \"true\"},"
                + " \"Null\": {\"aws:SecureTransport\": \"false\"},"
                + " \"BoolIfExists\": {\"aws:SecureTransport\": \"false\"}}"));
    String twice =
        "{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"Allow\", \"Action\": \"*\","
            + " \"Resource\": \"*\", \"Condition\": {\"Bool\": {\"aws:SecureTransport\": \"true\"},"
            + " \"Bool\": {«\"aws:SecureTransport\"»: false}}}]}";
    assertNeverApplies(twice);
  }

  /** The least-privilege checks say nothing about a statement that never applies. */
  @Test
  void leastPrivilegeChecksAreSilentOnADeadStatement() {
    String dead =
        "{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"Allow\", \"Action\": \"*\","
            + " \"Resource\": \"*\", \"Condition\":"
            + " {\"DateLessThan\": {\"aws:CurrentTime\": \"2020-01-01T00:00:00Z\"}}},"
            + " {\"Effect\": \"Allow\", \"NotAction\": \"s3:*\", \"NotResource\": \"arn:aws:s3:::b\","
            + " \"Condition\": {\"NumericLessThan\": {\"aws:MultiFactorAuthAge\": \"5\"},"
            + " \"NumericGreaterThan\": {\"aws:MultiFactorAuthAge\": \"10\"}}}]}";
    Set<CheckCode> codes = Set.copyOf(run(dead).stream().map(Finding::code).toList());
    assertEquals(Set.of(CheckCode.STATEMENT_NEVER_APPLIES), codes, () -> run(dead).toString());
    String live = dead.replace("2020-01-01", "2030-01-01").replace("\"10\"", "\"1\"");
    Set<CheckCode> liveCodes = Set.copyOf(run(live).stream().map(Finding::code).toList());
    assertTrue(liveCodes.contains(CheckCode.FULL_ADMIN_ACCESS), liveCodes::toString);
    assertTrue(
        liveCodes.contains(CheckCode.PASS_ROLE_WITH_NOT_ACTION_AND_NOT_RESOURCE),
        liveCodes::toString);
    assertTrue(
        liveCodes.contains(CheckCode.PASS_ROLE_WITH_STAR_IN_ACTION_AND_RESOURCE),
        liveCodes::toString);
  }

  /** A dead Deny takes nothing away, and is not named as a conditional Deny that may apply. */
  @Test
  void aDeadDenyDeniesNothing() {
    String text =
        "{\"Version\": \"2012-10-17\", \"Statement\": ["
            + "{\"Effect\": \"Allow\", \"Action\": \"iam:PassRole\", \"Resource\": \"*\"},"
            + "{\"Effect\": \"Deny\", \"Action\": \"*\", \"Resource\": \"*\", \"Condition\":"
            + " {\"NumericLessThan\": {\"aws:MultiFactorAuthAge\": \"5\"},"
            + " \"NumericGreaterThan\": {«\"aws:MultiFactorAuthAge\"»: \"10\"}}}]}";
    List<Finding> found = assertNeverApplies(text);
    assertTrue(found.get(0).message().contains("denies nothing"), found.get(0).message());
    assertTrue(
        run(CheckAssert.unmark(text).text()).stream()
            .anyMatch(f -> f.code() == CheckCode.PASS_ROLE_WITH_STAR_IN_RESOURCE));
  }
}
