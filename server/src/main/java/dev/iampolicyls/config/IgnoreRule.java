package dev.iampolicyls.config;

import java.nio.file.Path;

/**
 * Findings of one code are not reported in files matching a glob; the reason is required so the
 * exception explains itself to the next reader.
 *
 * @param files the files it covers, or null for every file
 */
public record IgnoreRule(Path base, String code, Glob files, String reason) {
  public boolean covers(Path document) {
    return files == null || (document != null && Paths.matches(base, files, document));
  }
}
