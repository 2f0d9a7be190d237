package dev.iampolicyls.catalog;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class WildcardMatcherTest {

  @Test
  void literalMatchIsCaseInsensitive() {
    assertTrue(WildcardMatcher.matches("s3:GetObject", "S3:getobject"));
    assertFalse(WildcardMatcher.matches("s3:GetObject", "s3:GetObjects"));
    assertFalse(WildcardMatcher.matches("s3:GetObjects", "s3:GetObject"));
    assertTrue(WildcardMatcher.matches("", ""));
    assertFalse(WildcardMatcher.matches("", "a"));
  }

  @Test
  void starMatchesAnyRunIncludingEmpty() {
    assertTrue(WildcardMatcher.matches("*", ""));
    assertTrue(WildcardMatcher.matches("*", "anything"));
    assertTrue(WildcardMatcher.matches("s3:Get*", "s3:Get"));
    assertTrue(WildcardMatcher.matches("s3:Get*", "s3:GetObjectTagging"));
    assertFalse(WildcardMatcher.matches("s3:Get*", "s3:PutObject"));
    assertTrue(WildcardMatcher.matches("*Object", "s3:GetObject"));
    assertFalse(WildcardMatcher.matches("*Object", "s3:GetObjectAcl"));
  }

  @Test
  void questionMarkMatchesExactlyOneCharacter() {
    assertTrue(WildcardMatcher.matches("ec2:*Instance?", "ec2:DescribeInstances"));
    assertFalse(WildcardMatcher.matches("ec2:*Instance?", "ec2:RunInstance"));
    assertFalse(WildcardMatcher.matches("a?c", "ac"));
    assertTrue(WildcardMatcher.matches("a?c", "abc"));
    assertTrue(WildcardMatcher.matches("???", "xyz"));
    assertFalse(WildcardMatcher.matches("???", "xy"));
  }

  @Test
  void multipleStarsBacktrack() {
    assertTrue(WildcardMatcher.matches("*a*b*c*", "xxaxxbxxcxx"));
    assertFalse(WildcardMatcher.matches("*a*b*c*", "xxcxxbxxaxx"));
    assertTrue(WildcardMatcher.matches("*:*Get*Policy", "iam:GetRolePolicy"));
    assertTrue(WildcardMatcher.matches("a*b*b", "abbbb"));
    assertTrue(WildcardMatcher.matches("**x", "x"));
    assertTrue(WildcardMatcher.matches("*?", "a"));
    assertFalse(WildcardMatcher.matches("*?", ""));
  }

  @Test
  void pathologicalPatternFinishesFast() {
    String text = "a".repeat(200_000);
    assertTimeoutPreemptively(
        Duration.ofSeconds(2),
        () -> {
          assertFalse(WildcardMatcher.matches("*a*a*a*a*a*a*b", text));
          assertTrue(WildcardMatcher.matches("*a*a*a*a*a*a*a", text));
        });
  }
}
