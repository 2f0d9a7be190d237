package dev.iampolicyls.config;

import dev.iampolicyls.catalog.WildcardMatcher;
import java.util.ArrayList;
import java.util.List;

/**
 * A file glob over '/'-separated relative paths: {@code *} matches any run of characters within one
 * folder or file name, {@code ?} one such character, and a {@code **} segment any number of folders
 * (also none). Matching is case-sensitive, like the file systems CI runs on.
 *
 * <p>No regular expressions: names and segments are matched by greedy scans that back up only to
 * the last star, so a pattern from a configuration file cannot make matching blow up.
 */
public final class Glob {
  private static final String ANY_FOLDERS = "**";

  private final String pattern;
  private final List<String> segments;

  private Glob(String pattern, List<String> segments) {
    this.pattern = pattern;
    this.segments = segments;
  }

  /** Compiles a pattern; leading "./" and doubled or trailing slashes are ignored. */
  public static Glob of(String pattern) {
    List<String> segments = new ArrayList<>();
    for (String s : pattern.replace('\\', '/').split("/")) {
      if (!s.isEmpty() && !s.equals(".")) {
        segments.add(s);
      }
    }
    return new Glob(pattern, List.copyOf(segments));
  }

  public String pattern() {
    return pattern;
  }

  /** Whether a relative path ('/'-separated, no leading slash) matches. */
  public boolean matches(String relativePath) {
    List<String> path = new ArrayList<>();
    for (String s : relativePath.split("/")) {
      if (!s.isEmpty() && !s.equals(".")) {
        path.add(s);
      }
    }
    int p = 0;
    int t = 0;
    int star = -1;
    int mark = 0;
    while (t < path.size()) {
      if (p < segments.size()) {
        String seg = segments.get(p);
        if (seg.equals(ANY_FOLDERS)) {
          star = p++;
          mark = t;
          continue;
        }
        // One name per segment, so '*' and '?' never cross a '/'.
        if (WildcardMatcher.matchesExactCase(seg, path.get(t))) {
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
    while (p < segments.size() && segments.get(p).equals(ANY_FOLDERS)) {
      p++;
    }
    return p == segments.size();
  }

  @Override
  public String toString() {
    return pattern;
  }
}
