package dev.iampolicyls.semantics;

import dev.iampolicyls.cache.BoundedMemo;
import dev.iampolicyls.catalog.Action;
import dev.iampolicyls.catalog.ActionResource;
import dev.iampolicyls.catalog.ArnNamespaces;
import dev.iampolicyls.catalog.Catalog;
import dev.iampolicyls.catalog.ResourceType;
import dev.iampolicyls.grants.ActionIndex;
import dev.iampolicyls.policy.ActionName;
import dev.iampolicyls.policy.Statement;
import dev.iampolicyls.policy.StringElement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * Which Resource patterns of a statement its actions can act on, and which actions can act on one
 * of its Resource patterns, from the resource types of the catalog: each pattern is intersected
 * with the typed ARN formats of its namespace ({@link ResourceSemantics}), each Action string
 * resolved to the resource types of the actions it names. Both sides are compared as sets of
 * resource types, across services too.
 *
 * <p>Undecided, and so never reported, whenever the catalog cannot decide: an Action string the
 * catalog does not know, one naming an action listed without resource types (it acts on {@code *}
 * only) or with a type whose ARN namespace is a placeholder; a Resource that is {@code *}, has a
 * wildcard or variable in its service, a path-style resource part (API Gateway's {@code /apis}:
 * collections the catalog leaves out), or a namespace with no formats. And a decided misfit is
 * reported only when it cannot be a gap in the catalog's lists of types per action ({@link
 * #certain}).
 */
public final class ResourceFit {
  /** More actions than this from the wildcards of one statement: give up rather than stall. */
  private static final int MAX_ACTIONS = 2000;

  /**
   * ARN namespaces one service's actions accept for another's: the catalog lists each service's own
   * formats only. CodeStar Connections was renamed CodeConnections; both prefixes act on both ARN
   * forms.
   */
  private static final Map<String, List<String>> NAMESPACE_ALIASES =
      Map.of(
          "codestar-connections", List.of("codeconnections"),
          "codeconnections", List.of("codestar-connections"));

  private ResourceFit() {}

  /**
   * A Resource string that no action of the statement acts on.
   *
   * @param names the resource types it may name (empty: none of its namespace)
   * @param accepted the resource types the statement's actions act on
   */
  public record ResourceMisfit(
      StringElement resource, List<ResourceFormat> names, List<ResourceFormat> accepted) {}

  /**
   * An Action string none of whose actions acts on a Resource of the statement.
   *
   * @param actions the catalog actions it names
   * @param accepted the resource types they act on
   */
  public record ActionMisfit(
      StringElement action, List<Action> actions, List<ResourceFormat> accepted) {}

  /** What does not fit in one statement, both ways. */
  public record Misfits(List<ResourceMisfit> resources, List<ActionMisfit> actions) {
    static final Misfits NONE = new Misfits(List.of(), List.of());
  }

  /**
   * The misfits of a statement with Action and Resource (NotAction and NotResource name what is
   * left out, not what is acted on).
   *
   * @param explainedElsewhere Resource strings another check already reports (a Region where the
   *     service has none): taken as undecided, so one mistake gets one finding
   */
  public static Misfits of(Catalog catalog, Statement s, Predicate<String> explainedElsewhere) {
    if (s.action().isEmpty() || s.resource().isEmpty()) {
      return Misfits.NONE;
    }
    return of(catalog, s.actions(), s.resources(), explainedElsewhere);
  }

  /**
   * {@link #of(Catalog, Statement, Predicate)} for chosen Action and Resource strings of a
   * statement: the summary leaves unknown actions out, which would otherwise leave all undecided.
   */
  public static Misfits of(
      Catalog catalog,
      List<StringElement> tokens,
      List<StringElement> resources,
      Predicate<String> explainedElsewhere) {
    List<NamedTypes> named = new ArrayList<>(resources.size());
    boolean allResourcesDecided = true;
    for (StringElement r : resources) {
      NamedTypes n = namedTypes(catalog, r.value());
      if (n != null && explainedElsewhere.test(r.value())) {
        n = null;
      }
      named.add(n);
      allResourcesDecided &= n != null;
    }
    if (!allResourcesDecided && named.stream().allMatch(n -> n == null)) {
      return Misfits.NONE; // nothing to compare: the usual case ("*"), decided before any action
    }
    List<AcceptedTypes> accepted = new ArrayList<>(tokens.size());
    Set<ResourceFormat> acceptedByAll = new LinkedHashSet<>();
    Set<String> actionServices = new HashSet<>();
    boolean allActionsDecided = true;
    int count = 0;
    for (StringElement t : tokens) {
      AcceptedTypes a = acceptedTypes(catalog, t.value());
      count += a == null ? 0 : a.actions().size();
      if (count > MAX_ACTIONS) {
        return Misfits.NONE;
      }
      accepted.add(a);
      if (a == null) {
        allActionsDecided = false;
      } else {
        acceptedByAll.addAll(a.types());
        actionServices.addAll(a.services());
      }
    }
    List<ResourceMisfit> resourceMisfits = new ArrayList<>();
    boolean someResourceUsed = false;
    Set<ResourceFormat> namedByAll = new LinkedHashSet<>();
    Set<String> resourceNamespaces = new HashSet<>();
    for (int i = 0; i < resources.size(); i++) {
      NamedTypes n = named.get(i);
      if (n == null) {
        continue;
      }
      namedByAll.addAll(n.types());
      resourceNamespaces.add(n.namespace());
      if (meets(n.types(), acceptedByAll)) {
        someResourceUsed = true;
      } else if (allActionsDecided
          && certain(
              n.types(),
              Set.of(n.namespace()),
              acceptedByAll,
              actionServices,
              isLiteral(resources.get(i).value()))) {
        resourceMisfits.add(
            new ResourceMisfit(resources.get(i), n.types(), List.copyOf(acceptedByAll)));
      }
    }
    List<ActionMisfit> actionMisfits = new ArrayList<>();
    // An action is reported only beside a Resource that some other action uses: when no Resource
    // fits any action, the Resource findings say it once. They stay silent beside an action the
    // catalog cannot decide (an unknown one may act on them), and then the actions that fit
    // none of the Resources say it.
    boolean resourcesSilenced = !allActionsDecided && resourceMisfits.isEmpty();
    if (allResourcesDecided && (someResourceUsed || resourcesSilenced)) {
      for (int i = 0; i < tokens.size(); i++) {
        AcceptedTypes a = accepted.get(i);
        if (a != null
            && !meets(a.types(), namedByAll)
            && certain(namedByAll, resourceNamespaces, a.types(), a.services(), false)) {
          actionMisfits.add(new ActionMisfit(tokens.get(i), a.actions(), a.types()));
        }
      }
    }
    return new Misfits(resourceMisfits, actionMisfits);
  }

  /**
   * Whether a misfit is surely a mistake and not a gap in the catalog, which does not list every
   * resource type an action accepts: AWS's managed policies grant Glue's tag actions on schema
   * registries and EKS access-entry actions on clusters, types the catalog does not list for them.
   * So a misfit within one service is reported only when the ARN's shape decides it: one side's
   * type nests in the other's ({@code bucket} and {@code bucket/key}, a table and its index). A
   * misfit across services is reported ({@code sns:Publish} on a queue) unless the catalog is known
   * to miss that pair ({@link #KNOWN_GAPS}). A Resource whose resource part is written out (no
   * wildcard) is reported whatever the types, as it always was.
   *
   * @param resourceTypes the types the Resource (or the statement's Resources) may name
   * @param resourceNamespaces the ARN namespaces of those Resources
   * @param actionTypes the types the action (or the statement's actions) act on
   * @param actionServices their service prefixes and the namespaces of their types
   */
  private static boolean certain(
      Collection<ResourceFormat> resourceTypes,
      Set<String> resourceNamespaces,
      Collection<ResourceFormat> actionTypes,
      Set<String> actionServices,
      boolean literal) {
    if (resourceTypes.isEmpty() || literal) {
      return literal; // a type the catalog does not know: only a written-out ARN is surely wrong
    }
    for (ResourceFormat r : resourceTypes) {
      for (ResourceFormat a : actionTypes) {
        if (r.nests(a) || a.nests(r)) {
          return true;
        }
      }
    }
    for (String ns : resourceNamespaces) {
      if (actionServices.contains(ns)) {
        return false; // one service: the catalog may not list this type for the action
      }
      for (String service : KNOWN_GAPS.getOrDefault(ns, Set.of())) {
        if (actionServices.contains(service)) {
          return false;
        }
      }
    }
    return true;
  }

  /**
   * ARN namespaces whose resources the catalog does not list for actions of other services that
   * AWS's own managed policies grant on them: Systems Manager sessions reach EKS clusters (EKS
   * Connector), Redshift restores serverless snapshots, Amazon Connect reports metrics of its
   * campaigns, and an endpoint service is created from a Network Load Balancer.
   */
  private static final Map<String, Set<String>> KNOWN_GAPS =
      Map.of(
          "eks", Set.of("ssm"),
          "redshift-serverless", Set.of("redshift"),
          "connect-campaigns", Set.of("connect"),
          "elasticloadbalancing", Set.of("ec2"));

  /**
   * The resource types a Resource string may name, as {@link #of} reads it (for the statement
   * summary); empty when undecided ({@code *}, not an ARN, a wildcard or unknown namespace). A
   * decided list may itself be empty: the ARN fits no type of its namespace.
   */
  public static Optional<List<ResourceFormat>> typesNamedBy(Catalog catalog, String resource) {
    NamedTypes n = namedTypes(catalog, resource);
    return n == null ? Optional.empty() : Optional.of(n.types());
  }

  /** Whether the resource part is written out: no wildcard (a variable is one value). */
  private static boolean isLiteral(String resource) {
    List<String> f = ResourcePattern.fields(resource);
    String part = f.get(f.size() - 1);
    return part.indexOf('*') < 0 && part.indexOf('?') < 0;
  }

  private static boolean meets(List<ResourceFormat> a, Set<ResourceFormat> b) {
    for (ResourceFormat f : a) {
      if (b.contains(f)) {
        return true;
      }
    }
    return false;
  }

  /** The resource types a Resource string may name, and its ARN namespace (lower case). */
  private record NamedTypes(List<ResourceFormat> types, String namespace) {}

  /**
   * The actions an Action string names, the resource types they act on, and their service prefixes
   * with the namespaces of those types (lower case).
   */
  private record AcceptedTypes(
      List<Action> actions, List<ResourceFormat> types, Set<String> services) {}

  /** Marks "undecided" in the memos, which cannot hold null. */
  private static final NamedTypes UNDECIDED_RESOURCE = new NamedTypes(List.of(), "");

  private static final AcceptedTypes UNDECIDED_ACTION =
      new AcceptedTypes(List.of(), List.of(), Set.of());

  /**
   * The resource types a Resource string may name, or null when undecided. The same ARNs recur
   * across statements, files and keystrokes: remembered per catalog.
   */
  static NamedTypes namedTypes(Catalog catalog, String text) {
    NamedTypes n =
        BoundedMemo.remember(
            catalog.<NamedTypes>memo(NamedTypes.class),
            text,
            20_000,
            catalog,
            ResourceFit::computeNamedTypes);
    return n == UNDECIDED_RESOURCE ? null : n;
  }

  private static NamedTypes computeNamedTypes(Catalog catalog, String text) {
    ResourcePattern p = ResourcePattern.of(text);
    List<String> f = p.fields();
    if (p.isStar() || f.size() < 6 || !f.get(0).equals("arn")) {
      return UNDECIDED_RESOURCE;
    }
    String service = f.get(2);
    if (service.isEmpty() || isPattern(service) || f.get(5).startsWith("/")) {
      return UNDECIDED_RESOURCE;
    }
    String namespace = service.toLowerCase(Locale.ROOT);
    List<ResourceFormat> own = formatsOf(catalog, namespace);
    if (own.isEmpty()) {
      return UNDECIDED_RESOURCE; // unknown or without formats: INVALID_SERVICE's business
    }
    List<ResourceFormat> out = new ArrayList<>();
    addNamed(p, own, out);
    for (String alias : NAMESPACE_ALIASES.getOrDefault(namespace, List.of())) {
      List<String> aliased = new ArrayList<>(f);
      aliased.set(2, alias);
      addNamed(ResourcePattern.of(String.join(":", aliased)), formatsOf(catalog, alias), out);
    }
    return new NamedTypes(List.copyOf(out), namespace);
  }

  private static void addNamed(
      ResourcePattern p, List<ResourceFormat> formats, List<ResourceFormat> out) {
    for (ResourceFormat format : formats) {
      if (ResourceSemantics.intersects(p, format)) {
        out.add(format);
      }
    }
  }

  /** The compiled formats of a namespace's resource types, kept with the catalog. */
  private static List<ResourceFormat> formatsOf(Catalog catalog, String namespace) {
    Map<String, List<ResourceFormat>> byNamespace =
        catalog.derived(FormatsByNamespace.class, ConcurrentHashMap::new);
    return byNamespace.computeIfAbsent(
        namespace,
        ns -> {
          List<ResourceFormat> out = new ArrayList<>();
          for (ResourceType t : ArnNamespaces.of(catalog).resourceTypes(ns)) {
            out.add(ResourceFormat.of(t));
          }
          return List.copyOf(out);
        });
  }

  /** Names the per-catalog map of {@link #formatsOf}. */
  private static final class FormatsByNamespace {}

  /**
   * The actions an Action string names and their resource types, or null when undecided. Policies
   * repeat the same Action strings (the managed policies name 16,000 distinct ones 59,000 times),
   * and a name means a scan of its service's actions: remembered per catalog.
   */
  static AcceptedTypes acceptedTypes(Catalog catalog, String value) {
    AcceptedTypes a =
        BoundedMemo.remember(
            catalog.<AcceptedTypes>memo(AcceptedTypes.class),
            value,
            50_000,
            catalog,
            ResourceFit::computeAcceptedTypes);
    return a == UNDECIDED_ACTION ? null : a;
  }

  private static AcceptedTypes computeAcceptedTypes(Catalog catalog, String value) {
    ActionName name = ActionName.parse(value).orElse(null);
    if (name == null || ActionName.containsWildcard(name.service())) {
      return UNDECIDED_ACTION; // "*", "*:Get*", malformed: actions of every kind, or none known
    }
    // Every action of the name, also when a service lists one name twice (ELB and ELBv2 share
    // the prefix elasticloadbalancing, and both have AddTags with different resources): the
    // action index the grant analysis already filled.
    List<Action> actions = ActionIndex.of(catalog).actionsMatching(value);
    if (actions.isEmpty() || actions.size() > MAX_ACTIONS) {
      return UNDECIDED_ACTION;
    }
    Set<ResourceFormat> types = new LinkedHashSet<>();
    Set<String> services = new HashSet<>();
    for (Action a : actions) {
      services.add(a.service().prefix().toLowerCase(Locale.ROOT));
      if (a.resourceTypes().isEmpty()) {
        return UNDECIDED_ACTION; // an action that applies to "*" only: nothing to compare against
      }
      for (ActionResource ar : a.resourceTypes()) {
        ResourceType t = ar.resourceType().orElse(null);
        if (t == null) {
          return UNDECIDED_ACTION;
        }
        ResourceFormat format = ResourceFormat.of(t);
        if (format.namespace() == null) {
          return UNDECIDED_ACTION; // any service's ARN may be one of these
        }
        types.add(format);
        services.add(format.namespace());
      }
    }
    return new AcceptedTypes(List.copyOf(actions), List.copyOf(types), Set.copyOf(services));
  }

  private static boolean isPattern(String s) {
    return s.indexOf('*') >= 0 || s.indexOf('?') >= 0 || s.contains("${");
  }
}
