package dev.iampolicyls.codeactions;

import static dev.iampolicyls.codeactions.FixAssert.apply;
import static dev.iampolicyls.codeactions.FixAssert.assertFix;
import static dev.iampolicyls.codeactions.FixAssert.assertNotOffered;
import static dev.iampolicyls.codeactions.FixAssert.lines;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.iampolicyls.catalog.Action;
import dev.iampolicyls.catalog.Catalog;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Refactorings: text in, text out, and where each must not be offered. */
class RefactoringsTest {
  private static String one(String statement) {
    return "{\"Version\": \"2012-10-17\", \"Statement\": [" + statement + "]}";
  }

  @Test
  void denyWildcardExpandsIntoTheActionsItMatches() {
    List<String> matched =
        Catalog.bundled().matchActions("s3:GetObjectT*").stream()
            .map(Action::qualifiedName)
            .toList();
    assertTrue(matched.size() >= 2, matched.toString());
    String text =
        one("{\"Effect\": \"Deny\", \"Action\": \"s3:GetObjectT*\", \"Resource\": \"*\"}");
    String after = apply(text, "s3:GetObjectT*", "Replace \"s3:GetObjectT*\" with the");
    String list = String.join(", ", matched.stream().map(a -> "\"" + a + "\"").toList());
    assertEquals(
        one("{\"Effect\": \"Deny\", \"Action\": [" + list + "], \"Resource\": \"*\"}"), after);
    assertNotOffered(
        one("{\"Effect\": \"Deny\", \"Action\": \"s3:GetObject\", \"Resource\": \"*\"}"),
        "s3:GetObject",
        "Replace");
  }

  @Test
  void explicitListCollapsesIntoTheWildcardThatMatchesExactlyIt() {
    List<String> matched =
        Catalog.bundled().matchActions("s3:GetObjectT*").stream()
            .map(Action::qualifiedName)
            .toList();
    String list = String.join(", ", matched.stream().map(a -> "\"" + a + "\"").toList());
    String text = one("{\"Effect\": \"Allow\", \"Action\": [" + list + "], \"Resource\": \"*\"}");
    assertFix(
        text,
        "\"Action\"",
        "Collapse the",
        one("{\"Effect\": \"Allow\", \"Action\": \"s3:GetObjectT*\", \"Resource\": \"*\"}"));
    // One action fewer: the wildcard would grant more than the list.
    String partial =
        one(
            "{\"Effect\": \"Allow\", \"Action\": [\"s3:GetObject\", \"s3:GetObjectTagging\"],"
                + " \"Resource\": \"*\"}");
    assertNotOffered(partial, "\"Action\"", "Collapse");
  }

  @Test
  void singleStringBecomesAnArrayAndBack() {
    String single =
        one("{\"Effect\": \"Allow\", \"Action\": \"s3:GetObject\", \"Resource\": \"*\"}");
    String array =
        one("{\"Effect\": \"Allow\", \"Action\": [\"s3:GetObject\"], \"Resource\": \"*\"}");
    assertFix(single, "s3:GetObject", "Make Action an array", array);
    assertFix(array, "s3:GetObject", "Make Action a single string", single);
    assertNotOffered(
        one(
            "{\"Effect\": \"Allow\", \"Action\": [\"s3:GetObject\", \"s3:PutObject\"], \"Resource\": \"*\"}"),
        "s3:GetObject",
        "Make Action a single string");
  }

  @Test
  void actionsAreSortedInPlace() {
    String text =
        lines(
            "{",
            "  \"Version\": \"2012-10-17\",",
            "  \"Statement\": [{",
            "    \"Effect\": \"Allow\",",
            "    \"Action\": [",
            "      \"s3:PutObject\",",
            "      \"ec2:DescribeInstances\",",
            "      \"s3:GetObject\"",
            "    ],",
            "    \"Resource\": \"*\"",
            "  }]",
            "}");
    assertFix(
        text,
        "\"Action\"",
        "Sort the Action list",
        lines(
            "{",
            "  \"Version\": \"2012-10-17\",",
            "  \"Statement\": [{",
            "    \"Effect\": \"Allow\",",
            "    \"Action\": [",
            "      \"ec2:DescribeInstances\",",
            "      \"s3:GetObject\",",
            "      \"s3:PutObject\"",
            "    ],",
            "    \"Resource\": \"*\"",
            "  }]",
            "}"));
    assertNotOffered(
        one(
            "{\"Effect\": \"Allow\", \"Action\": [\"s3:GetObject\", \"s3:PutObject\"], \"Resource\": \"*\"}"),
        "\"Action\"",
        "Sort");
  }

  @Test
  void statementWithSeveralServicesSplitsIntoOnePerService() {
    String text =
        lines(
            "{",
            "  \"Version\": \"2012-10-17\",",
            "  \"Statement\": [",
            "    {",
            "      \"Sid\": \"Read\",",
            "      \"Effect\": \"Allow\",",
            "      \"Action\": [\"s3:GetObject\", \"ec2:DescribeInstances\", \"s3:ListBucket\"],",
            "      \"Resource\": \"*\"",
            "    }",
            "  ]",
            "}");
    assertFix(
        text,
        "\"Action\"",
        "Split into one statement per service",
        lines(
            "{",
            "  \"Version\": \"2012-10-17\",",
            "  \"Statement\": [",
            "    {",
            "      \"Sid\": \"ReadS3\",",
            "      \"Effect\": \"Allow\",",
            "      \"Action\": [\"s3:GetObject\", \"s3:ListBucket\"],",
            "      \"Resource\": \"*\"",
            "    },",
            "    {",
            "      \"Sid\": \"ReadEc2\",",
            "      \"Effect\": \"Allow\",",
            "      \"Action\": [\"ec2:DescribeInstances\"],",
            "      \"Resource\": \"*\"",
            "    }",
            "  ]",
            "}"));
    assertNotOffered(
        one(
            "{\"Effect\": \"Allow\", \"Action\": [\"s3:GetObject\", \"s3:PutObject\"], \"Resource\": \"*\"}"),
        "\"Action\"",
        "Split");
  }
}
