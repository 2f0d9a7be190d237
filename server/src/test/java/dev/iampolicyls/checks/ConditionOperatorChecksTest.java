package dev.iampolicyls.checks;

import static dev.iampolicyls.checks.CheckAssert.assertFindings;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The condition operator checks. */
class ConditionOperatorChecksTest {

  /** An identity policy statement with the given Action and Condition. */
  static String withCondition(String action, String condition) {
    return "{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"Allow\", \"Action\": "
        + action
        + ", \"Resource\": \"*\", \"Condition\": "
        + condition
        + "}]}";
  }

  static String withCondition(String condition) {
    return withCondition("\"s3:ListBucket\"", condition);
  }

  @Test
  void unknownOperatorIsReportedWithTheRightSpelling() {
    List<Finding> f =
        assertFindings(
            withCondition(
                "{«\"stringEquals\"»: {\"aws:SourceVpc\": \"vpc-1\"}, «\"StringEqual\"»:"
                    + " {\"aws:SourceVpc\": \"vpc-1\"}}"),
            "INVALID_CONDITION_OPERATOR");
    assertTrue(f.get(0).message().contains("StringEquals"), f.get(0).message());
    assertTrue(f.get(1).message().contains("StringEquals"), f.get(1).message());
  }

  @Test
  void knownOperatorsWithQualifiersAndSuffixesAreAccepted() {
    assertFindings(
        withCondition(
            "{\"ForAnyValue:StringLikeIfExists\": {\"aws:TagKeys\": \"a*\"}, \"NullIfExists\":"
                + " {\"aws:SourceVpc\": \"true\"}, \"DateGreaterThan\": {\"aws:CurrentTime\":"
                + " \"2020-01-01\"}}"),
        "INVALID_CONDITION_OPERATOR");
  }

  @Test
  void nullWithIfExists() {
    assertFindings(
        withCondition("{«\"NullIfExists\"»: {\"aws:SourceVpc\": \"true\"}}"),
        "NULL_WITH_IF_EXISTS");
    assertFindings(
        withCondition("{\"Null\": {\"aws:SourceVpc\": \"true\"}}"), "NULL_WITH_IF_EXISTS");
  }

  @Test
  void nullWithQualifier() {
    assertFindings(
        withCondition("{«\"ForAnyValue:Null\"»: {\"aws:TagKeys\": \"false\"}}"),
        "NULL_WITH_QUALIFIER");
    assertFindings(
        withCondition("{\"Null\": {\"aws:TagKeys\": \"false\"}}"), "NULL_WITH_QUALIFIER");
  }

  @Test
  void missingQualifierOnMultiValuedKey() {
    assertFindings(
        withCondition("{\"StringLike\": {«\"aws:TagKeys\"»: \"team*\"}}"), "MISSING_QUALIFIER");
    assertFindings(
        withCondition(
            "{\"ForAllValues:StringLike\": {\"aws:TagKeys\": \"team*\"}, \"Null\":"
                + " {\"aws:TagKeys\": \"false\"}, \"StringLike\": {\"aws:SourceVpc\": \"vpc-*\"}}"),
        "MISSING_QUALIFIER");
  }

  @Test
  void forAllValuesWithSingleValuedKey() {
    assertFindings(
        withCondition("{\"ForAllValues:StringEquals\": {«\"aws:SourceVpc\"»: \"vpc-1\"}}"),
        "FORALLVALUES_WITH_SINGLE_VALUED_KEY");
    assertFindings(
        withCondition(
            "{\"ForAllValues:StringEquals\": {\"aws:TagKeys\": \"team\", \"example.com:sub\":"
                + " \"x\"}}"),
        "FORALLVALUES_WITH_SINGLE_VALUED_KEY");
  }

  @Test
  void stringLikeWithWildcardsOnArnKey() {
    assertFindings(
        withCondition("{\"StringLike\": {«\"aws:PrincipalArn\"»: \"arn:aws:iam::*:role/admin\"}}"),
        "STRING_LIKE_OPERATOR_WITH_ARN_CONDITION_KEYS");
    assertFindings(
        withCondition(
            "{\"ArnLike\": {\"aws:PrincipalArn\": \"arn:aws:iam::*:role/admin\"}, \"StringLike\":"
                + " {\"aws:PrincipalArn\": \"arn:aws:iam::111122223333:role/admin\","
                + " \"aws:userid\": \"AROA*\"}}"),
        "STRING_LIKE_OPERATOR_WITH_ARN_CONDITION_KEYS");
  }

  @Test
  void wildcardUnderLiteralStringOperator() {
    assertFindings(
        withCondition("{\"StringEquals\": {\"aws:PrincipalTag/job\": [\"dev\", «\"admin-*\"»]}}"),
        "WILDCARD_WITHOUT_LIKE_OPERATOR");
    assertFindings(
        withCondition(
            "{\"StringLike\": {\"aws:PrincipalTag/job\": \"admin-*\"}, \"ArnEquals\":"
                + " {\"aws:SourceArn\": \"arn:aws:sns:*:111122223333:topic\"}, \"StringEquals\":"
                + " {\"aws:PrincipalTag/job\": \"a${*}\"}}"),
        "WILDCARD_WITHOUT_LIKE_OPERATOR");
  }
}
