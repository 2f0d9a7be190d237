package dev.iampolicyls.grants;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Whether two condition values share a string, against a brute-force search of short strings. */
class StringGlobsTest {

  @Test
  void examples() {
    assertTrue(StringGlobs.mayMeet("eu-*", true, "*-west-?", true, false));
    assertFalse(StringGlobs.mayMeet("eu-*", true, "us-east-1", false, false));
    assertTrue(StringGlobs.mayMeet("EU-*", true, "eu-west-1", false, true));
    // A literal's star is a character, which a pattern's star may take.
    assertFalse(StringGlobs.mayMeet("a*", false, "ab", false, false));
    assertTrue(StringGlobs.mayMeet("a*", false, "a?", true, false));
  }

  /** Every verdict agrees with trying every string of up to five letters of {a, b}. */
  @Test
  void agreesWithBruteForce() {
    Random r = new Random(16);
    List<String> words = words(5);
    for (int round = 0; round < 400; round++) {
      String a = pattern(r);
      String b = pattern(r);
      boolean aLike = r.nextBoolean();
      boolean bLike = r.nextBoolean();
      Pattern pa = regex(a, aLike);
      Pattern pb = regex(b, bLike);
      boolean some =
          words.stream().anyMatch(w -> pa.matcher(w).matches() && pb.matcher(w).matches());
      assertEquals(some, StringGlobs.mayMeet(a, aLike, b, bLike, false), a + " / " + b);
    }
  }

  /** At most three tokens of a, b, ? and *: any string they share is at most five letters. */
  private static String pattern(Random r) {
    String tokens = "ab?*";
    StringBuilder sb = new StringBuilder();
    int n = r.nextInt(4);
    for (int i = 0; i < n; i++) {
      sb.append(tokens.charAt(r.nextInt(tokens.length())));
    }
    return sb.toString();
  }

  private static Pattern regex(String value, boolean like) {
    StringBuilder sb = new StringBuilder();
    for (char c : value.toCharArray()) {
      if (like && c == '*') {
        sb.append(".*");
      } else if (like && c == '?') {
        sb.append('.');
      } else {
        sb.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return Pattern.compile(sb.toString());
  }

  private static List<String> words(int max) {
    List<String> out = new ArrayList<>(List.of(""));
    List<String> last = List.of("");
    for (int len = 1; len <= max; len++) {
      List<String> next = new ArrayList<>();
      for (String w : last) {
        for (char c : "ab?*".toCharArray()) {
          next.add(w + c);
        }
      }
      out.addAll(next);
      last = next;
    }
    return out;
  }
}
