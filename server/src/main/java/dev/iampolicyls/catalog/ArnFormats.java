package dev.iampolicyls.catalog;

import java.util.ArrayList;
import java.util.List;

/**
 * Decides whether a resource ARN written in a policy can name a resource of a type whose ARN format
 * the catalog gives, e.g. whether {@code arn:aws:s3:::my-bucket/*} fits {@code
 * arn:${Partition}:s3:::${BucketName}/${ObjectName}}.
 *
 * <p>Both sides are patterns: the format has placeholders, the policy ARN may hold wildcards
 * ({@code *}, {@code ?}) and policy variables ({@code ${aws:username}}). They fit when some
 * concrete ARN matches both. Placeholders and variables are read as "any text", so the answer leans
 * to "fits" whenever it cannot be sure: a check built on it stays silent rather than guess. Runs in
 * O(format length × ARN length) with no regular expressions.
 */
public final class ArnFormats {
  /** Longer ARNs are not compared: nothing real is that long, and the cost would grow. */
  static final int MAX_LENGTH = 2048;

  private static final char ANY_RUN = '\u0000';
  private static final char ANY_ONE = '\u0001';

  private ArnFormats() {}

  /** Whether some ARN matches both the catalog format and the policy's ARN pattern. */
  public static boolean fits(String format, String policyArn) {
    if (format.length() > MAX_LENGTH || policyArn.length() > MAX_LENGTH) {
      return true;
    }
    String[] f = format.split(":", 6);
    String[] p = policyArn.split(":", 6);
    if (f.length == 6 && p.length == 6) {
      // Partition, service, region and account hold no colons: compare them field by field so
      // a wildcard cannot stretch across fields; the resource part may hold colons.
      for (int i = 0; i < 6; i++) {
        if (!intersects(tokens(f[i], false), tokens(p[i], true))) {
          return false;
        }
      }
      return true;
    }
    return intersects(tokens(format, false), tokens(policyArn, true));
  }

  /** Letters of the pattern; placeholders and '*' become ANY_RUN, '?' in a policy ANY_ONE. */
  static char[] tokens(String s, boolean policySide) {
    List<Character> out = new ArrayList<>(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '$' && i + 1 < s.length() && s.charAt(i + 1) == '{') {
        int close = s.indexOf('}', i + 2);
        if (close > 0) {
          out.add(ANY_RUN);
          i = close;
          continue;
        }
      }
      if (policySide && c == '*') {
        out.add(ANY_RUN);
      } else if (policySide && c == '?') {
        out.add(ANY_ONE);
      } else {
        out.add(Character.toLowerCase(c));
      }
    }
    char[] t = new char[out.size()];
    for (int i = 0; i < t.length; i++) {
      t[i] = out.get(i);
    }
    return t;
  }

  /**
   * Whether two token patterns share a match. reach[i][j]: some string takes a through i tokens and
   * b through j tokens at once. Filled forward, row by row, without recursion.
   */
  static boolean intersects(char[] a, char[] b) {
    boolean[][] reach = new boolean[a.length + 1][b.length + 1];
    reach[0][0] = true;
    for (int i = 0; i <= a.length; i++) {
      for (int j = 0; j <= b.length; j++) {
        if (!reach[i][j]) {
          continue;
        }
        boolean aRun = i < a.length && a[i] == ANY_RUN;
        boolean bRun = j < b.length && b[j] == ANY_RUN;
        // A run may match nothing: step past it alone.
        if (aRun) {
          reach[i + 1][j] = true;
        }
        if (bRun) {
          reach[i][j + 1] = true;
        }
        // One character of the string, taken by both sides.
        if (i < a.length && j < b.length) {
          boolean sameChar = a[i] == b[j] || a[i] == ANY_ONE || b[j] == ANY_ONE || aRun || bRun;
          if (sameChar) {
            // A run stays where it is after taking a character; anything else moves on.
            int ni = aRun ? i : i + 1;
            int nj = bRun ? j : j + 1;
            if (aRun && bRun) {
              // both runs take the character: nothing moves; equivalent to skipping, so skip
              continue;
            }
            reach[ni][nj] = true;
          }
        }
      }
    }
    return reach[a.length][b.length];
  }
}
