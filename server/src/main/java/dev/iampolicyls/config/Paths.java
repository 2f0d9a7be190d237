package dev.iampolicyls.config;

import java.nio.file.Path;

/** Matching documents against globs relative to a base folder. */
final class Paths {
  private Paths() {}

  static boolean matches(Path base, Glob glob, Path document) {
    if (document == null || base == null) {
      return false;
    }
    Path doc = document.toAbsolutePath().normalize();
    Path root = base.toAbsolutePath().normalize();
    if (!doc.startsWith(root)) {
      return false;
    }
    return glob.matches(root.relativize(doc).toString().replace('\\', '/'));
  }
}
