package dev.iampolicyls.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
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

  @Test
  void agreesWithARegularExpressionOnSeededPatterns() {
    java.util.Random random = new java.util.Random(17);
    String patternChars = "aAb:*?";
    String textChars = "aAbB:";
    for (int n = 0; n < 20_000; n++) {
      String pattern = randomText(random, patternChars, 6);
      String text = randomText(random, textChars, 8);
      StringBuilder regex = new StringBuilder();
      for (char c : pattern.toCharArray()) {
        regex.append(c == '*' ? ".*" : c == '?' ? "." : java.util.regex.Pattern.quote("" + c));
      }
      boolean expected =
          java.util.regex.Pattern.compile(
                  regex.toString(),
                  java.util.regex.Pattern.CASE_INSENSITIVE | java.util.regex.Pattern.DOTALL)
              .matcher(text)
              .matches();
      assertEquals(expected, WildcardMatcher.matches(pattern, text), pattern + " ~ " + text);
    }
  }

  private static String randomText(java.util.Random random, String alphabet, int maxLength) {
    StringBuilder s = new StringBuilder();
    for (int k = random.nextInt(maxLength + 1); k > 0; k--) {
      s.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return s.toString();
  }
}
