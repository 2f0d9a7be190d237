package dev.iampolicyls.catalog;

import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

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
    return fits(format, PolicyArn.of(policyArn));
  }

  /**
   * A policy's ARN pattern read once, for comparing it with many formats (an ARN against every
   * resource type of its service).
   */
  public static final class PolicyArn {
    private final String text;
    private final char[] whole;
    private final char[][] fields;

    private PolicyArn(String text) {
      this.text = text;
      if (text.length() > MAX_LENGTH) {
        whole = null;
        fields = null;
        return;
      }
      whole = tokens(text, true);
      String[] p = text.split(":", 6);
      if (p.length == 6) {
        fields = new char[6][];
        for (int i = 0; i < 6; i++) {
          fields[i] = tokens(p[i], true);
        }
      } else {
        fields = null;
      }
    }

    public static PolicyArn of(String policyArn) {
      return new PolicyArn(policyArn);
    }

    public String text() {
      return text;
    }
  }

  /** Whether some ARN matches both the catalog format and the policy's ARN pattern. */
  public static boolean fits(String format, PolicyArn arn) {
    if (format.length() > MAX_LENGTH || arn.whole == null) {
      return true;
    }
    FormatTokens f = formatTokens(format);
    if (f.fields() != null && arn.fields != null) {
      // Partition, service, region and account hold no colons: compare them field by field so
      // a wildcard cannot stretch across fields; the resource part may hold colons.
      for (int i = 0; i < 6; i++) {
        if (!intersects(f.fields()[i], arn.fields[i])) {
          return false;
        }
      }
      return true;
    }
    return intersects(f.whole(), arn.whole);
  }

  /**
   * Whether the two patterns start, or end, with single characters that differ before either
   * reaches a run: then no string matches both.
   */
  private static boolean literalEndsDiffer(char[] a, char[] b) {
    int n = Math.min(a.length, b.length);
    for (int k = 0; k < n && a[k] != ANY_RUN && b[k] != ANY_RUN; k++) {
      if (a[k] != b[k] && a[k] != ANY_ONE && b[k] != ANY_ONE) {
        return true;
      }
    }
    for (int k = 1; k <= n; k++) {
      char x = a[a.length - k];
      char y = b[b.length - k];
      if (x == ANY_RUN || y == ANY_RUN) {
        break;
      }
      if (x != y && x != ANY_ONE && y != ANY_ONE) {
        return true;
      }
    }
    return false;
  }

  /** A catalog format's tokens, whole and (when it has six fields) field by field. */
  private record FormatTokens(char[] whole, char[][] fields) {}

  /** Formats come from the catalog, a few thousand: tokenised once, not on every comparison. */
  private static final Map<String, FormatTokens> FORMAT_TOKENS = new ConcurrentHashMap<>();

  private static final int MAX_CACHED_FORMATS = 20_000;

  private static FormatTokens formatTokens(String format) {
    FormatTokens cached = FORMAT_TOKENS.get(format);
    if (cached != null) {
      return cached;
    }
    String[] f = format.split(":", 6);
    char[][] fields = null;
    if (f.length == 6) {
      fields = new char[6][];
      for (int i = 0; i < 6; i++) {
        fields[i] = tokens(f[i], false);
      }
    }
    FormatTokens computed = new FormatTokens(tokens(format, false), fields);
    if (FORMAT_TOKENS.size() >= MAX_CACHED_FORMATS) {
      FORMAT_TOKENS.clear(); // callers may pass other text than the catalog's: stay bounded
    }
    FORMAT_TOKENS.put(format, computed);
    return computed;
  }

  /** Letters of the pattern; placeholders and '*' become ANY_RUN, '?' in a policy ANY_ONE. */
  static char[] tokens(String s, boolean policySide) {
    char[] out = new char[s.length()];
    int n = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '$' && i + 1 < s.length() && s.charAt(i + 1) == '{') {
        int close = s.indexOf('}', i + 2);
        if (close > 0) {
          out[n++] = ANY_RUN;
          i = close;
          continue;
        }
      }
      if (policySide && c == '*') {
        out[n++] = ANY_RUN;
      } else if (policySide && c == '?') {
        out[n++] = ANY_ONE;
      } else {
        out[n++] = Character.toLowerCase(c);
      }
    }
    return n == out.length ? out : Arrays.copyOf(out, n);
  }

  /**
   * Whether two token patterns share a match. reach[i][j] (stored row by row in one array): some
   * string takes a through i tokens and b through j tokens at once. Filled forward, row by row,
   * without recursion.
   */
  static boolean intersects(char[] a, char[] b) {
    if ((a.length == 1 && a[0] == ANY_RUN) || (b.length == 1 && b[0] == ANY_RUN)) {
      return true; // a lone run ("*", "${Partition}") matches anything the other side does
    }
    if (literalEndsDiffer(a, b)) {
      return false; // the usual answer, for formats of other resource types: no table needed
    }
    int width = b.length + 1;
    boolean[] reach = new boolean[(a.length + 1) * width];
    reach[0] = true;
    for (int i = 0; i <= a.length; i++) {
      for (int j = 0; j <= b.length; j++) {
        if (!reach[i * width + j]) {
          continue;
        }
        boolean aRun = i < a.length && a[i] == ANY_RUN;
        boolean bRun = j < b.length && b[j] == ANY_RUN;
        // A run may match nothing: step past it alone.
        if (aRun) {
          reach[(i + 1) * width + j] = true;
        }
        if (bRun) {
          reach[i * width + j + 1] = true;
        }
        // One character of the string, taken by both sides.
        if (i < a.length && j < b.length) {
          boolean sameChar = a[i] == b[j] || a[i] == ANY_ONE || b[j] == ANY_ONE || aRun || bRun;
          if (sameChar) {
            if (aRun && bRun) {
              // both runs take the character: nothing moves; equivalent to skipping, so skip
              continue;
            }
            // A run stays where it is after taking a character; anything else moves on.
            int ni = aRun ? i : i + 1;
            int nj = bRun ? j : j + 1;
            reach[ni * width + nj] = true;
          }
        }
      }
    }
    return reach[a.length * width + b.length];
  }
}
