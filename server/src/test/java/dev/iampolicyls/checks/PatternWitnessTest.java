package dev.iampolicyls.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.iampolicyls.catalog.WildcardMatcher;
import dev.iampolicyls.checks.PatternWitness.Constraint;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The pattern search against brute force over every short string of a small alphabet. */
class PatternWitnessTest {
  private static final String PATTERN_LETTERS = "ab*?";
  private static final String TEXT_LETTERS = "abc";

  private static String randomPattern(Random random, int maxLength) {
    StringBuilder p = new StringBuilder();
    int length = random.nextInt(maxLength + 1);
    for (int i = 0; i < length; i++) {
      p.append(PATTERN_LETTERS.charAt(random.nextInt(PATTERN_LETTERS.length())));
    }
    return p.toString();
  }

  /** Every string over {@link #TEXT_LETTERS} up to {@code maxLength} characters. */
  private static List<String> allStrings(int maxLength) {
    List<String> all = new ArrayList<>(List.of(""));
    List<String> last = List.of("");
    for (int n = 1; n <= maxLength; n++) {
      List<String> next = new ArrayList<>();
      for (String s : last) {
        for (char c : TEXT_LETTERS.toCharArray()) {
          next.add(s + c);
        }
      }
      all.addAll(next);
      last = next;
    }
    return all;
  }

  private static int literals(String pattern) {
    return (int) pattern.chars().filter(c -> c != '*').count();
  }

  /**
   * Two patterns: a shortest common string needs no character that both consume with a star (it
   * could be dropped), so one exists iff one of at most their literal counts' sum exists.
   */
  @Test
  void intersectionOfTwoPatternsAgreesWithBruteForce() {
    Random random = new Random(19);
    List<String> strings = allStrings(8);
    for (int round = 0; round < 400; round++) {
      String a = randomPattern(random, 4);
      String b = randomPattern(random, 4);
      int bound = literals(a) + literals(b);
      boolean expected =
          strings.stream()
              .filter(s -> s.length() <= bound)
              .anyMatch(
                  s ->
                      WildcardMatcher.matchesExactCase(a, s)
                          && WildcardMatcher.matchesExactCase(b, s));
      PatternWitness.Result result = PatternWitness.intersection(a, b);
      assertEquals(expected, result.exists(), a + " ∩ " + b);
      if (result.exists()) {
        assertTrue(WildcardMatcher.matchesExactCase(a, result.example()), a + " " + result);
        assertTrue(WildcardMatcher.matchesExactCase(b, result.example()), b + " " + result);
      }
    }
  }

  /**
   * With exclusions there is no such short bound, so brute force checks one way (a string it finds
   * means the search must find one) and the search's examples are checked by matching.
   */
  @Test
  void constraintsWithExclusionsAgreeWithBruteForce() {
    Random random = new Random(7);
    List<String> strings = allStrings(7);
    for (int round = 0; round < 300; round++) {
      List<Constraint> constraints = new ArrayList<>();
      int n = 1 + random.nextInt(3);
      for (int c = 0; c < n; c++) {
        List<String> patterns = new ArrayList<>();
        int k = 1 + random.nextInt(2);
        for (int i = 0; i < k; i++) {
          patterns.add(randomPattern(random, 3));
        }
        constraints.add(new Constraint(patterns, random.nextBoolean()));
      }
      boolean bruteForce =
          strings.stream().anyMatch(s -> constraints.stream().allMatch(c -> c.accepts(s)));
      PatternWitness.Result result = PatternWitness.find(constraints, List.of());
      if (bruteForce) {
        assertTrue(result.exists(), constraints::toString);
      }
      if (result.exists()) {
        String example = result.example();
        assertTrue(
            constraints.stream().allMatch(c -> c.accepts(example)), constraints + " " + example);
      }
    }
  }

  /** Field runs against brute force, on an alphabet with the separators ':' and '/'. */
  @Test
  void fieldRunsAgreeWithBruteForce() {
    Random random = new Random(5);
    String letters = "a:/*?" + PatternWitness.FIELD_RUN + PatternWitness.PATH_RUN;
    List<String> strings = new ArrayList<>(List.of(""));
    for (int n = 1, from = 0; n <= 6; n++) {
      int to = strings.size();
      for (int k = from; k < to; k++) {
        for (char c : "a:/b".toCharArray()) {
          strings.add(strings.get(k) + c);
        }
      }
      from = to;
    }
    for (int round = 0; round < 300; round++) {
      List<Constraint> constraints = new ArrayList<>();
      for (int c = 0; c < 2; c++) {
        StringBuilder p = new StringBuilder();
        for (int k = random.nextInt(4); k >= 0; k--) {
          p.append(letters.charAt(random.nextInt(letters.length())));
        }
        constraints.add(new Constraint(List.of(p.toString()), c == 0 || random.nextBoolean()));
      }
      boolean bruteForce =
          strings.stream().anyMatch(s -> constraints.stream().allMatch(c -> c.accepts(s)));
      PatternWitness.Result result = PatternWitness.find(constraints, List.of());
      if (bruteForce) {
        assertTrue(result.exists(), constraints::toString);
      }
      if (result.exists()) {
        assertTrue(
            constraints.stream().allMatch(c -> c.accepts(result.example())), constraints::toString);
      }
    }
  }

  @Test
  void arnExamples() {
    assertEquals(
        "arn:aws:s3:::audit-logs/example",
        PatternWitness.intersection("arn:aws:s3:::*", "arn:aws:s3:::audit-logs/*").example());
    assertFalse(
        PatternWitness.intersection("arn:aws:s3:::app-*", "arn:aws:s3:::audit-logs/*").exists());
    // Excluded by a NotResource: only what it leaves out is left.
    PatternWitness.Result rest =
        PatternWitness.find(
            List.of(
                Constraint.anyOf(List.of("arn:aws:s3:::audit-logs/*")),
                Constraint.noneOf(List.of("arn:aws:s3:::audit-logs/2024/*"))),
            List.of("arn:aws:s3:::audit-logs/2024/x"));
    assertTrue(rest.exists());
    assertFalse(rest.example().startsWith("arn:aws:s3:::audit-logs/2024/"), rest.example());
    assertFalse(
        PatternWitness.find(
                List.of(
                    Constraint.anyOf(List.of("arn:aws:s3:::audit-logs/*")),
                    Constraint.noneOf(List.of("arn:aws:s3:::audit-*", "x"))),
                List.of())
            .exists());
  }

  @Test
  void anEmptyAtLeastOneConstraintHasNoString() {
    assertFalse(PatternWitness.find(List.of(Constraint.anyOf(List.of())), List.of()).exists());
    assertEquals(
        "", PatternWitness.find(List.of(Constraint.noneOf(List.of())), List.of()).example());
  }
}
