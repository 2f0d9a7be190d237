package dev.iampolicyls.checks;

import static dev.iampolicyls.checks.CheckAssert.assertFindings;
import static dev.iampolicyls.checks.ConditionOperatorChecksTest.withCondition;

import org.junit.jupiter.api.Test;

/** The checks of condition value types and of the shape of the Condition element. */
class ConditionTypeChecksTest {

  @Test
  void operatorThatDoesNotSuitTheKeyType() {
    assertFindings(
        withCondition(
            "{\"StringEquals\": {«\"aws:MultiFactorAuthPresent\"»: \"true\"}, \"NumericLessThan\":"
                + " {«\"aws:SourceVpc\"»: \"5\"}}"),
        "TYPE_MISMATCH");
    // String and ARN operators suit both kinds of key; Null suits all; a variable compares keys.
    assertFindings(
        withCondition(
            "{\"Bool\": {\"aws:MultiFactorAuthPresent\": \"true\"}, \"StringLike\":"
                + " {\"aws:PrincipalArn\": \"arn:*\"}, \"ArnLike\": {\"aws:SourceVpcArn\": \"arn:*\"},"
                + " \"Null\": {\"aws:CurrentTime\": \"false\"}, \"StringNotEquals\":"
                + " {\"aws:Ec2InstanceSourcePrivateIPv4\": \"${aws:VpcSourceIp}\"},"
                + " \"NumericLessThan\": {\"aws:EpochTime\": \"1700000000\"}}"),
        "TYPE_MISMATCH");
  }

  @Test
  void valueOfTheWrongJsonType() {
    assertFindings(
        withCondition(
            "{\"Bool\": {\"aws:SecureTransport\": «1»}, \"IpAddress\": {\"aws:SourceIp\":"
                + " «true»}}"),
        "DATA_TYPE_MISMATCH");
    assertFindings(
        withCondition(
            "{\"Bool\": {\"aws:SecureTransport\": true}, \"StringEquals\":"
                + " {\"aws:PrincipalAccount\": 111122223333}, \"DateGreaterThan\":"
                + " {\"aws:CurrentTime\": 1700000000}}"),
        "DATA_TYPE_MISMATCH");
  }

  @Test
  void valuesOfMixedJsonTypes() {
    assertFindings(
        withCondition("{\"StringEquals\": {\"aws:PrincipalAccount\": «[\"111122223333\", 5]»}}"),
        "INVALID_CONDITION_DATA_TYPE");
    assertFindings(
        withCondition("{\"StringEquals\": {\"aws:PrincipalAccount\": [\"111122223333\", \"5\"]}}"),
        "INVALID_CONDITION_DATA_TYPE");
  }

  @Test
  void boolValues() {
    assertFindings(
        withCondition(
            "{\"Bool\": {\"aws:SecureTransport\": «\"yes\"»}, \"Null\": {\"aws:SourceVpc\":"
                + " «\"no\"»}}"),
        "TYPE_MISMATCH_BOOLEAN");
    assertFindings(
        withCondition(
            "{\"Bool\": {\"aws:SecureTransport\": \"True\"}, \"Null\": {\"aws:SourceVpc\":"
                + " false}}"),
        "TYPE_MISMATCH_BOOLEAN");
  }

  @Test
  void severalBooleansForOneKey() {
    assertFindings(
        withCondition("{\"Bool\": {\"aws:SecureTransport\": «[\"true\", \"false\"]»}}"),
        "INVALID_CONDITION_MULTIPLE_BOOLEAN");
    assertFindings(
        withCondition("{\"Bool\": {\"aws:SecureTransport\": [\"true\"]}}"),
        "INVALID_CONDITION_MULTIPLE_BOOLEAN");
  }

  @Test
  void numericValues() {
    assertFindings(
        withCondition("{\"NumericLessThan\": {\"aws:MultiFactorAuthAge\": [\"3600\", «\"1h\"»]}}"),
        "TYPE_MISMATCH_NUMBER");
    assertFindings(
        withCondition(
            "{\"NumericLessThan\": {\"aws:MultiFactorAuthAge\": [\"3600\", 1.5, \"-2\"]}}"),
        "TYPE_MISMATCH_NUMBER");
  }

  @Test
  void dateValues() {
    String condition =
        "{\"DateGreaterThan\": {\"aws:CurrentTime\": [«\"yesterday\"», \"2020-02-30\","
            + " \"2020-01-01\", \"2020-01-01T12:00:00Z\", \"2020-01-01T12:00:00.5+01:00\","
            + " \"1700000000\"]}}";
    assertFindings(withCondition(condition), "TYPE_MISMATCH_DATE");
    String impossible =
        "{\"DateGreaterThan\": {\"aws:CurrentTime\": [\"yesterday\", «\"2020-02-30\"»,"
            + " «\"2020-01-01T25:00:00Z\"», «\"1700000000000\"», \"2024-02-29\"]}}";
    assertFindings(withCondition(impossible), "INVALID_DATE_VALUE");
  }

  @Test
  void ipValues() {
    assertFindings(
        withCondition(
            "{\"IpAddress\": {\"aws:SourceIp\": [\"203.0.113.0/24\", «\"203.0.113.300\"»,"
                + " «\"<my-cidr>\"», \"2001:db8::/32\", «\"2001:db8::/129\"», \"::ffff:192.0.2.1\"]}}"),
        "TYPE_MISMATCH_IP_RANGE");
    assertFindings(
        withCondition("{\"NotIpAddress\": {\"aws:SourceIp\": [\"203.0.113.7\", \"::1\"]}}"),
        "TYPE_MISMATCH_IP_RANGE");
  }

  @Test
  void binaryValues() {
    assertFindings(
        withCondition(
            "{\"BinaryEquals\": {\"example.com:blob\": [\"QmluYXJ5\", «\"not base64\"»]}}"),
        "TYPE_MISMATCH_STRING");
    assertFindings(
        withCondition("{\"BinaryEquals\": {\"example.com:blob\": \"QmluYXJ5VmFsdWU=\"}}"),
        "TYPE_MISMATCH_STRING");
  }

  @Test
  void starTestsThatOnlySayWhetherTheKeyIsThere() {
    assertFindings(
        withCondition("{\"StringLike\": {«\"aws:ResourceTag/team\"»: \"*\"}}"),
        "EQUIVALENT_TO_NULL_FALSE");
    assertFindings(
        withCondition("{\"StringNotLike\": {«\"aws:ResourceTag/team\"»: \"*\"}}"),
        "EQUIVALENT_TO_NULL_TRUE");
    String close =
        "{\"StringLike\": {\"aws:ResourceTag/team\": \"a*\"}, \"StringLikeIfExists\":"
            + " {\"aws:ResourceTag/env\": \"*\"}, \"StringEquals\": {\"aws:ResourceTag/x\": \"*\"}}";
    assertFindings(withCondition(close), "EQUIVALENT_TO_NULL_FALSE");
    assertFindings(withCondition(close), "EQUIVALENT_TO_NULL_TRUE");
  }

  @Test
  void emptyValueLists() {
    String condition =
        "{\"StringEquals\": {\"aws:SourceVpc\": «[]»}, \"ForAllValues:StringEquals\":"
            + " {\"aws:TagKeys\": «[]»}, \"ForAnyValue:StringEquals\": {\"aws:TagKeys\": «[]»},"
            + " \"StringEqualsIfExists\": {\"aws:SourceVpc\": «[]»}}";
    String[] codes = {
      "EMPTY_ARRAY_CONDITION",
      "EMPTY_ARRAY_CONDITION_FORALLVALUES",
      "EMPTY_ARRAY_CONDITION_FORANYVALUE",
      "EMPTY_ARRAY_CONDITION_IFEXISTS"
    };
    for (int i = 0; i < codes.length; i++) {
      assertFindings(withCondition(keepOnlyMark(condition, i)), codes[i]);
    }
    String filled = condition.replace("«[]»", "[\"x\"]");
    for (String code : codes) {
      assertFindings(withCondition(filled), code);
    }
  }

  @Test
  void emptyConditionObjects() {
    assertFindings(withCondition("«{}»"), "EMPTY_OBJECT_CONDITION");
    assertFindings(
        withCondition("{\"StringEquals\": «{}», \"Bool\": {\"aws:SecureTransport\": \"true\"}}"),
        "EMPTY_OBJECT_CONDITION");
    assertFindings(
        withCondition("{\"Bool\": {\"aws:SecureTransport\": \"true\"}}"), "EMPTY_OBJECT_CONDITION");
  }

  /** The text with only the n-th «...» mark kept. */
  private static String keepOnlyMark(String text, int n) {
    StringBuilder sb = new StringBuilder();
    int mark = -1;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '«') {
        mark++;
      }
      if ((c == '«' || c == '»') && mark != n) {
        continue;
      }
      sb.append(c);
    }
    return sb.toString();
  }
}
