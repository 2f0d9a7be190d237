package dev.iampolicyls.semantics;

import dev.iampolicyls.cache.BoundedMemo;
import dev.iampolicyls.catalog.Action;
import dev.iampolicyls.catalog.ActionResource;
import dev.iampolicyls.catalog.Catalog;
import dev.iampolicyls.catalog.ResourceType;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Decisions about Resource patterns against the ARN formats of resource types: whether a pattern
 * may name a resource of a type, whether it names every one, and the breadth class of a pattern for
 * a set of actions. See {@link ResourceGlob} for the engine and {@link ResourceFormat} for the
 * typed reading of the catalog's formats.
 */
public final class ResourceSemantics {
  private ResourceSemantics() {}

  /** Whether some ARN of the type matches the pattern. */
  public static boolean intersects(ResourcePattern pattern, ResourceFormat format) {
    if (pattern.isStar()) {
      return true;
    }
    String head = pattern.resourceHead();
    if (head != null && !format.mayStartWith(head)) {
      return false; // most types of a service: instance/ is no volume/
    }
    ResourceGlob[] p = pattern.fieldGlobs();
    List<ResourceFormat.Fields> alternatives = format.byField();
    if (p == null || alternatives == null) {
      for (ResourceGlob g : format.globs()) {
        if (ResourceGlob.intersects(pattern.glob(), g)) {
          return true;
        }
      }
      return false;
    }
    for (ResourceFormat.Fields f : alternatives) {
      if (ResourceGlob.intersects(p[5], f.resource()) && headsMeet(p, f)) {
        return true;
      }
    }
    return false;
  }

  private static boolean headsMeet(ResourceGlob[] p, ResourceFormat.Fields f) {
    for (int k = 0; k < 4; k++) {
      if (!ResourceGlob.intersects(p[k], f.head()[k])) {
        return false;
      }
    }
    for (ResourceGlob account : f.accounts()) {
      if (ResourceGlob.intersects(p[4], account)) {
        return true;
      }
    }
    return false;
  }

  /** Whether the pattern matches every ARN of the type (in the partition it names). */
  public static boolean covers(ResourcePattern pattern, ResourceFormat format) {
    return pattern.isStar() || coversAll(pattern, format, false);
  }

  /**
   * Whether the pattern names one account and matches every ARN of the type in that account (and
   * the partition it names).
   */
  public static boolean coversInAccount(ResourcePattern pattern, ResourceFormat format) {
    return pattern.namesOneAccount() && coversAll(pattern, format, true);
  }

  private static boolean coversAll(ResourcePattern p, ResourceFormat f, boolean fixAccount) {
    ResourceGlob outer = p.surely(fixAccount);
    for (ResourceGlob inner : f.fixing(p.fixesPartition(), fixAccount)) {
      if (!ResourceGlob.covers(outer, inner)) {
        return false;
      }
    }
    return true;
  }

  /**
   * The breadth of a Resource pattern for actions acting on these resource types. No types (the
   * catalog lists the actions without any) leaves only {@code *} broad.
   */
  public static ResourceBreadth breadth(String resource, Collection<ResourceType> types) {
    ResourcePattern p = ResourcePattern.of(resource);
    if (p.isStar()) {
      return ResourceBreadth.EVERY_RESOURCE;
    }
    if (types.isEmpty()) {
      return ResourceBreadth.NAMED;
    }
    List<ResourceFormat> formats = new ArrayList<>();
    boolean named = false;
    for (ResourceType t : types) {
      ResourceFormat f = ResourceFormat.of(t);
      formats.add(f);
      named |= intersects(p, f);
    }
    if (!named) {
      return ResourceBreadth.NO_RESOURCE;
    }
    if (resource.indexOf('*') < 0) {
      return ResourceBreadth.NAMED; // without a star it names boundedly many: no type is that few
    }
    if (formats.stream().allMatch(f -> covers(p, f))) {
      return ResourceBreadth.EVERY_RESOURCE;
    }
    if (formats.stream().allMatch(f -> coversInAccount(p, f))) {
      return ResourceBreadth.EVERY_RESOURCE_OF_TYPE_IN_ACCOUNT;
    }
    return ResourceBreadth.NAMED;
  }

  /**
   * {@link #breadth(String, Action)}, remembered per catalog: the same role patterns recur across
   * statements and files.
   */
  public static ResourceBreadth breadth(Catalog catalog, String resource, Action action) {
    return BoundedMemo.remember(
        catalog.<ResourceBreadth>memo(ResourceBreadth.class),
        typesKey(action) + '\n' + resource,
        20_000,
        k -> breadth(resource, action));
  }

  /**
   * What the breadth of a pattern depends on for an action: its resource types. Many actions share
   * them (fifty EC2 actions act on instances), so the answer is kept per types, not per action.
   */
  private static String typesKey(Action action) {
    StringBuilder key = new StringBuilder();
    for (ActionResource ar : action.resourceTypes()) {
      if (ar.resourceType().isEmpty()) {
        return action.qualifiedName(); // a type the catalog does not define: its own answer
      }
      key.append(ar.resourceType().get().arnFormat()).append(' ');
    }
    return key.toString();
  }

  /** The breadth of a Resource pattern for one action, over the resource types it acts on. */
  public static ResourceBreadth breadth(String resource, Action action) {
    List<ResourceType> types = new ArrayList<>();
    for (ActionResource ar : action.resourceTypes()) {
      if (ar.resourceType().isEmpty()) {
        return breadth(resource, List.of()); // a type the catalog does not define: unsure
      }
      types.add(ar.resourceType().get());
    }
    return breadth(resource, types);
  }
}
