package dev.iampolicyls.evaluation;

import java.util.BitSet;

/**
 * A policy string after its variables are substituted: the text, and which of its characters are
 * literal although they read as {@code *} or {@code ?} (they came from a variable's value or from
 * the escapes {@code ${*}} and {@code ${?}}). Matching is the IAM glob: {@code *} any run, {@code
 * ?} one character.
 *
 * @param text the substituted text
 * @param literal positions in {@code text} whose wildcard characters match only themselves
 */
record PolicyPattern(String text, BitSet literal) {

  /** Text with no variables: every character as written. */
  static PolicyPattern plain(String text) {
    return new PolicyPattern(text, new BitSet());
  }

  boolean isLoneStar() {
    return text.equals("*") && !literal.get(0);
  }

  /** The characters from {@code start} to {@code end}, with their literal marks. */
  PolicyPattern slice(int start, int end) {
    return new PolicyPattern(text.substring(start, end), literal.get(start, end));
  }

  private boolean isStar(int i) {
    return text.charAt(i) == '*' && !literal.get(i);
  }

  private boolean isQuestion(int i) {
    return text.charAt(i) == '?' && !literal.get(i);
  }

  /** Exact comparison: wildcards are plain characters (StringEquals, ArnEquals' literal parts). */
  boolean equalsText(String value, boolean ignoreCase) {
    return ignoreCase ? text.equalsIgnoreCase(value) : text.equals(value);
  }

  /**
   * Glob matching, greedy with backtracking to the last star only (linear in practice, never
   * exponential), the same algorithm as the catalog's WildcardMatcher with literal marks added.
   */
  boolean matches(String value, boolean ignoreCase) {
    int p = 0;
    int t = 0;
    int star = -1;
    int mark = 0;
    int pn = text.length();
    int tn = value.length();
    while (t < tn) {
      if (p < pn) {
        if (isStar(p)) {
          star = p++;
          mark = t;
          continue;
        }
        char pc = text.charAt(p);
        char tc = value.charAt(t);
        if (isQuestion(p) || pc == tc || (ignoreCase && sameIgnoringCase(pc, tc))) {
          p++;
          t++;
          continue;
        }
      }
      if (star < 0) {
        return false;
      }
      p = star + 1;
      t = ++mark;
    }
    while (p < pn && isStar(p)) {
      p++;
    }
    return p == pn;
  }

  private static boolean sameIgnoringCase(char a, char b) {
    return Character.toUpperCase(a) == Character.toUpperCase(b)
        || Character.toLowerCase(a) == Character.toLowerCase(b);
  }

  @Override
  public String toString() {
    return text;
  }
}
