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
    // A pattern the value matches, a refusal of another value.
    assertNeverApplies(
        allowAll(
            "{\"StringEquals\": {\"aws:RequestedRegion\": \"eu-west-1\"},"
                + " \"StringLike\": {\"aws:RequestedRegion\": \"eu-*\"}}"));
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

  private static String statement(String actions, String condition) {
    return "{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"Allow\", \"Action\": "
        + actions
        + ", \"Resource\": \"*\", \"Condition\": "
        + condition
        + "}]}";
  }

  @Test
  void aKeyOfAnotherServiceThatNoActionCarries() {
    List<Finding> found =
        assertNeverApplies(
            statement(
                "[\"s3:GetObject\", \"ec2:StartInstances\"]",
                "{\"StringEquals\": {«\"iam:ResourceTag/team\"»: \"web\"}}"));
    assertTrue(found.get(0).message().contains("key of iam"), found.get(0).message());
    assertNeverApplies(
        statement("\"s3:Get*\"", "{\"ForAnyValue:StringLike\": {«\"ec2:ResourceTag/x\"»: \"y\"}}"));
    // Without the key, ForAnyValue is false even negated, and Null false asks for it.
    assertNeverApplies(
        statement(
            "\"s3:GetObject\"",
            "{\"ForAnyValue:StringNotEquals\": {«\"iam:ResourceTag/team\"»: \"web\"}}"));
    found =
        assertNeverApplies(
            statement("\"s3:GetObject\"", "{\"Null\": {«\"iam:ResourceTag/team\"»: \"false\"}}"));
    assertTrue(
        found.get(0).message().contains("so Null false is never true"), found.get(0).message());
  }

  @Test
  void keysThatMayBeInTheRequestAreSilent() {
    // Global keys, the credential keys every request may carry, a negated or IfExists test (true
    // when the key is absent: CONDITION_ALWAYS_TRUE), an action that carries it, an action the
    // catalog does not know.
    assertNeverApplies(
        statement("\"s3:GetObject\"", "{\"StringEquals\": {\"aws:ResourceTag/team\": \"web\"}}"));
    assertNeverApplies(
        statement(
            "\"s3:GetObject\"",
            "{\"StringEquals\": {\"ec2:SourceInstanceARN\": \"arn:aws:ec2:us-east-1:111122223333:instance/i-1\"}}"));
    assertNeverApplies(
        statement(
            "\"s3:GetObject\"", "{\"StringNotEquals\": {\"iam:ResourceTag/team\": \"web\"}}"));
    assertNeverApplies(
        statement(
            "\"s3:GetObject\"", "{\"StringEqualsIfExists\": {\"iam:ResourceTag/team\": \"web\"}}"));
    assertNeverApplies(
        statement(
            "[\"s3:GetObject\", \"iam:GetRole\"]",
            "{\"StringEquals\": {\"iam:ResourceTag/team\": \"web\"}}"));
    assertNeverApplies(
        statement(
            "[\"s3:GetObject\", \"s3:GetObjekt\"]",
            "{\"StringEquals\": {\"iam:ResourceTag/team\": \"web\"}}"));
    assertNeverApplies(
        statement("\"*\"", "{\"StringEquals\": {\"iam:ResourceTag/team\": \"web\"}}"));
    // NotAction leaves too many actions to judge.
    assertNeverApplies(
        "{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"Allow\", \"NotAction\":"
            + " \"s3:*\", \"Resource\": \"*\", \"Condition\": {\"StringEquals\":"
            + " {\"iam:ResourceTag/team\": \"web\"}}}]}");
  }

  /** A key of the statement's own service that none of its actions carries is said once. */
  @Test
  void aKeyOfTheStatementsOwnServiceIsReportedByMissingActionOnly() {
    String text =
        statement(
            "[\"s3:GetObject\", \"ec2:StartInstances\"]",
            "{\"StringLike\": {\"s3:prefix\": \"home/*\"}}");
    assertNeverApplies(text);
    Set<CheckCode> codes = Set.copyOf(run(text).stream().map(Finding::code).toList());
    assertTrue(codes.contains(CheckCode.MISSING_ACTION_FOR_CONDITION_KEY), codes::toString);
    assertTrue(codes.stream().noneMatch(c -> c == CheckCode.RESOURCE_STAR), codes::toString);
  }

  @Test
  void aKeyRequiredAbsentAndPresent() {
    assertNeverApplies(
        allowAll(
            "{\"Null\": {\"aws:RequestTag/team\": \"true\"},"
                + " \"StringEquals\": {«\"aws:RequestTag/team\"»: \"web\"}}"));
    assertNeverApplies(
        allowAll(
            "{\"ForAnyValue:StringEquals\": {\"aws:TagKeys\": \"team\"},"
                + " \"Null\": {«\"aws:TagKeys\"»: true}}"));
    assertNeverApplies(
        allowAll(
            "{\"Null\": {\"aws:SourceVpc\": \"true\"},"
                + " \"Null\": {«\"aws:SourceVpc\"»: \"false\"}}"));
    // Tests that hold without the key agree with Null true.
    assertNeverApplies(
        allowAll(
            "{\"Null\": {\"aws:SourceVpc\": \"true\"},"
                + " \"StringNotEquals\": {\"aws:SourceVpc\": \"vpc-1\"},"
                + " \"StringEqualsIfExists\": {\"aws:SourceVpc\": \"vpc-1\"},"
                + " \"ForAllValues:StringEquals\": {\"aws:SourceVpc\": \"vpc-1\"}}"));
  }

  @Test
  void aValueRequiredAndRefused() {
    assertNeverApplies(
        allowAll(
            "{\"StringEquals\": {\"aws:RequestedRegion\": \"eu-west-1\"},"
                + " \"StringNotEquals\": {«\"aws:RequestedRegion\"»: [\"eu-west-1\", \"us-east-1\"]}}"));
    assertNeverApplies(
        allowAll(
            "{\"StringNotEqualsIgnoreCase\": {\"aws:RequestedRegion\": \"EU-WEST-1\"},"
                + " \"StringEqualsIgnoreCase\": {«\"aws:RequestedRegion\"»: \"eu-west-1\"}}"));
    assertNeverApplies(
        allowAll(
            "{\"StringEquals\": {\"aws:RequestedRegion\": \"eu-west-1\"},"
                + " \"StringNotLike\": {«\"aws:RequestedRegion\"»: \"eu-*\"}}"));
    // One value left over, or another spelling that a case-sensitive refusal lets through.
    assertNeverApplies(
        allowAll(
            "{\"StringEquals\": {\"aws:RequestedRegion\": [\"eu-west-1\", \"eu-west-2\"]},"
                + " \"StringNotEquals\": {\"aws:RequestedRegion\": \"eu-west-1\"}}"));
    assertNeverApplies(
        allowAll(
            "{\"StringEqualsIgnoreCase\": {\"aws:RequestedRegion\": \"eu-west-1\"},"
                + " \"StringNotEquals\": {\"aws:RequestedRegion\": \"eu-west-1\"}}"));
    assertNeverApplies(
        allowAll(
            "{\"StringEqualsIfExists\": {\"aws:RequestedRegion\": \"eu-west-1\"},"
                + " \"StringNotEquals\": {\"aws:RequestedRegion\": \"eu-west-1\"}}"));
  }

  @Test
  void patternsThatShareNoValue() {
    assertNeverApplies(
        allowAll(
            "{\"StringLike\": {\"aws:RequestedRegion\": \"eu-*\"},"
                + " \"StringEquals\": {«\"aws:RequestedRegion\"»: \"us-east-1\"}}"));
    assertNeverApplies(
        allowAll(
            "{\"StringLike\": {\"aws:PrincipalArn\": \"arn:aws:iam::111122223333:role/*\"},"
                + " \"ArnLike\": {«\"aws:PrincipalArn\"»: \"arn:aws:iam::444455556666:*\"}}"));
    // Patterns that meet, values that are alternatives, a multi-valued key, a variable.
    assertNeverApplies(
        allowAll(
            "{\"StringLike\": {\"aws:RequestedRegion\": \"eu-*\"},"
                + " \"StringLike\": {\"aws:RequestedRegion\": \"*-west-?\"}}"));
    assertNeverApplies(
        allowAll(
            "{\"StringLike\": {\"aws:RequestedRegion\": [\"eu-*\", \"us-*\"]},"
                + " \"StringEquals\": {\"aws:RequestedRegion\": \"us-east-1\"}}"));
    assertNeverApplies(
        allowAll(
            "{\"ForAnyValue:StringLike\": {\"aws:TagKeys\": \"a*\"},"
                + " \"ForAnyValue:StringLike\": {\"aws:TagKeys\": \"b*\"}}"));
    assertNeverApplies(
        allowAll(
            "{\"StringLike\": {\"aws:PrincipalArn\": \"arn:aws:iam::*:role/${aws:username}\"},"
                + " \"ArnLike\": {\"aws:PrincipalArn\": \"arn:aws:iam::*:user/*\"}}"));
  }

  @Test
  void aDateWindowThatClosesBeforeItOpens() {
    assertNeverApplies(
        allowAll(
            "{\"DateGreaterThan\": {\"aws:CurrentTime\": \"2031-01-01T00:00:00Z\"},"
                + " \"DateLessThan\": {«\"aws:CurrentTime\"»: \"2030-06-01T00:00:00Z\"}}"));
    assertNeverApplies(
        allowAll(
            "{\"DateLessThan\": {\"aws:CurrentTime\": \"2030-06-01T00:00:00Z\"},"
                + " \"DateGreaterThanEquals\": {«\"aws:CurrentTime\"»: \"2030-06-01T00:00:00Z\"}}"));
    // An open window, both ends inclusive on one instant, and zone-less dates a day apart.
    assertNeverApplies(
        allowAll(
            "{\"DateGreaterThan\": {\"aws:CurrentTime\": \"2030-01-01T00:00:00Z\"},"
                + " \"DateLessThan\": {\"aws:CurrentTime\": \"2030-06-01T00:00:00Z\"}}"));
    assertNeverApplies(
        allowAll(
            "{\"DateGreaterThanEquals\": {\"aws:CurrentTime\": \"2030-01-01T00:00:00Z\"},"
                + " \"DateLessThanEquals\": {\"aws:CurrentTime\": \"2030-01-01T00:00:00Z\"}}"));
    assertNeverApplies(
        allowAll(
            "{\"DateGreaterThan\": {\"aws:CurrentTime\": \"2030-01-02\"},"
                + " \"DateLessThan\": {\"aws:CurrentTime\": \"2030-01-01\"}}"));
  }

  /** PRIVATE_IP_ADDRESS says it; the statement is dead all the same. */
  @Test
  void onlyPrivateSourceAddressesAreReportedOnce() {
    String text =
        statement(
            "\"s3:PutObject\"",
            "{\"IpAddress\": {\"aws:SourceIp\": [\"10.0.0.0/8\", \"127.0.0.1/32\"]}}");
    assertNeverApplies(text);
    Set<CheckCode> codes = Set.copyOf(run(text).stream().map(Finding::code).toList());
    assertEquals(Set.of(CheckCode.PRIVATE_IP_ADDRESS), codes, codes::toString);
    // Loopback alone is private enough for PRIVATE_IP_ADDRESS too.
    String loopback =
        statement("\"s3:PutObject\"", "{\"IpAddress\": {\"aws:SourceIp\": \"127.0.0.0/8\"}}");
    assertEquals(
        Set.of(CheckCode.PRIVATE_IP_ADDRESS),
        Set.copyOf(run(loopback).stream().map(Finding::code).toList()));
    // A public range keeps it alive.
    String mixed =
        statement(
            "\"s3:PutObject\"",
            "{\"IpAddress\": {\"aws:SourceIp\": [\"10.0.0.0/8\", \"203.0.113.0/24\"]}}");
    assertTrue(run(mixed).stream().anyMatch(f -> f.code() == CheckCode.RESOURCE_STAR));
  }

  /**
   * NotIpAddress of private ranges holds for every request (aws:SourceIp is public or absent, and a
   * negated test holds without its key): a Deny with it denies always, as one without Condition.
   */
  @Test
  void aDenyWithNotIpAddressOfPrivateRangesAlwaysDenies() {
    String text =
        "{\"Version\": \"2012-10-17\", \"Statement\": ["
            + "{\"Effect\": \"Allow\", \"Action\": \"iam:PassRole\", \"Resource\": \"*\"},"
            + "{\"Effect\": \"Deny\", \"Action\": \"iam:PassRole\", \"Resource\": \"*\","
            + " \"Condition\": {\"NotIpAddress\": {\"aws:SourceIp\": \"10.0.0.0/8\"}}}]}";
    Set<CheckCode> codes = Set.copyOf(run(text).stream().map(Finding::code).toList());
    assertTrue(codes.contains(CheckCode.PRIVATE_NOT_IP_ADDRESS), codes::toString);
    assertTrue(
        codes.stream().noneMatch(c -> c == CheckCode.PASS_ROLE_WITH_STAR_IN_RESOURCE),
        codes::toString);
    String publicRange = text.replace("10.0.0.0/8", "203.0.113.0/24");
    assertTrue(
        run(publicRange).stream()
            .anyMatch(f -> f.code() == CheckCode.PASS_ROLE_WITH_STAR_IN_RESOURCE));
  }

  /**
   * A negated test of a key no action of the Deny carries holds for every request (the key is never
   * there): the Deny denies always, as one without Condition.
   */
  @Test
  void aDenyWhoseKeyIsNeverThereAlwaysDenies() {
    String text =
        "{\"Version\": \"2012-10-17\", \"Statement\": ["
            + "{\"Effect\": \"Allow\", \"Action\": \"iam:PassRole\", \"Resource\": \"*\"},"
            + "{\"Effect\": \"Deny\", \"Action\": \"iam:PassRole\", \"Resource\": \"*\","
            + " \"Condition\": {\"StringNotEquals\": {\"s3:x-amz-acl\": \"private\"}}}]}";
    assertTrue(
        run(text).stream().noneMatch(f -> f.code() == CheckCode.PASS_ROLE_WITH_STAR_IN_RESOURCE),
        () -> run(text).toString());
    // A key iam:PassRole carries may be there: the Deny stays conditional.
    String carried =
        text.replace("s3:x-amz-acl\": \"private", "iam:PassedToService\": \"ec2.amazonaws.com");
    assertTrue(
        run(carried).stream().anyMatch(f -> f.code() == CheckCode.PASS_ROLE_WITH_STAR_IN_RESOURCE));
  }
}
