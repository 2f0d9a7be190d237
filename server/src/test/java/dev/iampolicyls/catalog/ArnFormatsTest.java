package dev.iampolicyls.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class ArnFormatsTest {
  static final String OBJECT = "arn:${Partition}:s3:::${BucketName}/${ObjectName}";
  static final String BUCKET = "arn:${Partition}:s3:::${BucketName}";
  static final String FUNCTION =
      "arn:${Partition}:lambda:${Region}:${Account}:function:${FunctionName}";

  @Test
  void concreteArnsFitTheirOwnFormatOnly() {
    assertTrue(ArnFormats.fits(OBJECT, "arn:aws:s3:::my-bucket/key.txt"));
    assertTrue(ArnFormats.fits(BUCKET, "arn:aws:s3:::my-bucket"));
    assertFalse(ArnFormats.fits(OBJECT, "arn:aws:s3:::my-bucket"));
    assertFalse(ArnFormats.fits(FUNCTION, "arn:aws:s3:::my-bucket"));
    assertTrue(ArnFormats.fits(FUNCTION, "arn:aws:lambda:eu-west-1:111122223333:function:f"));
  }

  @Test
  void wildcardsAndVariablesMayFit() {
    assertTrue(ArnFormats.fits(OBJECT, "arn:aws:s3:::my-bucket/*"));
    assertTrue(ArnFormats.fits(OBJECT, "arn:aws:s3:::*"));
    assertTrue(ArnFormats.fits(BUCKET, "arn:aws:s3:::*"));
    assertTrue(ArnFormats.fits(OBJECT, "arn:aws:s3:::b/home/${aws:username}/*"));
    assertTrue(ArnFormats.fits(FUNCTION, "arn:aws:lambda:*:*:function:*"));
    assertTrue(ArnFormats.fits(FUNCTION, "arn:aws:lambda:us-east-?:*:function:f"));
    assertTrue(ArnFormats.fits(FUNCTION, "*"));
    assertFalse(ArnFormats.fits(FUNCTION, "arn:aws:lambda:*:*:layer:*"));
  }

  @Test
  void hostileLengthsAnswerQuickly() {
    String many = "arn:aws:s3:::" + "*a".repeat(1000) + "b";
    assertTrue(ArnFormats.fits(OBJECT, many) || !ArnFormats.fits(OBJECT, many));
    assertTrue(ArnFormats.fits(OBJECT, "x".repeat(100_000)), "too long to compare: assume it fits");
  }

  /**
   * The shortcuts in intersects (a lone run, literal ends that differ) give the answer of trying
   * every string: a common match, when there is one, is no longer than both patterns together and
   * can be spelled with their own letters.
   */
  @Test
  void intersectsAgreesWithTryingEveryString() {
    Random random = new Random(7);
    for (int round = 0; round < 3000; round++) {
      String a = randomPattern(random);
      String b = randomPattern(random);
      boolean expected = someStringMatchesBoth(a, b, a.length() + b.length());
      assertEquals(
          expected,
          ArnFormats.intersects(ArnFormats.tokens(a, true), ArnFormats.tokens(b, true)),
          a + " and " + b);
    }
  }

  private static String randomPattern(Random random) {
    String letters = "ab*?";
    StringBuilder sb = new StringBuilder();
    int length = random.nextInt(6);
    for (int i = 0; i < length; i++) {
      sb.append(letters.charAt(random.nextInt(letters.length())));
    }
    return sb.toString();
  }

  private static boolean someStringMatchesBoth(String a, String b, int maxLength) {
    for (int length = 0; length <= maxLength; length++) {
      for (int bits = 0; bits < (1 << length); bits++) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < length; i++) {
          sb.append((bits >> i & 1) == 0 ? 'a' : 'b');
        }
        String s = sb.toString();
        if (WildcardMatcher.matchesExactCase(a, s) && WildcardMatcher.matchesExactCase(b, s)) {
          return true;
        }
      }
    }
    return false;
  }
}
