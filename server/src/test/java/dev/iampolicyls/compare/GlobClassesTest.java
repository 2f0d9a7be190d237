package dev.iampolicyls.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link GlobClasses} against its definition on seeded random patterns: every string (of the shape)
 * up to a length, tried one by one, falls in a class the search found; each class's string matches
 * exactly the patterns of its class; no shorter string is in it. The strings tried are made of the
 * patterns' characters in both cases and one other character of each category, which stand for
 * every string of their lengths.
 */
class GlobClassesTest {
  private static final String PATTERN_CHARS = "ab:/-";
  private static final String TRIED_CHARS = "abABxX0._~:/-";

  @Test
  void theClassesOfStringPatternsAreEveryCombinationSomeStringHas() throws Exception {
    Random random = new Random(19);
    for (int c = 0; c < 40; c++) {
      List<GlobClasses.Observed> observed = new ArrayList<>();
      List<String> described = new ArrayList<>();
      int count = 1 + random.nextInt(5);
      for (int i = 0; i < count; i++) {
        String p = pattern(random, 1 + random.nextInt(3), "*?" + PATTERN_CHARS);
        switch (random.nextInt(4)) {
          case 0 -> observed.add(GlobClasses.Observed.of(GlobClasses.literal(p, false)));
          case 1 -> observed.add(GlobClasses.Observed.of(GlobClasses.literal(p, true)));
          case 2 -> observed.add(GlobClasses.Observed.of(GlobClasses.glob(p, false)));
          default -> observed.add(GlobClasses.Observed.arn(p));
        }
        described.add(p);
      }
      Map<BitSet, String> found = GlobClasses.classes(List.of(), observed, 50_000);
      check(found, observed, List.of(""), 4, described.toString());
    }
  }

  @Test
  void theClassesOfArnPatternsMatchFieldByField() throws Exception {
    Random random = new Random(23);
    GlobClasses.Glob shape =
        GlobClasses.builder()
            .literal("a:")
            .run(GlobClasses.NOT_COLON)
            .literal(":b:c:d:")
            .run(GlobClasses.ANY)
            .build();
    List<String> prefixes = new ArrayList<>();
    for (String field : strings(1)) {
      if (field.indexOf(':') < 0) {
        prefixes.add("a:" + field + ":b:c:d:");
      }
    }
    for (int c = 0; c < 40; c++) {
      List<GlobClasses.Observed> observed = new ArrayList<>();
      List<String> described = new ArrayList<>();
      int count = 1 + random.nextInt(4);
      for (int i = 0; i < count; i++) {
        String p =
            "a:"
                + pattern(random, random.nextInt(2), "*?ab")
                + ":b:c:d:"
                + pattern(random, random.nextInt(3), "*?" + PATTERN_CHARS);
        observed.add(GlobClasses.Observed.arn(p));
        described.add(p);
      }
      Map<BitSet, String> found = GlobClasses.classesOfArns(List.of(shape), observed, 50_000);
      check(found, observed, prefixes, 3, described.toString());
    }
  }

  /** Compares the search's classes with those of every string {@code prefix + suffix}. */
  private static void check(
      Map<BitSet, String> found,
      List<GlobClasses.Observed> observed,
      List<String> prefixes,
      int suffixLength,
      String patterns) {
    for (Map.Entry<BitSet, String> e : found.entrySet()) {
      assertEquals(e.getKey(), vector(e.getValue(), observed), patterns + " " + e.getValue());
    }
    Map<BitSet, Integer> shortest = new HashMap<>();
    for (String prefix : prefixes) {
      for (String suffix : strings(suffixLength)) {
        String s = prefix + suffix;
        BitSet v = vector(s, observed);
        assertTrue(found.containsKey(v), patterns + ": no class for \"" + s + "\" " + v);
        shortest.merge(v, s.length(), Math::min);
      }
    }
    for (Map.Entry<BitSet, Integer> e : shortest.entrySet()) {
      assertTrue(
          found.get(e.getKey()).length() <= e.getValue(),
          patterns + ": \"" + found.get(e.getKey()) + "\" is not a shortest string of its class");
    }
  }

  private static BitSet vector(String s, List<GlobClasses.Observed> observed) {
    BitSet v = new BitSet();
    for (int k = 0; k < observed.size(); k++) {
      if (observed.get(k).matches(s)) {
        v.set(k);
      }
    }
    return v;
  }

  private static String pattern(Random random, int length, String chars) {
    StringBuilder p = new StringBuilder();
    for (int i = 0; i < length; i++) {
      p.append(chars.charAt(random.nextInt(chars.length())));
    }
    return p.toString();
  }

  /** Every string of {@link #TRIED_CHARS} up to the length, the empty one first. */
  private static List<String> strings(int maxLength) {
    List<String> out = new ArrayList<>(List.of(""));
    List<String> last = List.of("");
    for (int n = 1; n <= maxLength; n++) {
      List<String> next = new ArrayList<>();
      for (String s : last) {
        for (char c : TRIED_CHARS.toCharArray()) {
          next.add(s + c);
        }
      }
      out.addAll(next);
      last = next;
    }
    return out;
  }
}
