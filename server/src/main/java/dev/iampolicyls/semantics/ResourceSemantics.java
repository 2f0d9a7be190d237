package dev.iampolicyls.semantics;

import dev.iampolicyls.cache.BoundedMemo;
import dev.iampolicyls.catalog.Action;
import dev.iampolicyls.catalog.ActionResource;
import dev.iampolicyls.catalog.Catalog;
import dev.iampolicyls.catalog.ResourceType;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

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
    return new PatternAnswers(resource).breadth(types);
  }

  /**
   * {@link #breadth(String, Action)}, remembered per catalog: the same role patterns recur across
   * statements and files, and a NotAction statement asks for thousands of actions. The answer
   * depends on the action's resource types only, and many actions share them (fifty EC2 actions act
   * on instances), so it is kept per pattern and per {@link Action#resourceTypesKey}; each type's
   * facts (named, covered) are kept too, as many sets of types share a type.
   */
  public static ResourceBreadth breadth(Catalog catalog, String resource, Action action) {
    return answers(catalog, resource).breadth(action);
  }

  /**
   * What is remembered of one Resource pattern in a catalog. A caller asking about many actions
   * against one pattern (a NotAction grant: thousands) looks the pattern up once.
   */
  public static PatternAnswers answers(Catalog catalog, String resource) {
    return BoundedMemo.remember(
        catalog.<PatternAnswers>memo(PatternAnswers.class),
        resource,
        MAX_PATTERNS,
        PatternAnswers::new);
  }

  /**
   * Patterns remembered per catalog, and answers of each kind per pattern: a bound on hostile input
   * (at most about 1M small entries; the managed policies need 2,000 patterns and a few answers
   * each).
   */
  private static final int MAX_PATTERNS = 2_000;

  private static final int MAX_ANSWERS_PER_PATTERN = 128;

  /**
   * What is known of one Resource pattern against the catalog's types: the pattern compiled once,
   * its breadth per set of types, and per type whether it names, covers, and covers in its account.
   */
  public static final class PatternAnswers {
    private final ResourcePattern pattern;
    private final Map<String, ResourceBreadth> byTypes = new ConcurrentHashMap<>();
    private final Map<String, Boolean> everyByTypes = new ConcurrentHashMap<>();
    private final Map<ResourceFormat, Boolean> intersects = new ConcurrentHashMap<>();
    private final Map<ResourceFormat, Boolean> covers = new ConcurrentHashMap<>();
    private final Map<ResourceFormat, Boolean> coversInAccount = new ConcurrentHashMap<>();

    PatternAnswers(String resource) {
      this.pattern = ResourcePattern.of(resource);
    }

    /** {@link ResourceSemantics#breadth(Catalog, String, Action)}. */
    public ResourceBreadth breadth(Action action) {
      String typesKey = action.resourceTypesKey();
      if (typesKey == null) {
        // A type the catalog does not define: unsure, as with no types, where only * is broad.
        return pattern.isStar() ? ResourceBreadth.EVERY_RESOURCE : ResourceBreadth.NAMED;
      }
      return BoundedMemo.remember(
          byTypes, typesKey, MAX_ANSWERS_PER_PATTERN, k -> breadth(typesOf(action)));
    }

    /**
     * Whether the breadth for the action is {@link ResourceBreadth#EVERY_RESOURCE}, the one
     * question of RESOURCE_STAR: it needs the covering facts only, not which types the pattern
     * names (the intersections) unless every type is covered.
     */
    public boolean isEveryResource(Action action) {
      if (pattern.isStar()) {
        return true;
      }
      String typesKey = action.resourceTypesKey();
      if (typesKey == null || pattern.text().indexOf('*') < 0) {
        return false; // unsure, so named; or without a star, boundedly many
      }
      return BoundedMemo.remember(
          everyByTypes, typesKey, MAX_ANSWERS_PER_PATTERN, k -> coversEvery(typesOf(action)));
    }

    /** {@link #breadth(Collection)} is EVERY_RESOURCE, for a pattern with a star, not "*". */
    private boolean coversEvery(List<ResourceType> types) {
      if (types.isEmpty()) {
        return false;
      }
      for (ResourceType t : types) {
        if (!fact(covers, ResourceFormat.of(t), g -> covers(pattern, g))) {
          return false;
        }
      }
      // Covering every type is "every resource" when the pattern names one of them at all.
      for (ResourceType t : types) {
        if (fact(intersects, ResourceFormat.of(t), g -> ResourceSemantics.intersects(pattern, g))) {
          return true;
        }
      }
      return false;
    }

    /** {@link ResourceSemantics#breadth(String, Collection)}, from the facts of each type. */
    ResourceBreadth breadth(Collection<ResourceType> types) {
      if (pattern.isStar()) {
        return ResourceBreadth.EVERY_RESOURCE;
      }
      if (types.isEmpty()) {
        return ResourceBreadth.NAMED;
      }
      List<ResourceFormat> formats = new ArrayList<>(types.size());
      boolean named = false;
      for (ResourceType t : types) {
        ResourceFormat f = ResourceFormat.of(t);
        formats.add(f);
        // One type named is enough: the others need not be intersected.
        named = named || fact(intersects, f, g -> ResourceSemantics.intersects(pattern, g));
      }
      if (!named) {
        return ResourceBreadth.NO_RESOURCE;
      }
      if (pattern.text().indexOf('*') < 0) {
        return ResourceBreadth.NAMED; // without a star it names boundedly many: no type is that few
      }
      if (formats.stream().allMatch(f -> fact(covers, f, g -> covers(pattern, g)))) {
        return ResourceBreadth.EVERY_RESOURCE;
      }
      if (formats.stream()
          .allMatch(f -> fact(coversInAccount, f, g -> coversInAccount(pattern, g)))) {
        return ResourceBreadth.EVERY_RESOURCE_OF_TYPE_IN_ACCOUNT;
      }
      return ResourceBreadth.NAMED;
    }

    private static boolean fact(
        Map<ResourceFormat, Boolean> known,
        ResourceFormat format,
        Predicate<ResourceFormat> compute) {
      Boolean fact = known.get(format);
      if (fact == null) {
        if (known.size() > MAX_ANSWERS_PER_PATTERN) {
          known.clear();
        }
        fact = compute.test(format);
        known.put(format, fact);
      }
      return fact;
    }
  }

  /** The breadth of a Resource pattern for one action, over the resource types it acts on. */
  public static ResourceBreadth breadth(String resource, Action action) {
    List<ResourceType> types = typesOf(action);
    return breadth(resource, types == null ? List.of() : types); // undefined: unsure, as none
  }

  /** The action's resource types, or null when one is not in the catalog. */
  private static List<ResourceType> typesOf(Action action) {
    List<ResourceType> types = new ArrayList<>(action.resourceTypes().size());
    for (ActionResource ar : action.resourceTypes()) {
      if (ar.resourceType().isEmpty()) {
        return null;
      }
      types.add(ar.resourceType().get());
    }
    return types;
  }
}
