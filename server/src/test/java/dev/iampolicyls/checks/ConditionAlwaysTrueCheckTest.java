package dev.iampolicyls.checks;

import static dev.iampolicyls.checks.CheckAssert.assertFindings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** CONDITION_ALWAYS_TRUE: tests true without their key, on a key no action of the statement has. */
class ConditionAlwaysTrueCheckTest {
  private static final String CODE = "CONDITION_ALWAYS_TRUE";

  private static String statement(String effect, String actions, String condition) {
    return "{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \""
        + effect
        + "\", \"Action\": "
        + actions
        + ", \"Resource\": \"*\", \"Condition\": "
        + condition
        + "}]}";
  }

  private static String allow(String actions, String condition) {
    return statement("Allow", actions, condition);
  }

  private static Set<CheckCode> codes(String text) {
    return Set.copyOf(CheckAssert.run(text, null).stream().map(Finding::code).toList());
  }

  /** Parliament's test_condition_mismatch: the grant is as broad as without the test. */
  @Test
  void aNegatedTestOfAKeyNoActionCarries() {
    List<Finding> found =
        assertFindings(
            allow(
                "[\"ec2:*\", \"s3:*\"]",
                "{\"StringNotEquals\": {«\"iam:ResourceTag/status\"»: \"prod\"}}"),
            CODE);
    String message = found.get(0).message();
    assertTrue(message.startsWith("This test narrows nothing: iam:ResourceTag/status"), message);
    assertTrue(message.contains("key of iam that no action of this statement puts"), message);
    assertTrue(message.contains("so StringNotEquals is always true"), message);
    assertTrue(message.contains("The statement allows as much as"), message);
    assertEquals(FindingType.WARNING, found.get(0).type());
  }

  @Test
  void everyOperatorThatHoldsWithoutItsKey() {
    for (String test :
        List.of(
            "\"StringNotLike\": {«\"s3:prefix\"»: \"home/*\"}",
            "\"StringNotEqualsIgnoreCase\": {«\"iam:ResourceTag/team\"»: \"web\"}",
            "\"ArnNotEquals\": {«\"iam:PermissionsBoundary\"»:"
                + " \"arn:aws:iam::111122223333:policy/b\"}",
            "\"NumericNotEquals\": {«\"s3:max-keys\"»: \"10\"}",
            "\"StringEqualsIfExists\": {«\"iam:ResourceTag/team\"»: \"web\"}",
            "\"ForAllValues:StringEquals\": {«\"iam:ResourceTag/team\"»: \"web\"}",
            "\"ForAllValues:StringNotEquals\": {«\"iam:ResourceTag/team\"»: \"web\"}",
            "\"ForAnyValue:StringEqualsIfExists\": {«\"iam:ResourceTag/team\"»: \"web\"}",
            "\"Null\": {«\"iam:ResourceTag/team\"»: \"true\"}",
            "\"Null\": {«\"iam:ResourceTag/team\"»: [\"false\", \"TRUE\"]}")) {
      assertFindings(allow("\"s3:GetObject\"", "{" + test + "}"), CODE);
    }
    String nullTrue =
        assertFindings(
                allow("\"s3:GetObject\"", "{\"Null\": {«\"iam:ResourceTag/team\"»: \"true\"}}"),
                CODE)
            .get(0)
            .message();
    assertTrue(nullTrue.contains("so Null true is always true"), nullTrue);
  }

  /** A test false without its key kills the statement: that is STATEMENT_NEVER_APPLIES's. */
  @Test
  void testsThatFailWithoutTheirKeyMakeTheStatementNeverApply() {
    for (String test :
        List.of(
            "\"StringEquals\": {\"iam:ResourceTag/team\": \"web\"}",
            "\"ForAnyValue:StringNotEquals\": {\"iam:ResourceTag/team\": \"web\"}",
            "\"Null\": {\"iam:ResourceTag/team\": \"false\"}")) {
      String text = allow("[\"s3:GetObject\", \"ec2:StartInstances\"]", "{" + test + "}");
      assertFindings(text, CODE);
      assertTrue(codes(text).contains(CheckCode.STATEMENT_NEVER_APPLIES), test);
    }
    // One dead test is enough: the statement's other tests are not reported one by one.
    assertFindings(
        allow(
            "\"s3:GetObject\"",
            "{\"StringEquals\": {\"iam:ResourceTag/team\": \"web\"},"
                + " \"StringNotEquals\": {\"iam:ResourceTag/status\": \"prod\"}}"),
        CODE);
  }

  @Test
  void aDenyDeniesAsIfWithoutTheTest() {
    List<Finding> found =
        assertFindings(
            statement(
                "Deny",
                "\"s3:DeleteObject\"",
                "{\"StringEqualsIfExists\": {«\"ec2:ResourceTag/team\"»: \"storage\"}}"),
            CODE);
    assertTrue(found.get(0).message().contains("The statement denies as much as"));
  }

  /** The least-privilege checks take such a Deny as one without Condition. */
  @Test
  void aDenyOfOnlySuchTestsTakesAwayWhatItNames() {
    String allowAndDeny =
        "{\"Version\": \"2012-10-17\", \"Statement\": ["
            + "{\"Effect\": \"Allow\", \"Action\": \"s3:*\", \"Resource\": \"*\"},"
            + " {\"Effect\": \"Deny\", \"Action\": \"s3:*\", \"Resource\": \"*\", \"Condition\":"
            + " {\"%s\": {\"iam:ResourceTag/team\": \"%s\"}}}]}";
    Set<CheckCode> always = codes(allowAndDeny.formatted("ForAllValues:StringEquals", "web"));
    assertTrue(always.contains(CheckCode.CONDITION_ALWAYS_TRUE), always::toString);
    assertTrue(!always.contains(CheckCode.SERVICE_WILDCARD), always::toString);
    assertTrue(!codes(allowAndDeny.formatted("Null", "true")).contains(CheckCode.SERVICE_WILDCARD));
    // The same test of a key the actions may carry may fail: the grant stays.
    assertTrue(
        codes(allowAndDeny.formatted("ForAllValues:StringEquals", "web").replace("iam:", "aws:"))
            .contains(CheckCode.SERVICE_WILDCARD));
  }

  /** Only the test that narrows nothing: the statement's other tests still narrow it. */
  @Test
  void eachSuchTestBesideOthers() {
    assertFindings(
        allow(
            "\"ec2:StartInstances\"",
            "{\"StringEquals\": {\"aws:ResourceTag/team\": \"web\"},"
                + " \"StringNotEquals\": {«\"iam:ResourceTag/status\"»: \"prod\","
                + " \"ec2:ResourceTag/status\": \"prod\"}}"),
        CODE);
  }

  /** A key of the statement's own service: MISSING_ACTION_FOR_CONDITION_KEY is for StringLike. */
  @Test
  void aKeyOfTheStatementsOwnService() {
    String text = allow("\"s3:GetObject\"", "{\"StringNotLike\": {«\"s3:prefix\"»: \"home/*\"}}");
    assertFindings(text, CODE);
    assertTrue(
        !codes(CheckAssert.unmark(text).text())
            .contains(CheckCode.MISSING_ACTION_FOR_CONDITION_KEY));
  }

  @Test
  void keysThatMayBeInTheRequestAreSilent() {
    // Global keys; a credential key any request may carry; an action that carries the key; an
    // action the catalog does not know; every action; a Null value that is no boolean.
    assertFindings(
        allow("\"s3:GetObject\"", "{\"StringNotEquals\": {\"aws:ResourceTag/team\": \"web\"}}"),
        CODE);
    assertFindings(
        allow(
            "\"s3:GetObject\"",
            "{\"StringNotEquals\": {\"ec2:SourceInstanceARN\":"
                + " \"arn:aws:ec2:us-east-1:111122223333:instance/i-1\"}}"),
        CODE);
    assertFindings(
        allow(
            "[\"s3:GetObject\", \"iam:GetRole\"]",
            "{\"StringNotEquals\": {\"iam:ResourceTag/team\": \"web\"}}"),
        CODE);
    assertFindings(
        allow(
            "[\"s3:GetObject\", \"s3:GetObjekt\"]",
            "{\"StringNotEquals\": {\"iam:ResourceTag/team\": \"web\"}}"),
        CODE);
    assertFindings(
        allow("\"*\"", "{\"StringNotEquals\": {\"iam:ResourceTag/team\": \"web\"}}"), CODE);
    assertFindings(
        allow("\"s3:GetObject\"", "{\"Null\": {\"iam:ResourceTag/team\": \"maybe\"}}"), CODE);
    // A policy variable that has no value in the request fails the test.
    assertFindings(
        allow(
            "\"s3:GetObject\"",
            "{\"StringNotEquals\": {\"iam:ResourceTag/team\": \"${aws:PrincipalTag/team}\"}}"),
        CODE);
    // NotAction leaves too many actions to judge, even when it names none that carries the key.
    for (String effect : List.of("Allow", "Deny")) {
      assertFindings(
          "{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \""
              + effect
              + "\", \"NotAction\": \"s3:*\", \"Resource\": \"*\", \"Condition\":"
              + " {\"StringNotEquals\": {\"iam:ResourceTag/team\": \"web\"}}}]}",
          CODE);
    }
  }
}
