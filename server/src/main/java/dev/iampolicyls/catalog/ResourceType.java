package dev.iampolicyls.catalog;

import java.util.List;
import java.util.Objects;

/**
 * A resource type of a service, e.g. s3 {@code object} with ARN format {@code
 * arn:${Partition}:s3:::${BucketName}/${ObjectName}}.
 */
public record ResourceType(String name, String arnFormat, List<String> conditionKeys) {
  public ResourceType {
    conditionKeys = List.copyOf(conditionKeys);
  }

  /**
   * Equality written out: the generated one links method handles on its first use (~25 ms in the
   * middle of a batch, see GrantAnalysis's key), and C1 does not inline through them.
   */
  @Override
  public boolean equals(Object o) {
    return o == this
        || o instanceof ResourceType t
            && Objects.equals(name, t.name)
            && Objects.equals(arnFormat, t.arnFormat)
            && conditionKeys.equals(t.conditionKeys);
  }

  /** The generated hash's formula (component by component, times 31), so sets iterate alike. */
  @Override
  public int hashCode() {
    return (31 * Objects.hashCode(name) + Objects.hashCode(arnFormat)) * 31
        + conditionKeys.hashCode();
  }
}
