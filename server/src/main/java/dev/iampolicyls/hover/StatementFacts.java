package dev.iampolicyls.hover;

import dev.iampolicyls.catalog.Action;
import dev.iampolicyls.catalog.ActionResource;
import dev.iampolicyls.catalog.Catalog;
import dev.iampolicyls.catalog.ResourceType;
import dev.iampolicyls.catalog.Service;
import dev.iampolicyls.catalog.WildcardMatcher;
import dev.iampolicyls.policy.Arn;
import dev.iampolicyls.policy.Statement;
import dev.iampolicyls.policy.StringElement;
import dev.iampolicyls.semantics.ResourceFit;
import dev.iampolicyls.semantics.ResourceFormat;
import dev.iampolicyls.syntax.JsonNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** A statement's actions resolved against the catalog once, for the hovers and the summary. */
final class StatementFacts {
  private final Catalog catalog;
  private final Statement statement;
  private final List<StringElement> elements;
  private List<ActionPattern> patterns;
  private Set<ResourceType> usedTypes;

  StatementFacts(Catalog catalog, Statement statement) {
    this.catalog = catalog;
    this.statement = statement;
    this.elements = statement.actions();
  }

  Catalog catalog() {
    return catalog;
  }

  Statement statement() {
    return statement;
  }

  /**
   * Every Action or NotAction string resolved; resolved on first use (a hover on one needs one).
   */
  List<ActionPattern> patterns() {
    if (patterns == null) {
      List<ActionPattern> list = new ArrayList<>(elements.size());
      for (StringElement e : elements) {
        list.add(ActionPattern.resolve(catalog, e.value()));
      }
      patterns = List.copyOf(list);
    }
    return patterns;
  }

  /** The string element of the statement's actions at this token, resolved alone. */
  Optional<ActionPattern> patternOf(JsonNode node) {
    for (StringElement e : elements) {
      if (e.node() == node) {
        return Optional.of(ActionPattern.resolve(catalog, e.value()));
      }
    }
    return Optional.empty();
  }

  /** Whether the actions are a NotAction list (the statement covers everything else). */
  boolean notAction() {
    return statement.action().isEmpty() && statement.notAction().isPresent();
  }

  boolean notResource() {
    return statement.resource().isEmpty() && statement.notResource().isPresent();
  }

  /** Whether Resource (not NotResource) includes {@code *}: the actions reach every resource. */
  boolean everyResource() {
    return !notResource() && statement.resources().stream().anyMatch(r -> r.value().equals("*"));
  }

  boolean matchesEverything() {
    return patterns().stream().anyMatch(ActionPattern::everything);
  }

  /** Every catalog action any pattern names, once each, in the order first named. */
  Collection<Action> actions() {
    Map<String, Action> seen = new LinkedHashMap<>();
    for (ActionPattern p : patterns()) {
      for (Action a : p.matches()) {
        seen.putIfAbsent(a.qualifiedName(), a);
      }
    }
    return seen.values();
  }

  /** The services the patterns name by a concrete prefix. */
  Set<Service> actionServices() {
    Set<Service> out = new LinkedHashSet<>();
    for (ActionPattern p : patterns()) {
      p.service(catalog).ifPresent(out::add);
    }
    return out;
  }

  /** The resource types the statement's actions can be scoped to. */
  Set<ResourceType> usedTypes() {
    if (usedTypes == null) {
      Set<ResourceType> set = new HashSet<>();
      if (!notAction()) {
        for (Action a : actions()) {
          for (ActionResource r : a.resourceTypes()) {
            r.resourceType().ifPresent(set::add);
          }
        }
      }
      usedTypes = set;
    }
    return usedTypes;
  }

  /** The types a reader means by this ARN, from the statement's services and the ARN's own. */
  List<ResourceMatch.TypeOf> typesOf(Arn arn, String arnText) {
    Set<Service> services = new LinkedHashSet<>(actionServices());
    if (!arn.service().isEmpty() && !WildcardMatcher.hasWildcard(arn.service())) {
      catalog.service(arn.service()).ifPresent(services::add);
    }
    List<ResourceMatch.TypeOf> fitting = ResourceMatch.fitting(arn, arnText, services);
    // The typed ARN engine knows a bucket name holds no "/": keep only the types it allows.
    List<ResourceFormat> named = ResourceFit.typesNamedBy(catalog, arnText).orElse(List.of());
    List<ResourceMatch.TypeOf> typed =
        fitting.stream().filter(t -> named.stream().anyMatch(f -> sameType(f, t))).toList();
    return ResourceMatch.preferred(typed.isEmpty() ? fitting : typed, usedTypes(), arn);
  }

  private static boolean sameType(ResourceFormat format, ResourceMatch.TypeOf type) {
    return format.type() == type.type()
        || (format.type().name().equals(type.type().name())
            && format.type().arnFormat().equals(type.type().arnFormat()));
  }

  /** The Action or NotAction strings, in the order of {@link #patterns()}. */
  List<StringElement> actionElements() {
    return elements;
  }
}
