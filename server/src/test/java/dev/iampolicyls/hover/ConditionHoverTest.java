package dev.iampolicyls.hover;

import static dev.iampolicyls.hover.HoverAssert.CATALOG;
import static dev.iampolicyls.hover.HoverAssert.hover;
import static dev.iampolicyls.hover.HoverAssert.policy;

import org.junit.jupiter.api.Test;

class ConditionHoverTest {

  private static String withCondition(String condition) {
    return policy(
        "    {\"Effect\": \"Allow\", \"Action\": \"s3:GetObject\", \"Resource\": \"*\","
            + " \"Condition\": "
            + condition
            + "}");
  }

  @Test
  void anOperatorSaysWhatItCompares() {
    hover(withCondition("{\"IpAdd|ress\": {\"aws:SourceIp\": \"203.0.113.0/24\"}}"))
        .covers("\"IpAddress\"")
        .contains("IP address", "CIDR")
        .lacks("IfExists");
  }

  @Test
  void ifExistsAndTheSetPrefixesAreExplained() {
    hover(withCondition("{\"BoolIf|Exists\": {\"aws:MultiFactorAuthPresent\": \"true\"}}"))
        .contains("**IfExists**");
    hover(withCondition("{\"ForAllValues:Strin|gEquals\": {\"aws:TagKeys\": [\"team\"]}}"))
        .contains("**ForAllValues**", "`Null`");
    hover(withCondition("{\"ForAnyValue:Strin|gLike\": {\"aws:TagKeys\": [\"team*\"]}}"))
        .contains("**ForAnyValue**", "`*`");
  }

  @Test
  void aNegatedOperatorSaysHowSeveralValuesWork() {
    hover(withCondition("{\"StringNot|Equals\": {\"aws:RequestedRegion\": [\"a\", \"b\"]}}"))
        .contains("none");
  }

  @Test
  void aMistypedOperatorGetsItsSpelling() {
    hover(withCondition("{\"stringe|quals\": {\"aws:SourceVpc\": \"vpc-1\"}}"))
        .contains("`StringEquals`", "case-sensitive");
  }

  @Test
  void aKeyGivesItsTypeAndValueCount() {
    hover(withCondition("{\"IpAddress\": {\"aws:Sour|ceIp\": \"203.0.113.0/24\"}}"))
        .covers("\"aws:SourceIp\"")
        .contains(
            CATALOG.conditionKey("aws:SourceIp").orElseThrow().type(),
            "single-valued",
            "`IpAddress`")
        .lacks("**Note:**");
  }

  @Test
  void aMultiValuedKeyWithoutASetPrefixGetsANote() {
    hover(withCondition("{\"StringEquals\": {\"aws:Tag|Keys\": \"team\"}}"))
        .contains("ArrayOfString", "multi-valued", "**Note:**", "ForAnyValue");
  }

  @Test
  void aSingleValuedKeyUnderASetPrefixGetsANote() {
    hover(withCondition("{\"ForAnyValue:StringEquals\": {\"aws:Sou|rceVpc\": \"vpc-1\"}}"))
        .contains("single-valued", "**Note:**");
  }

  @Test
  void templatedAndServiceKeysAreFound() {
    hover(withCondition("{\"StringEquals\": {\"aws:PrincipalTag/te|am\": \"blue\"}}"))
        .contains("single-valued");
    hover(withCondition("{\"StringLike\": {\"s3:pre|fix\": \"home/\"}}"))
        .contains(CATALOG.conditionKey("s3:prefix").orElseThrow().type());
  }

  @Test
  void anUnknownKeySaysSo() {
    hover(withCondition("{\"StringEquals\": {\"aws:Nothing|Here\": \"x\"}}"))
        .contains("not a condition key");
  }

  @Test
  void aVariableInAConditionValueIsExplained() {
    hover(withCondition("{\"StringLike\": {\"s3:prefix\": \"home/${aws:user|id}/\"}}"))
        .covers("${aws:userid}")
        .contains("unique ID");
  }

  @Test
  void theConditionKeyIsExplained() {
    hover(
            withCondition("{\"Bool\": {\"aws:SecureTransport\": \"true\"}}")
                .replace("\"Condition\"", "\"Cond|ition\""))
        .covers("\"Condition\"");
  }
}
