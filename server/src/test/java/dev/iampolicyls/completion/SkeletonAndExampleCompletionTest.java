package dev.iampolicyls.completion;

import static org.junit.jupiter.api.Assertions.*;

import dev.iampolicyls.policy.PolicyType;
import org.junit.jupiter.api.Test;

/** A new statement in the Statement array, and example values where a key wants a format. */
class SkeletonAndExampleCompletionTest {

  @Test
  void aNewStatementIsIndentedLikeTheDocument() {
    String text = "{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [\n    |\n  ]\n}";
    Completions c = Completions.at(text);
    assertEquals(
        "{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [\n"
            + "    {\n"
            + "      \"Effect\": \"Allow\",\n"
            + "      \"Action\": [],\n"
            + "      \"Resource\": []\n"
            + "    }\n  ]\n}",
        c.apply("New statement"));
    assertFalse(c.item("New statement").snippet(), "plain text without snippet support");
  }

  @Test
  void withSnippetsTheBlanksAreTabStops() {
    String text = "{\n\t\"Statement\": [|]\n}";
    CompletionItem item = Completions.withSnippets(text).item("New statement");
    assertTrue(item.snippet());
    assertEquals(
        "{\n\t\t\"Effect\": \"${1:Allow}\",\n\t\t\"Action\": [$2],\n\t\t\"Resource\": [$3]\n\t\\}$0", // a literal } is escaped in snippets
        item.edit().newText());
  }

  @Test
  void aResourcePolicyStatementHasAPrincipalAndANeighbourGetsItsComma() {
    String text =
        "{\"Statement\": [| {\"Effect\": \"Allow\", \"Principal\": \"*\", \"Action\": \"s3:GetObject\","
            + " \"Resource\": \"*\"}]}";
    Completions c = Completions.at(text, PolicyType.RESOURCE_POLICY);
    assertEquals(
        "{\"Statement\": [{\n  \"Effect\": \"Allow\",\n  \"Principal\": {\"AWS\": []},\n"
            + "  \"Action\": [],\n  \"Resource\": []\n}, {\"Effect\": \"Allow\", \"Principal\":"
            + " \"*\", \"Action\": \"s3:GetObject\", \"Resource\": \"*\"}]}",
        c.apply("New statement"));
    // After a statement without a comma, the comma goes before the new one.
    String after =
        "{\n  \"Statement\": [\n    {\"Effect\": \"Allow\", \"Action\": \"*\", \"Resource\": \"*\"}\n    |\n  ]\n}";
    assertEquals(
        "{\n  \"Statement\": [\n    {\"Effect\": \"Allow\", \"Action\": \"*\", \"Resource\": \"*\"},\n"
            + "    {\n      \"Effect\": \"Allow\",\n      \"Action\": [],\n      \"Resource\": []\n"
            + "    }\n  ]\n}",
        Completions.at(after).apply("New statement"));
  }

  @Test
  void aTrustPolicyStatementAssumesARole() {
    String text = "{\"Statement\": [|]}";
    assertEquals(
        "{\"Statement\": [{\n  \"Effect\": \"Allow\",\n  \"Principal\": {\"Service\": \"\"},\n"
            + "  \"Action\": \"sts:AssumeRole\"\n}]}",
        Completions.at(text, PolicyType.TRUST_POLICY).apply("New statement"));
  }

  @Test
  void sourceIpProposesCidrExamples() {
    String text =
        "{\"Statement\": [{\"Effect\": \"Deny\", \"Action\": \"*\", \"Resource\": \"*\","
            + " \"Condition\": {\"NotIpAddress\": {\"aws:SourceIp\": \"|\"}}}]}";
    Completions c = Completions.at(text);
    c.has("203.0.113.0/24", "2001:db8::/32");
    assertTrue(
        c.item("203.0.113.0/24").detail().contains("CIDR"), c.item("203.0.113.0/24").detail());
    assertTrue(c.apply("203.0.113.0/24").contains("\"aws:SourceIp\": \"203.0.113.0/24\""));
    // What is typed filters them.
    Completions.at(text.replace("\"|\"", "\"2001|\"")).has("2001:db8::/32").lacks("203.0.113.0/24");
  }

  @Test
  void orgPathsProposeTheirTemplate() {
    for (String key : new String[] {"aws:PrincipalOrgPaths", "aws:ResourceOrgPaths"}) {
      String text =
          "{\"Statement\": [{\"Effect\": \"Allow\", \"Action\": \"s3:GetObject\", \"Resource\":"
              + " \"*\", \"Condition\": {\"ForAnyValue:StringLike\": {\""
              + key
              + "\": \"|\"}}}]}";
      String template = "o-xxxxxxxxxx/r-xxxx/ou-xxxx-xxxxxxxx/*";
      Completions c = Completions.at(text);
      assertTrue(c.apply(template).contains("\"" + key + "\": \"" + template + "\""), key);
      CompletionItem snippet = Completions.withSnippets(text).item(template);
      assertEquals(
          "\"${1:o-xxxxxxxxxx}/${2:r-xxxx}/${3:ou-xxxx-xxxxxxxx}/*\"", snippet.edit().newText());
    }
  }

  @Test
  void canonicalUserProposesAHexPlaceholder() {
    String text =
        "{\"Statement\": [{\"Effect\": \"Allow\", \"Principal\": {\"CanonicalUser\": \"|\"},"
            + " \"Action\": \"s3:GetObject\", \"Resource\": \"*\"}]}";
    String applied = Completions.at(text).apply("canonical user ID");
    String id = PrincipalCompletions.CANONICAL_USER_EXAMPLE;
    assertTrue(id.matches("[0-9a-f]{64}"), id);
    assertTrue(applied.contains("\"CanonicalUser\": \"" + id + "\""), applied);
    assertEquals(
        "\"${1:" + id + "}\"",
        Completions.withSnippets(text).item("canonical user ID").edit().newText());
  }
}
