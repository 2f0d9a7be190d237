package dev.iampolicyls.completion;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import org.junit.jupiter.api.Test;

class ValueAndActionCompletionTest {

  @Test
  void versionsNewestFirst() {
    Completions c = Completions.at("{\"Version\": \"|\"}");
    assertEquals(List.of("2012-10-17", "2008-10-17"), c.sortedLabels());
    assertEquals("{\"Version\": \"2012-10-17\"}", c.apply("2012-10-17"));
  }

  @Test
  void effects() {
    Completions c = Completions.at("{\"Statement\": {\"Effect\": \"D|\"}}");
    assertEquals(List.of("Deny"), c.labels());
    assertEquals("{\"Statement\": {\"Effect\": \"Deny\"}}", c.apply("Deny"));
    assertEquals("\"Deny", c.item("Deny").filterText().substring(0, 5));
  }

  @Test
  void servicePrefixesBeforeAColon() {
    Completions c = Completions.at("{\"Statement\": {\"Action\": \"s3|\"}}");
    c.has("s3:", "s3express:", "s3tables:").lacks("s3:GetObject", "ec2:");
    CompletionItem s3 = c.item("s3:");
    assertEquals("Amazon S3", s3.detail());
    // Without snippets the closing quote stays after the cursor, so typing goes on in the string.
    assertEquals("{\"Statement\": {\"Action\": \"s3:\"}}", c.apply("s3:"));
    assertEquals(c.text.indexOf("\"s3"), s3.edit().offset());
    assertEquals(c.text.indexOf("s3\"") + 2, s3.edit().end());
  }

  @Test
  void actionsOfTheServiceAfterTheColon() {
    Completions c =
        Completions.at("{\"Statement\": {\"Action\": [\"s3:GetObj|\"], \"Resource\": \"*\"}}");
    c.has("s3:GetObject", "s3:GetObjectAcl").lacks("s3:PutObject", "s3:");
    CompletionItem get = c.item("s3:GetObject");
    assertEquals("Read", get.detail());
    assertTrue(get.documentation().contains("list_amazons3.html#amazons3-GetObject"));
    assertEquals("\"s3:GetObject", get.filterText().substring(0, 13));
    assertEquals(
        "{\"Statement\": {\"Action\": [\"s3:GetObject\"], \"Resource\": \"*\"}}",
        c.apply("s3:GetObject"));
  }

  @Test
  void actionMatchingIgnoresCaseAndFindsWordsInsideNames() {
    Completions c = Completions.at("{\"Statement\": {\"Action\": \"S3:getobjectt|\"}}");
    c.has("s3:GetObjectTagging").lacks("s3:GetObject");
    Completions inside = Completions.at("{\"Statement\": {\"Action\": \"s3:objectlock|\"}}");
    inside.has("s3:GetBucketObjectLockConfiguration", "s3:PutBucketObjectLockConfiguration");
    assertTrue(inside.result.incomplete(), "the editor cannot repeat an inside match");
    // Names that start with the typed word come before names that contain it.
    List<String> sorted =
        Completions.at("{\"Statement\": {\"Action\": \"s3:object|\"}}").sortedLabels();
    int lastPrefix = -1;
    int firstInside = Integer.MAX_VALUE;
    for (int i = 0; i < sorted.size(); i++) {
      if (sorted.get(i).toLowerCase().startsWith("s3:object")) {
        lastPrefix = i;
      } else {
        firstInside = Math.min(firstInside, i);
      }
    }
    assertTrue(lastPrefix >= 0 && firstInside < Integer.MAX_VALUE, sorted.toString());
    assertTrue(lastPrefix < firstInside, sorted.toString());
  }

  @Test
  void longListsKeepTheBestRankedAndSayTheyAreIncomplete() {
    // ec2 has hundreds of actions: the list is cut, in rank order, and the editor asks again.
    Completions all = Completions.at("{\"Statement\": {\"Action\": \"ec2:|\"}}");
    assertEquals(ActionCompletions.MAX_ITEMS, all.labels().size());
    assertTrue(all.result.incomplete());
    assertTrue(all.labels().contains("ec2:DescribeInstances"), "the most used first");
    // "re" starts a few dozen ec2 actions and is inside hundreds more: every one it starts is
    // kept and ranked first, though most come late in catalog order.
    List<String> re = Completions.at("{\"Statement\": {\"Action\": \"ec2:re|\"}}").sortedLabels();
    assertEquals(ActionCompletions.MAX_ITEMS, re.size());
    long starting = re.stream().filter(l -> l.startsWith("ec2:Re")).count();
    long inCatalog =
        dev.iampolicyls.catalog.Catalog.bundled().service("ec2").orElseThrow().actions().stream()
            .filter(a -> a.name().startsWith("Re"))
            .count();
    assertTrue(inCatalog > 0 && inCatalog < ActionCompletions.MAX_ITEMS, "catalog: " + inCatalog);
    assertEquals(inCatalog, starting, re.toString());
    for (int i = 0; i < starting; i++) {
      assertTrue(re.get(i).startsWith("ec2:Re"), re.toString());
    }
    // A short list is complete.
    Completions few = Completions.at("{\"Statement\": {\"Action\": \"s3:GetObjectT|\"}}");
    assertFalse(few.result.incomplete());
  }

  @Test
  void oneTypedLetterFindsActionsByTheirStartOnly() {
    List<String> labels = Completions.at("{\"Statement\": {\"Action\": \"sqs:r|\"}}").labels();
    assertTrue(labels.contains("sqs:ReceiveMessage"), labels.toString());
    assertTrue(labels.stream().allMatch(l -> l.startsWith("sqs:R")), labels.toString());
  }

  @Test
  void aTypedWildcardIsOfferedWithItsMatches() {
    Completions c = Completions.at("{\"Statement\": {\"Action\": \"s3:Get*|\"}}");
    CompletionItem pattern = c.item("s3:Get*");
    assertTrue(pattern.detail().matches("\\d+ actions"), pattern.detail());
    int count = Integer.parseInt(pattern.detail().split(" ")[0]);
    assertTrue(count > 40, pattern.detail());
    c.has("s3:GetObject", "s3:GetBucketPolicy").lacks("s3:PutObject");
    assertEquals("s3:Get*", c.sortedLabels().get(0));
    assertEquals("{\"Statement\": {\"Action\": \"s3:Get*\"}}", c.apply("s3:Get*"));
    assertTrue(c.result.incomplete());
    // A wildcard in the middle of the typed text.
    Completions.at("{\"Statement\": {\"Action\": \"s3:Get*Tagg|\"}}")
        .has("s3:GetObjectTagging", "s3:GetBucketTagging")
        .lacks("s3:GetObject");
  }

  @Test
  void actionsAlreadyInTheStatementRankLast() {
    Completions c =
        Completions.at("{\"Statement\": {\"Action\": [\"s3:GetObject\", \"s3:GetObj|\"]}}");
    List<String> sorted = c.sortedLabels();
    assertEquals("s3:GetObject", sorted.get(sorted.size() - 1));
  }

  @Test
  void everyActionAndEveryServiceWhenNothingIsTyped() {
    Completions c = Completions.at("{\"Statement\": {\"Action\": |}}");
    c.has("*", "s3:", "ec2:", "lambda:");
    assertEquals("{\"Statement\": {\"Action\": \"s3:\"}}", c.apply("s3:"));
    assertEquals("{\"Statement\": {\"Action\": \"*\"}}", c.apply("*"));
  }

  @Test
  void actionsInNotActionToo() {
    Completions.at("{\"Statement\": {\"NotAction\": [\"iam:Pass|\"]}}").has("iam:PassRole");
  }

  @Test
  void anUnknownServiceGivesNoActions() {
    assertEquals(
        List.of(), Completions.at("{\"Statement\": {\"Action\": \"nosuch:Get|\"}}").labels());
  }
}
