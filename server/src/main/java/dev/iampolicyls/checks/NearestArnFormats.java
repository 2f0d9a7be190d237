package dev.iampolicyls.checks;

import dev.iampolicyls.catalog.Action;
import dev.iampolicyls.catalog.ActionResource;
import dev.iampolicyls.catalog.ArnNamespaces;
import dev.iampolicyls.catalog.Catalog;
import dev.iampolicyls.catalog.ResourceType;
import dev.iampolicyls.catalog.Suggestions;
import dev.iampolicyls.policy.ActionName;
import dev.iampolicyls.policy.Statement;
import dev.iampolicyls.policy.StringElement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What INVALID_ARN_RESOURCE offers instead of a resource part that fits no format: the formats of
 * the resource types the statement's actions act on (all of the namespace's when the actions do not
 * say), nearest first; and, when the nearest names the same resource type with another separator
 * ({@code function/*} for Lambda's {@code function:${FunctionName}}), the resource part rewritten.
 */
public final class NearestArnFormats {
  /** More formats would bury the nearest one. */
  private static final int SHOWN = 3;

  private NearestArnFormats() {}

  /**
   * The ARN with its resource part rewritten to the nearest format offered for it in the statement,
   * when that format names the same resource type with another separator; else empty.
   */
  public static Optional<String> corrected(String arn, Statement statement, Catalog catalog) {
    List<String> fields = ArnText.fields(arn);
    if (fields.size() < 6) {
      return Optional.empty();
    }
    String namespace = fields.get(2).toLowerCase(Locale.ROOT);
    String resourcePart = fields.get(5);
    List<String> ranked = rank(resourcePart, resourceParts(offered(statement, namespace, catalog)));
    String rewritten = ranked.isEmpty() ? null : rewrite(resourcePart, ranked.get(0));
    return Optional.ofNullable(rewritten)
        .map(r -> arn.substring(0, arn.length() - resourcePart.length()) + r);
  }

  /**
   * The formats offered for an ARN of this namespace in the statement: those of the resource types
   * its actions act on, or every format of the namespace when they do not say.
   */
  static List<String> offered(Statement statement, String namespace, Catalog catalog) {
    List<String> formats = ofStatement(statement, namespace, catalog);
    if (!formats.isEmpty()) {
      return formats;
    }
    List<String> all = new ArrayList<>();
    for (ResourceType t : ArnNamespaces.of(catalog).resourceTypes(namespace)) {
      all.addAll(ArnText.formats(t));
    }
    return all;
  }

  /** The message for a resource part, given the candidate ARN formats (full ARNs). */
  static String message(String resourcePart, String namespace, List<String> formats) {
    List<String> ranked = rank(resourcePart, resourceParts(formats));
    String head = "\"" + resourcePart + "\" is no " + namespace + " resource: ";
    if (ranked.isEmpty()) {
      return head + "write the resource type and name its ARN format gives";
    }
    String rewritten = rewrite(resourcePart, ranked.get(0));
    if (rewritten != null) {
      return head + "the nearest format is " + ranked.get(0) + ", so write " + rewritten;
    }
    return head
        + "expected e.g. "
        + String.join(", ", ranked.subList(0, Math.min(SHOWN, ranked.size())));
  }

  /**
   * The ARN formats, in this namespace, of the resource types the statement's Action names; empty
   * when it names none there, or does not say (NotAction, a wildcard service part).
   */
  private static List<String> ofStatement(Statement statement, String namespace, Catalog catalog) {
    if (statement.notAction().isPresent()) {
      return List.of();
    }
    Set<ResourceType> inNamespace = Set.copyOf(ArnNamespaces.of(catalog).resourceTypes(namespace));
    Set<String> formats = new LinkedHashSet<>();
    for (StringElement e : statement.actions()) {
      ActionName name = ActionName.parse(e.value().strip()).orElse(null);
      if (name == null || ActionName.containsWildcard(name.service())) {
        continue; // "*" and "*:Get*" act on everything: they narrow nothing
      }
      for (Action a : catalog.matchActions(e.value().strip())) {
        for (ActionResource r : a.resourceTypes()) {
          ResourceType t = r.resourceType().orElse(null);
          if (t != null && inNamespace.contains(t)) {
            formats.addAll(ArnText.formats(t));
          }
        }
      }
    }
    return List.copyOf(formats);
  }

  /** The resource part (sixth field) of each format, once each, in order. */
  private static List<String> resourceParts(List<String> formats) {
    Set<String> parts = new LinkedHashSet<>();
    for (String f : formats) {
      List<String> fields = ArnText.fields(f);
      parts.add(fields.size() == 6 ? fields.get(5) : f);
    }
    return new ArrayList<>(parts);
  }

  /**
   * Nearest first: formats of the same resource type (the text before the first / or :) before the
   * others, then by edit distance with each placeholder read as {@code *}, then the shorter.
   */
  static List<String> rank(String resourcePart, List<String> formatParts) {
    String token = typeToken(resourcePart);
    Comparator<String> nearest =
        Comparator.<String>comparingInt(f -> typeToken(f).equalsIgnoreCase(token) ? 0 : 1)
            .thenComparingInt(f -> Suggestions.distance(resourcePart, placeholdersAsStars(f)))
            .thenComparingInt(String::length);
    List<String> ranked = new ArrayList<>(formatParts);
    ranked.sort(nearest);
    return ranked;
  }

  /**
   * The resource part with its type joined to the name by the format's separator, when the format
   * is of the same type and only the separator differs; else null.
   */
  static String rewrite(String resourcePart, String formatPart) {
    String token = typeToken(resourcePart);
    if (token.isEmpty()
        || token.length() >= resourcePart.length()
        || formatPart.length() <= token.length()
        || !typeToken(formatPart).equalsIgnoreCase(token)) {
      return null;
    }
    char written = resourcePart.charAt(token.length());
    char wanted = formatPart.charAt(token.length());
    if (written == wanted) {
      return null;
    }
    return formatPart.substring(0, token.length() + 1) + resourcePart.substring(token.length() + 1);
  }

  /** The literal text before the first / or :, or "" when a wildcard or variable comes first. */
  private static String typeToken(String resourcePart) {
    for (int i = 0; i < resourcePart.length(); i++) {
      char c = resourcePart.charAt(i);
      if (c == '/' || c == ':') {
        return resourcePart.substring(0, i).toLowerCase(Locale.ROOT);
      }
      if (c == '*' || c == '?' || c == '$') {
        return "";
      }
    }
    return "";
  }

  private static String placeholdersAsStars(String formatPart) {
    return formatPart.replaceAll("\\$\\{[^}]*}", "*");
  }
}
