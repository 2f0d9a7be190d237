package dev.iampolicyls.completion;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Proposals rank by how many AWS managed policies use them (counted into the bundled catalog), then
 * by name; the sort text carries the rank, so every editor shows the same order.
 */
class UsageRankingTest {

  @Test
  void theMostUsedActionComesFirst() {
    List<String> sorted =
        Completions.at("{\"Statement\": {\"Action\": \"s3:Get|\"}}").sortedLabels();
    assertEquals("s3:GetObject", sorted.get(0), sorted.toString());
    assertTrue(sorted.subList(0, 12).contains("s3:GetBucketLocation"), sorted.toString());
    // Rarely used actions still come, after the used ones.
    assertTrue(sorted.contains("s3:GetObjectLegalHold"), sorted.toString());
    assertTrue(
        sorted.indexOf("s3:GetObjectLegalHold") > sorted.indexOf("s3:GetObjectVersion"),
        sorted.toString());
  }

  @Test
  void sortTextAloneGivesTheOrder() {
    // An editor that sorts by sortText only (no label tie-break) shows the same list.
    CompletionResult result =
        Completions.at("{\"Statement\": {\"Action\": \"ec2:Describe|\"}}").result;
    List<String> bySortText =
        result.items().stream()
            .sorted(java.util.Comparator.comparing(CompletionItem::sortText))
            .map(CompletionItem::label)
            .toList();
    assertEquals(
        result.items().stream().map(CompletionItem::sortText).distinct().count(),
        result.items().size(),
        "every rank is its own");
    assertTrue(bySortText.subList(0, 5).contains("ec2:DescribeInstances"), bySortText.toString());
  }

  @Test
  void usedServicesComeFirst() {
    List<String> sorted = Completions.at("{\"Statement\": {\"Action\": \"s|\"}}").sortedLabels();
    assertEquals("s3:", sorted.get(0), sorted.toString());
  }

  @Test
  void conditionKeysRankByUse() {
    List<String> sorted =
        Completions.at(
                "{\"Statement\": {\"Effect\": \"Deny\", \"Action\": \"*\", \"Resource\": \"*\","
                    + " \"Condition\": {\"StringEquals\": {\"aws:|\"}}}}")
            .sortedLabels();
    // The tag keys are used in many managed policies, aws:CalledVia in a few, aws:userid in none:
    // by name the order would be the other way round.
    assertEquals("aws:ResourceTag/${TagKey}", sorted.get(0), sorted.toString());
    int often = sorted.indexOf("aws:RequestTag/${TagKey}");
    int sometimes = sorted.indexOf("aws:CalledVia");
    int never = sorted.indexOf("aws:userid");
    assertTrue(0 < often && often < sometimes && sometimes < never, sorted.toString());
  }
}
