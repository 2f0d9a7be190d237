package dev.iampolicyls.config;

import dev.iampolicyls.policy.Policy;
import java.nio.file.Path;

/**
 * A policy no policy of the project may exceed: in the files a glob picks (all when none is given),
 * a statement that grants access it does not is reported (EXCEEDS_REFERENCE_POLICY).
 *
 * @param base the folder the file and the files glob are relative to
 * @param file the reference policy's path as the configuration writes it
 * @param policy the reference policy, read when the configuration was
 * @param files the files it applies to, or null for every file
 * @param reason why it exists, for the finding's message, or null
 */
public record ReferencePolicy(Path base, String file, Policy policy, Glob files, String reason) {

  /**
   * Whether it applies to a document: one the glob picks, other than the reference itself. One
   * without a path gets only the reference policies for all files.
   */
  public boolean appliesTo(Path document) {
    if (document != null
        && document
            .toAbsolutePath()
            .normalize()
            .equals(base.resolve(file).toAbsolutePath().normalize())) {
      return false;
    }
    return files == null || (document != null && Paths.matches(base, files, document));
  }

  /** The reference policy's file. */
  public Path path() {
    return base.resolve(file).toAbsolutePath().normalize();
  }
}
