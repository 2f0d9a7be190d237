package dev.iampolicyls.catalog;

/**
 * IAM-style wildcard matching: {@code *} matches any run of characters (also none), {@code ?}
 * exactly one character; everything else literally and case-insensitively.
 *
 * <p>Runs in O(pattern x text) worst case and usually linear: a greedy two-pointer scan that, on a
 * mismatch, backtracks only to the most recent star. Regular expressions are deliberately not used,
 * so user-supplied patterns can not cause catastrophic backtracking.
 */
public final class WildcardMatcher {
  private WildcardMatcher() {}

  public static boolean matches(String pattern, String text) {
    return matches(pattern, text, true);
  }

  /** The same matching with every other character compared exactly (ARNs, file names). */
  public static boolean matchesExactCase(String pattern, String text) {
    return matches(pattern, text, false);
  }

  private static boolean matches(String pattern, String text, boolean ignoreCase) {
    int p = 0;
    int t = 0;
    int star = -1; // index in pattern of the last '*' seen
    int mark = 0; // index in text where that star's run currently ends
    int pn = pattern.length();
    int tn = text.length();
    while (t < tn) {
      if (p < pn) {
        char pc = pattern.charAt(p);
        if (pc == '*') {
          if (p == pn - 1) {
            return true; // a closing star takes the rest (Get*, Describe*: most patterns)
          }
          star = p++;
          mark = t;
          continue;
        }
        char tc = text.charAt(t);
        if (pc == '?' || pc == tc || (ignoreCase && sameIgnoringCase(pc, tc))) {
          p++;
          t++;
          continue;
        }
      }
      if (star < 0) {
        return false;
      }
      // Let the last star swallow one more character and retry from just after it.
      p = star + 1;
      t = ++mark;
    }
    while (p < pn && pattern.charAt(p) == '*') {
      p++;
    }
    return p == pn;
  }

  /** True if the text contains a wildcard character. */
  public static boolean hasWildcard(String s) {
    return s.indexOf('*') >= 0 || s.indexOf('?') >= 0;
  }

  private static boolean sameIgnoringCase(char a, char b) {
    if (a == b) {
      return true;
    }
    char ua = Character.toUpperCase(a);
    char ub = Character.toUpperCase(b);
    return ua == ub || Character.toLowerCase(ua) == Character.toLowerCase(ub);
  }
}
