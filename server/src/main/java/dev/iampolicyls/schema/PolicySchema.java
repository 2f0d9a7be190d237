package dev.iampolicyls.schema;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import dev.iampolicyls.syntax.JsonNode;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The policy grammar schema, loaded once from the jar and shared. A loaded schema is immutable and
 * safe to use from several threads, so one instance serves every document.
 */
public final class PolicySchema {
  private static final Logger LOG = Logger.getLogger(PolicySchema.class.getName());

  private final Schema schema;

  private PolicySchema(Schema schema) {
    this.schema = schema;
  }

  /** The shared instance, loaded on first use. */
  public static PolicySchema get() {
    return Holder.INSTANCE;
  }

  private static final class Holder {
    static final PolicySchema INSTANCE = load();
  }

  private static PolicySchema load() {
    try {
      Schema schema =
          OfflineSchemas.registry().getSchema(SchemaLocation.of(OfflineSchemas.POLICY_SCHEMA_ID));
      // Build every keyword validator now, not lazily during the first concurrent validations.
      schema.initializeValidators();
      return new PolicySchema(schema);
    } catch (RuntimeException e) {
      // A broken jar must not take the server down: the other checks still run.
      LOG.log(Level.SEVERE, "the policy schema could not be loaded; schema checks are off", e);
      return new PolicySchema(null);
    }
  }

  /** Whether the schema loaded; when it did not, {@link #typeMismatches} finds nothing. */
  public boolean available() {
    return schema != null;
  }

  /**
   * The values in the document whose JSON type the grammar does not accept where they stand, one
   * per value. Missing elements, unknown names and wrong enum values are not reported here.
   */
  public List<TypeMismatch> typeMismatches(JsonNode root) {
    if (schema == null || root == null) {
      return List.of();
    }
    tools.jackson.databind.JsonNode instance = TreeConverter.convert(root);
    if (instance == null) {
      return List.of();
    }
    return ErrorCollapser.collapse(schema.validate(instance));
  }
}
