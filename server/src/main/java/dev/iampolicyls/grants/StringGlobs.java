package dev.iampolicyls.grants;

import java.util.Locale;

/**
 * Whether two condition values can be met by one string: a literal ({@code StringEquals}) or a
 * pattern ({@code StringLike}, where {@code *} is any run of characters and {@code ?} any one).
 */
final class StringGlobs {
  private StringGlobs() {}

  /**
   * Whether some string matches both.
   *
   * @param aIsPattern whether {@code a} reads {@code *} and {@code ?} as wildcards
   * @param ignoreCase whether letters compare without case (either test ignores it)
   */
  static boolean mayMeet(
      String a, boolean aIsPattern, String b, boolean bIsPattern, boolean ignoreCase) {
    if (ignoreCase) {
      a = a.toLowerCase(Locale.ROOT);
      b = b.toLowerCase(Locale.ROOT);
    }
    // reach[i][j]: some string takes a's first i and b's first j tokens to the same place.
    boolean[][] reach = new boolean[a.length() + 1][b.length() + 1];
    reach[0][0] = true;
    for (int i = 0; i <= a.length(); i++) {
      for (int j = 0; j <= b.length(); j++) {
        if (!reach[i][j]) {
          continue;
        }
        boolean aRun = i < a.length() && aIsPattern && a.charAt(i) == '*';
        boolean bRun = j < b.length() && bIsPattern && b.charAt(j) == '*';
        if (aRun) {
          reach[i + 1][j] = true; // the run ends here, empty or not
        }
        if (bRun) {
          reach[i][j + 1] = true;
        }
        if (aRun && j < b.length() && !bRun) {
          reach[i][j + 1] = true; // the run eats b's next character
        }
        if (bRun && i < a.length() && !aRun) {
          reach[i + 1][j] = true;
        }
        if (i < a.length()
            && j < b.length()
            && !aRun
            && !bRun
            && sameChar(a, i, aIsPattern, b, j, bIsPattern)) {
          reach[i + 1][j + 1] = true;
        }
      }
    }
    return reach[a.length()][b.length()];
  }

  private static boolean sameChar(
      String a, int i, boolean aIsPattern, String b, int j, boolean bIsPattern) {
    return (aIsPattern && a.charAt(i) == '?')
        || (bIsPattern && b.charAt(j) == '?')
        || a.charAt(i) == b.charAt(j);
  }
}
