package dev.iampolicyls.config;

import dev.iampolicyls.policy.PolicyResourceType;
import dev.iampolicyls.policy.PolicyType;
import java.nio.file.Path;

/**
 * Files matching a glob are policies of this type.
 *
 * @param base the folder the glob is relative to (the configuration file's, or the workspace's)
 * @param resourceType for resource policies, the resource they are attached to, or null
 * @param customerManaged for identity policies: a customer managed policy, with its smaller quota
 */
public record PolicyTypeRule(
    Path base,
    Glob files,
    PolicyType type,
    PolicyResourceType resourceType,
    boolean customerManaged) {

  public boolean matches(Path document) {
    return Paths.matches(base, files, document);
  }
}
