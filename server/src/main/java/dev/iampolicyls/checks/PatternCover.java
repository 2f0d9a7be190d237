package dev.iampolicyls.checks;

import java.util.List;

/**
 * Whether one IAM wildcard pattern covers another: every string the inner pattern matches, the
 * outer one matches too ({@code s3:Get*} covers {@code s3:GetObject} and {@code s3:GetObject*}).
 *
 * <p>An O(inner × outer) table, no regular expressions. It is sound but not complete: an answer of
 * true is always right, while a few exotic pairs ({@code a?*} inside {@code a*?}) get false. Checks
 * built on it therefore miss a rare redundancy rather than report a wrong one.
 */
final class PatternCover {
  private static final char RUN = '\u0000';
  private static final char ONE = '\u0001';

  /**
   * The longest list whose entries are compared pairwise. IAM's size quotas keep real lists to a
   * few hundred entries; above this, redundancy checks stay silent rather than take quadratic time.
   */
  static final int MAX_PAIRWISE = 2_000;

  /** Patterns longer than IAM allows anywhere (ARNs are at most 2,048) are not compared. */
  private static final int MAX_PATTERN = 4_096;

  private PatternCover() {}

  /**
   * Whether {@code text[from, to)} is plain: ASCII letters, digits, {@code -}, {@code _} and {@code
   * .}, which {@link #covers} compares one for one (case aside). Two different plain service parts
   * can so never cover each other, which lets the redundancy checks compare an action only with its
   * own service's. A wildcard, a variable or a non-ASCII letter (whose case folding varies) is not
   * plain.
   */
  static boolean isPlain(String text, int from, int to) {
    for (int k = from; k < to; k++) {
      char c = text.charAt(k);
      if (!(c >= 'a' && c <= 'z'
          || c >= 'A' && c <= 'Z'
          || c >= '0' && c <= '9'
          || c == '-'
          || c == '_'
          || c == '.')) {
        return false;
      }
    }
    return true;
  }

  /** Whether {@code outer} covers {@code inner}; letters compared ignoring case when asked. */
  static boolean covers(String outer, String inner, boolean ignoreCase) {
    if (outer.equals(inner)) {
      return true;
    }
    if (outer.length() > MAX_PATTERN || inner.length() > MAX_PATTERN) {
      return false; // sound: a missed redundancy, never a wrong one; and no huge table
    }
    if (!literalPrefixAgrees(outer, inner, ignoreCase)) {
      return false; // the common case in long lists, decided without the table
    }
    char[] a = tokens(inner, true, ignoreCase);
    char[] b = tokens(outer, false, ignoreCase);
    boolean[][] reach = new boolean[a.length + 1][b.length + 1];
    reach[0][0] = true;
    for (int i = 0; i <= a.length; i++) {
      for (int j = 0; j <= b.length; j++) {
        if (!reach[i][j] || j == b.length) {
          continue;
        }
        char t = b[j];
        if (t == RUN) {
          reach[i][j + 1] = true; // the outer star takes nothing more
          if (i < a.length) {
            reach[i + 1][j] = true; // or swallows one more inner token, whatever it is
          }
        } else if (i < a.length) {
          boolean ok = t == ONE ? a[i] != RUN : a[i] == t;
          if (ok) {
            reach[i + 1][j + 1] = true;
          }
        }
      }
    }
    return reach[a.length][b.length];
  }

  /**
   * Covering for ARNs: field by field when both have six fields, so a star cannot reach across a
   * colon the way IAM never lets it; {@code *} alone covers everything. Case-sensitive.
   */
  /**
   * Every string the outer pattern matches starts with its text before the first wildcard; the
   * inner pattern can only be covered if it spells that same text, with no wildcard or variable of
   * its own there.
   */
  private static boolean literalPrefixAgrees(String outer, String inner, boolean ignoreCase) {
    for (int k = 0; k < outer.length(); k++) {
      char o = outer.charAt(k);
      if (o == '*' || o == '?' || o == '$') {
        return true;
      }
      if (k >= inner.length()) {
        return false;
      }
      char i = inner.charAt(k);
      if (i == '*' || i == '?' || i == '$') {
        return false;
      }
      if (o != i && !(ignoreCase && Character.toLowerCase(o) == Character.toLowerCase(i))) {
        return false;
      }
    }
    return true;
  }

  static boolean coversArn(String outer, String inner) {
    if (outer.equals("*") || outer.equals(inner)) {
      return true;
    }
    return coversArn(outer, ArnText.fields(outer), inner, ArnText.fields(inner));
  }

  /** As {@link #coversArn(String, String)}, with the ARNs' fields split already. */
  static boolean coversArn(String outer, List<String> o, String inner, List<String> i) {
    if (outer.equals("*") || outer.equals(inner)) {
      return true;
    }
    if (o.size() == 6 && i.size() == 6) {
      for (int k = 0; k < 6; k++) {
        if (!covers(o.get(k), i.get(k), false)) {
          return false;
        }
      }
      return true;
    }
    return false;
  }

  /**
   * Tokens of a pattern. In the inner pattern a policy variable may become anything, so it reads as
   * a star; in the outer one it stays literal text, which only the same text or a star matches.
   */
  private static char[] tokens(String s, boolean inner, boolean ignoreCase) {
    StringBuilder sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (inner && c == '$' && i + 1 < s.length() && s.charAt(i + 1) == '{') {
        int close = s.indexOf('}', i + 2);
        if (close > 0) {
          sb.append(RUN);
          i = close;
          continue;
        }
      }
      if (c == '*') {
        sb.append(RUN);
      } else if (c == '?') {
        sb.append(ONE);
      } else {
        sb.append(ignoreCase ? Character.toLowerCase(c) : c);
      }
    }
    return sb.toString().toCharArray();
  }
}
