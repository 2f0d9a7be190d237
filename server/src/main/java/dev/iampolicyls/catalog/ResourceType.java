package dev.iampolicyls.catalog;

import java.util.List;

/**
 * A resource type of a service, e.g. s3 {@code object} with ARN format {@code
 * arn:${Partition}:s3:::${BucketName}/${ObjectName}}.
 */
public record ResourceType(String name, String arnFormat, List<String> conditionKeys) {
  public ResourceType {
    conditionKeys = List.copyOf(conditionKeys);
  }
}
