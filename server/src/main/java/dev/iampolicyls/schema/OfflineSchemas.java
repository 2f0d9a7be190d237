package dev.iampolicyls.schema;

import com.networknt.schema.AbsoluteIri;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.resource.InputStreamSource;
import com.networknt.schema.resource.ResourceLoader;
import com.networknt.schema.resource.SchemaLoader;
import java.util.Map;

/**
 * Builds schema registries that never touch the network. A language server runs on the user's
 * machine, often offline or behind a proxy, and a {@code $ref} must not become a request to
 * whatever host a schema names. So a registry serves only schemas bundled in our jar (by their
 * {@code $id}) and the JSON Schema meta-schemas that json-schema-validator bundles; every other
 * address is refused before any loader sees it.
 */
public final class OfflineSchemas {
  /** The identifier of the policy schema: a name, never fetched. */
  public static final String POLICY_SCHEMA_ID =
      "https://iam-policy-ls.dev/schemas/iam-policy.schema.json";

  /** Where the build puts the policy schema inside the jar. */
  public static final String POLICY_SCHEMA_RESOURCE = "/schemas/iam-policy.schema.json";

  // The meta-schemas the validator ships as classpath resources, addressed by their official ids.
  private static final String META_SCHEMA_PREFIX = "https://json-schema.org/draft/";

  private OfflineSchemas() {}

  /** A registry for draft 2020-12 that knows only the policy schema. */
  public static SchemaRegistry registry() {
    return registry(Map.of(POLICY_SCHEMA_ID, POLICY_SCHEMA_RESOURCE));
  }

  /**
   * A registry for draft 2020-12 that serves each given schema id from the given classpath
   * resource, plus the bundled meta-schemas, and refuses anything else.
   */
  public static SchemaRegistry registry(Map<String, String> idToResource) {
    Map<String, String> served = Map.copyOf(idToResource);
    ResourceLoader classpathOnly = iri -> resource(served.get(iri.toString()));
    SchemaLoader loader =
        SchemaLoader.builder()
            .fetchRemoteResources(false)
            .resourceLoaders(loaders -> loaders.add(classpathOnly))
            .allow(iri -> isAllowed(served, iri))
            .build();
    return SchemaRegistry.withDefaultDialect(
        SpecificationVersion.DRAFT_2020_12, builder -> builder.schemaLoader(loader));
  }

  static boolean isAllowed(Map<String, String> served, AbsoluteIri iri) {
    String id = iri.toString();
    return served.containsKey(id) || id.startsWith(META_SCHEMA_PREFIX);
  }

  private static InputStreamSource resource(String path) {
    if (path == null || OfflineSchemas.class.getResource(path) == null) {
      return null;
    }
    return () -> OfflineSchemas.class.getResourceAsStream(path);
  }
}
