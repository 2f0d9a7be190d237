package dev.iampolicyls.catalog;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The catalog's resource types grouped by the service namespace their ARNs carry (the third field,
 * {@code s3} in {@code arn:aws:s3:::bucket}). The namespace is usually the service's action prefix
 * but not always: sts resources have {@code iam} ARNs, Amazon OpenSearch has {@code es} and {@code
 * opensearch}. Built once per catalog.
 */
public final class ArnNamespaces {
  private final Map<String, List<ResourceType>> byNamespace;

  private ArnNamespaces(Catalog catalog) {
    Map<String, List<ResourceType>> map = new HashMap<>();
    for (Service s : catalog.services()) {
      map.computeIfAbsent(s.prefix().toLowerCase(Locale.ROOT), k -> new ArrayList<>());
      for (ResourceType r : s.resourceTypes()) {
        String[] f = r.arnFormat().split(":", 6);
        if (f.length < 6 || f[2].contains("${")) {
          continue; // a namespace that is itself a placeholder says nothing about any one service
        }
        map.computeIfAbsent(f[2].toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(r);
      }
    }
    map.replaceAll((k, v) -> Collections.unmodifiableList(v));
    this.byNamespace = map;
  }

  public static ArnNamespaces of(Catalog catalog) {
    // Asked per ARN analysed: a slot of the catalog, read without a lock, not a shared map.
    return catalog.derived(ArnNamespaces.class, () -> new ArnNamespaces(catalog));
  }

  /** Whether an ARN may carry this namespace: a service prefix or the namespace of some format. */
  public boolean isKnown(String namespace) {
    return byNamespace.containsKey(namespace.toLowerCase(Locale.ROOT));
  }

  /** The resource types whose ARNs carry this namespace (case-insensitive); empty if none. */
  public List<ResourceType> resourceTypes(String namespace) {
    return byNamespace.getOrDefault(namespace.toLowerCase(Locale.ROOT), List.of());
  }
}
