package dev.iampolicyls.catalog;

import java.util.List;
import java.util.Optional;

/**
 * One row of an action's resource-type table: the resource type it applies to, whether it is
 * required, and the condition keys and dependent actions that apply with that resource type.
 *
 * @param name the resource type name as written for the action
 * @param resolvedType the service's resource type of that name, or {@code null} if it has none
 */
public record ActionResource(
    String name,
    boolean required,
    List<String> conditionKeys,
    List<String> dependentActions,
    ResourceType resolvedType) {

  public ActionResource {
    conditionKeys = List.copyOf(conditionKeys);
    dependentActions = List.copyOf(dependentActions);
  }

  /** The resource type this row refers to, when the service defines it. */
  public Optional<ResourceType> resourceType() {
    return Optional.ofNullable(resolvedType);
  }
}
