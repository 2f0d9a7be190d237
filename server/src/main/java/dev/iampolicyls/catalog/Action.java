package dev.iampolicyls.catalog;

import java.util.List;

/** An IAM action such as {@code s3:GetObject}. */
public final class Action {
  private final Service service;
  private final String name;
  private final String description;
  private final AccessLevel accessLevel;
  private final List<ActionResource> resourceTypes;
  private final List<String> conditionKeys;
  private final List<String> dependentActions;
  private final int usage;
  private final int position;
  private String resourceTypesKey; // built on first use; a benign race builds the same string
  private ActionConditionKeys.KeySet keyLookup; // likewise: an equal, immutable set
  private String qualifiedName; // likewise: comparisons ask for it for every action of a service

  Action(
      Service service,
      String name,
      String description,
      AccessLevel accessLevel,
      List<ActionResource> resourceTypes,
      List<String> conditionKeys,
      List<String> dependentActions,
      int usage,
      int position) {
    this.service = service;
    this.name = name;
    this.description = description;
    this.accessLevel = accessLevel;
    this.resourceTypes = List.copyOf(resourceTypes);
    this.conditionKeys = List.copyOf(conditionKeys);
    this.dependentActions = List.copyOf(dependentActions);
    this.usage = usage;
    this.position = position;
  }

  /** Its place in its service's list of actions (numbering actions needs no look-up). */
  public int position() {
    return position;
  }

  public Service service() {
    return service;
  }

  /** The action name in its documented case, e.g. {@code GetObject}. */
  public String name() {
    return name;
  }

  /** {@code prefix:Name}, e.g. {@code s3:GetObject}. */
  public String qualifiedName() {
    String q = qualifiedName;
    if (q == null) {
      q = service.prefix() + ":" + name;
      qualifiedName = q;
    }
    return q;
  }

  public String description() {
    return description;
  }

  public AccessLevel accessLevel() {
    return accessLevel;
  }

  /** The resource types the action can be scoped to; empty if it only supports "*". */
  public List<ActionResource> resourceTypes() {
    return resourceTypes;
  }

  /**
   * The ARN formats of its resource types, one string, or null when a type is not in the catalog:
   * actions with the same key act on the same types, so answers that depend on the types alone (how
   * broad a Resource pattern is for them) are shared.
   */
  public String resourceTypesKey() {
    String key = resourceTypesKey;
    if (key == null) {
      key = buildResourceTypesKey();
      resourceTypesKey = key;
    }
    return key == UNDEFINED_TYPE ? null : key;
  }

  /** Marks a key not built because a type is not in the catalog (compared by identity). */
  @SuppressWarnings("StringOperationCanBeSimplified")
  private static final String UNDEFINED_TYPE = new String("undefined");

  private String buildResourceTypesKey() {
    StringBuilder b = new StringBuilder();
    for (ActionResource ar : resourceTypes) {
      if (ar.resourceType().isEmpty()) {
        return UNDEFINED_TYPE;
      }
      b.append(ar.resourceType().get().arnFormat()).append(' ');
    }
    return b.toString();
  }

  /** Its condition keys ready for {@link ActionConditionKeys}' look-ups, built on first use. */
  ActionConditionKeys.KeySet keyLookup() {
    ActionConditionKeys.KeySet keys = keyLookup;
    if (keys == null) {
      keys = ActionConditionKeys.KeySet.of(this);
      keyLookup = keys;
    }
    return keys;
  }

  /** Condition keys the action supports regardless of resource type. */
  public List<String> conditionKeys() {
    return conditionKeys;
  }

  /** Other actions the caller may also need permission for. */
  public List<String> dependentActions() {
    return dependentActions;
  }

  /**
   * How many AWS managed policies name the action in an Allow or Deny statement ({@link
   * UsageCounts}); 0 if none does or the catalog has no counts.
   */
  public int usage() {
    return usage;
  }

  /** Link to this action's row in the AWS Service Authorization Reference. */
  public String documentationUrl() {
    return DocumentationUrls.action(service.docSlug(), name);
  }

  @Override
  public String toString() {
    return qualifiedName();
  }
}
