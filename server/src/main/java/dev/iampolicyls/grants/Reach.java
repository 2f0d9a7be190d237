package dev.iampolicyls.grants;

import dev.iampolicyls.cache.BoundedMemo;
import dev.iampolicyls.catalog.Action;
import dev.iampolicyls.catalog.ActionResource;
import dev.iampolicyls.catalog.Catalog;
import dev.iampolicyls.policy.StringElement;
import dev.iampolicyls.semantics.ResourceBreadth;
import dev.iampolicyls.semantics.ResourcePattern;
import dev.iampolicyls.semantics.ResourceSemantics;
import dev.iampolicyls.semantics.ResourceSemantics.PatternAnswers;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How much of what its actions act on a statement's Resource reaches, in the classes the checks
 * judge by: {@code "*"} and {@code arn:*:cloudtrail:*:*:trail/*} (for trail actions) are both
 * {@link #AS_BROAD_AS_STAR}; {@code arn:aws:iam::123456789012:role/*} is {@link
 * #A_WHOLE_TYPE_IN_AN_ACCOUNT} for role actions; {@code role/app-*} stays {@link #NAMED}. The
 * checks that judge "every resource" (RESOURCE_STAR: as broad as "*"; the risk checks: a whole type
 * in an account too) ask here, so no check keeps its own notion of broad.
 */
public enum Reach {
  /** Every resource the actions act on, in every account: {@code "*"}, NotResource. */
  AS_BROAD_AS_STAR,
  /** Every resource of the actions' types in one account. */
  A_WHOLE_TYPE_IN_AN_ACCOUNT,
  /** Some resources, or none. */
  NAMED;

  /** Whether this is at least as broad as {@code other}. */
  public boolean atLeast(Reach other) {
    return ordinal() <= other.ordinal();
  }

  static Reach of(ResourceBreadth breadth) {
    return switch (breadth) {
      case EVERY_RESOURCE -> AS_BROAD_AS_STAR;
      case EVERY_RESOURCE_OF_TYPE_IN_ACCOUNT -> A_WHOLE_TYPE_IN_AN_ACCOUNT;
      case NAMED, NO_RESOURCE -> NAMED;
    };
  }

  /**
   * What a grant's Resource reaches at least as broadly as wanted.
   *
   * @param actions the actions reached
   * @param byResource what each Resource string reaches, in order; empty for NotResource, which
   *     reaches all but a few
   */
  public record Reached(BitSet actions, List<By> byResource) {
    public boolean isEmpty() {
      return actions.isEmpty();
    }

    /** The first Resource string that reaches some of these actions, and how broadly. */
    public Optional<By> first(BitSet found) {
      return byResource.stream().filter(b -> b.actions().intersects(found)).findFirst();
    }

    /**
     * Where a message says the actions reach: "on every resource", or the class of the first
     * pattern that reaches some of them.
     */
    public String where(BitSet found) {
      By by = first(found).orElse(null);
      if (by == null) {
        return "on every resource";
      }
      String pattern = by.resource().value();
      Reach reach = by.reach();
      if (Grant.isStar(pattern)) {
        return "on every resource";
      }
      return reach == AS_BROAD_AS_STAR
          ? "on every resource (\"" + pattern + "\" reaches all of a type they act on)"
          : "on every resource of a type in an account (\"" + pattern + "\")";
    }
  }

  /** What one Resource string reaches, and the reach of its first action. */
  public record By(StringElement resource, BitSet actions, Reach reach) {}

  /** What of {@code actions} the grant reaches at least as broadly as {@code wanted}. */
  public static Reached reached(Grant g, BitSet actions, Reach wanted) {
    BitSet candidates = (BitSet) actions.clone();
    candidates.and(g.granted());
    if (candidates.isEmpty() || g.notResource()) {
      return new Reached(candidates, List.of()); // NotResource reaches all but a few
    }
    Optional<StringElement> star = g.starResource();
    if (star.isPresent()) {
      return new Reached(candidates, List.of(new By(star.get(), candidates, AS_BROAD_AS_STAR)));
    }
    List<By> byResource = new ArrayList<>();
    BitSet out = new BitSet();
    for (StringElement r : g.statement().resources()) {
      BitSet by = reachedBy(g, r, candidates, wanted);
      if (!by.isEmpty()) {
        Action first = g.index().action(by.nextSetBit(0));
        Catalog catalog = g.index().catalog();
        PatternAnswers answers = ResourceSemantics.answers(catalog, r.value());
        byResource.add(new By(r, by, reachOf(catalog, answers, r.value(), first, wanted)));
        out.or(by);
      }
    }
    return new Reached(out, List.copyOf(byResource));
  }

  /**
   * The actions of {@code candidates} that one Resource pattern reaches at least as broadly as
   * wanted. Candidates are taken as granted: pass only actions the grant grants.
   */
  public static BitSet reachedBy(Grant g, StringElement resource, BitSet candidates, Reach wanted) {
    BitSet out = new BitSet();
    if (resource.value().indexOf('*') < 0) {
      return out; // without a star a pattern names boundedly many: never a whole type
    }
    String service = literalService(resource.value());
    ActionIndex index = g.index();
    PatternAnswers answers = ResourceSemantics.answers(index.catalog(), resource.value());
    for (int i = candidates.nextSetBit(0); i >= 0; i = candidates.nextSetBit(i + 1)) {
      Action a = index.action(i);
      if (service != null && !actsInService(a, service)) {
        continue; // a NotAction grants thousands: most are of other services
      }
      boolean reached =
          wanted == AS_BROAD_AS_STAR
              ? answers.isEveryResource(a)
              : reachOf(index.catalog(), answers, resource.value(), a, wanted).atLeast(wanted);
      if (reached) {
        out.set(i);
      }
    }
    return out;
  }

  /**
   * The reach of a pattern for one action. Against all the action's resource types for "as broad as
   * *" (a pattern that covers only a type among several, such as a security group for
   * ec2:RunInstances, is not "*"); against any one type for "a whole type in an account" ({@code
   * arn:aws:s3:::*}{@code /*} is every object, though not every access point object).
   */
  private static Reach reachOf(
      Catalog catalog, PatternAnswers answers, String resource, Action a, Reach wanted) {
    Reach all = of(answers.breadth(a));
    if (wanted == AS_BROAD_AS_STAR || all.atLeast(wanted)) {
      return all;
    }
    return BoundedMemo.remember(
        catalog.<Reach>memo(Reach.class),
        a.qualifiedName() + '\n' + resource,
        20_000,
        k -> broadestOverTypes(resource, a));
  }

  /** The service field of an ARN pattern when it is written out, else null. */
  private static String literalService(String pattern) {
    List<String> fields = ResourcePattern.fields(pattern);
    if (fields.size() != 6) {
      return null;
    }
    String service = fields.get(2);
    return service.isEmpty()
            || service.indexOf('*') >= 0
            || service.indexOf('?') >= 0
            || service.contains("${")
        ? null
        : service;
  }

  /** Whether some resource type of the action has ARNs of this service. */
  private static boolean actsInService(Action a, String service) {
    String[] services = ARN_SERVICES.get(a); // computeIfAbsent may lock the bin even when present
    if (services == null) {
      services = ARN_SERVICES.computeIfAbsent(a, Reach::arnServices);
    }
    for (String s : services) {
      if (s == null || s.equalsIgnoreCase(service)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The service field of each resource type's ARN format, null for a type the catalog does not
   * define (the engine then decides). Kept per action: a NotAction statement asks for thousands.
   */
  private static final Map<Action, String[]> ARN_SERVICES = new ConcurrentHashMap<>();

  private static String[] arnServices(Action a) {
    List<String> out = new ArrayList<>();
    for (ActionResource ar : a.resourceTypes()) {
      String format = ar.resourceType().map(t -> t.arnFormat()).orElse(null);
      List<String> fields = format == null ? null : ResourcePattern.fields(format);
      out.add(fields == null ? null : fields.size() == 6 ? fields.get(2) : "");
    }
    return out.toArray(new String[0]);
  }

  /** Whether an ARN format's resource part holds a variable: the type has many resources. */
  private static boolean namesMany(String arnFormat) {
    List<String> fields = ResourcePattern.fields(arnFormat);
    return fields.size() == 6 && fields.get(5).contains("${");
  }

  private static Reach broadestOverTypes(String resource, Action a) {
    Reach broadest = NAMED;
    for (ActionResource ar : a.resourceTypes()) {
      // A type with one resource per account and Region (apigateway's /restapis, glue's root
      // catalog) is not a whole type of many: covering it is no reach.
      if (ar.resourceType().isPresent() && namesMany(ar.resourceType().get().arnFormat())) {
        Reach r = of(ResourceSemantics.breadth(resource, List.of(ar.resourceType().get())));
        broadest = r.atLeast(broadest) ? r : broadest;
      }
    }
    return broadest;
  }
}
