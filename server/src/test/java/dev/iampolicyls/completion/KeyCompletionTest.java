package dev.iampolicyls.completion;

import static org.junit.jupiter.api.Assertions.*;

import dev.iampolicyls.policy.PolicyType;
import java.util.List;
import org.junit.jupiter.api.Test;

class KeyCompletionTest {

  @Test
  void policyKeysInAnEmptyObject() {
    Completions c = Completions.at("{|}");
    assertEquals(List.of("Version", "Id", "Statement"), c.sortedLabels());
    assertEquals("{\"Version\": \"2012-10-17\"}", c.apply("Version"));
    assertEquals("{\"Statement\": []}", c.apply("Statement"));
  }

  @Test
  void policyKeysLeaveOutThosePresentAndIdInIdentityPolicies() {
    String text = "{\n  \"Version\": \"2012-10-17\",\n  |\n}";
    Completions.at(text).has("Id", "Statement").lacks("Version");
    Completions.at(text, PolicyType.IDENTITY_POLICY).has("Statement").lacks("Id", "Version");
  }

  @Test
  void aNewKeyBeforeAnotherGetsAComma() {
    Completions c = Completions.at("{\n  |\n  \"Statement\": []\n}");
    assertEquals("{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": []\n}", c.apply("Version"));
  }

  @Test
  void aNewKeyAfterAMemberWithoutCommaGetsOneBeforeIt() {
    Completions c = Completions.at("{\n  \"Version\": \"2012-10-17\"\n  |\n}");
    assertEquals("{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": []\n}", c.apply("Statement"));
  }

  @Test
  void statementKeysNotYetPresentAndNotExcludedByTheirCounterpart() {
    Completions c =
        Completions.at("{\"Statement\": [{\"Effect\": \"Allow\", \"NotAction\": \"s3:*\", |}]}");
    c.has("Sid", "Principal", "Resource", "NotResource", "Condition", "NotPrincipal")
        .lacks("Effect", "Action", "NotAction");
    assertTrue(c.sortedLabels().indexOf("Resource") < c.sortedLabels().indexOf("NotResource"));
  }

  @Test
  void statementKeyInsertsAnEmptyValueOfItsShape() {
    String text = "{\"Statement\": {|}}";
    Completions c = Completions.at(text);
    assertEquals("{\"Statement\": {\"Action\": \"\"}}", c.apply("Action"));
    assertEquals("{\"Statement\": {\"Condition\": {}}}", c.apply("Condition"));
    assertEquals("{\"Statement\": {\"Principal\": {}}}", c.apply("Principal"));
  }

  @Test
  void statementKeysFollowThePolicyType() {
    String text = "{\"Statement\": [{|}]}";
    Completions.at(text, PolicyType.IDENTITY_POLICY)
        .has("Action", "Resource")
        .lacks("Principal", "NotPrincipal");
    Completions.at(text, PolicyType.SERVICE_CONTROL_POLICY).lacks("Principal", "NotPrincipal");
    Completions.at(text, PolicyType.RESOURCE_CONTROL_POLICY).has("Principal").lacks("NotPrincipal");
    Completions.at(text, PolicyType.RESOURCE_POLICY).has("Principal", "Resource");
    Completions.at(text, PolicyType.TRUST_POLICY)
        .has("Principal", "Action")
        .lacks("Resource", "NotResource");
  }

  @Test
  void withoutATypeANewStatementStillOffersPrincipalButLast() {
    Completions c = Completions.at("{\"Statement\": [{|}]}");
    List<String> sorted = c.sortedLabels();
    assertEquals("Principal", sorted.get(sorted.size() - 2));
    assertEquals("NotPrincipal", sorted.get(sorted.size() - 1));
  }

  @Test
  void anInferredTrustPolicyGetsNoResource() {
    String text =
        "{\"Statement\": [{\"Effect\": \"Allow\", \"Principal\": {\"Service\":"
            + " \"ec2.amazonaws.com\"}, \"Action\": \"sts:AssumeRole\", |}]}";
    Completions.at(text).has("Condition", "Sid").lacks("Resource", "NotResource");
  }

  @Test
  void editingAnExistingKeyReplacesOnlyTheKey() {
    Completions c = Completions.at("{\"Statement\": {\"Eff|\": \"Allow\"}}");
    assertEquals(List.of("Effect"), c.labels());
    assertEquals("{\"Statement\": {\"Effect\": \"Allow\"}}", c.apply("Effect"));
    assertEquals("\"Effect", c.item("Effect").filterText());
  }

  @Test
  void aKeyTypedWithoutItsQuotesIsQuoted() {
    Completions c = Completions.at("{\"Statement\": {Eff|}}");
    assertEquals("{\"Statement\": {\"Effect\": \"\"}}", c.apply("Effect"));
    assertEquals("Effect", c.item("Effect").filterText());
  }

  @Test
  void principalTypes() {
    Completions c = Completions.at("{\"Statement\": {\"Principal\": {\"AWS\": \"*\", \"|\"}}}");
    c.has("Service", "Federated", "CanonicalUser").lacks("AWS");
    assertEquals(
        "{\"Statement\": {\"Principal\": {\"AWS\": \"*\", \"Service\": \"\"}}}",
        c.apply("Service"));
  }

  @Test
  void otherJsonGetsNothing() {
    assertEquals(List.of(), Completions.at("{\"name\": \"x\", |}").labels());
    assertEquals(List.of(), Completions.at("{\"scripts\": {|}}").labels());
  }
}
