package dev.iampolicyls.cli;

import dev.iampolicyls.config.Glob;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code --exclude} patterns, read like .gitignore lines: a pattern with a '/' is matched against
 * the path under the searched folder, one without against every file and folder name on the way.
 * They apply to what a folder walk finds; a file named on the command line is always checked.
 */
final class Excludes {
  static final Excludes NONE = new Excludes(List.of());

  private final List<Glob> globs;
  private final List<Boolean> anchored;

  Excludes(List<String> patterns) {
    this.globs = patterns.stream().map(p -> Glob.of(stripTrailingSlash(p))).toList();
    this.anchored = patterns.stream().map(p -> stripTrailingSlash(p).contains("/")).toList();
  }

  /** Whether the file or folder {@code entry}, found under {@code root}, is excluded. */
  boolean excludes(Path root, Path entry) {
    return !globs.isEmpty() && excludes(root.relativize(entry));
  }

  /** Whether the file or folder at {@code relative} (to the searched root) is excluded. */
  boolean excludes(Path relative) {
    String path = relative.toString().replace('\\', '/');
    if (path.isEmpty()) {
      return false;
    }
    String name = relative.getFileName().toString();
    for (int i = 0; i < globs.size(); i++) {
      Glob glob = globs.get(i);
      if (glob.matches(path) || (!anchored.get(i) && glob.matches(name))) {
        return true;
      }
    }
    return false;
  }

  private static String stripTrailingSlash(String pattern) {
    String p = pattern.trim();
    while (p.length() > 1 && p.endsWith("/")) {
      p = p.substring(0, p.length() - 1);
    }
    return p.startsWith("/") ? p.substring(1) : p;
  }
}
