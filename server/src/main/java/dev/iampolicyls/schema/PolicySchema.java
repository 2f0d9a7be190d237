package dev.iampolicyls.schema;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import dev.iampolicyls.syntax.JsonNode;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The policy grammar schema, loaded from the jar on first need and shared. Well-typed documents,
 * which are nearly all of them, are recognised without the validator ({@link WellTypedShape}), so a
 * short `check` run or a fresh server usually never pays the half second that loading it costs. A
 * loaded schema is immutable and safe to use from several threads.
 */
public final class PolicySchema {
  private static final Logger LOG = Logger.getLogger(PolicySchema.class.getName());
  private static final PolicySchema INSTANCE = new PolicySchema();

  private PolicySchema() {}

  /** The shared instance; cheap, since the validator itself loads on first need. */
  public static PolicySchema get() {
    return INSTANCE;
  }

  private static final class Loaded {
    static final Schema SCHEMA = load();
  }

  private static Schema load() {
    try {
      Schema schema =
          OfflineSchemas.registry().getSchema(SchemaLocation.of(OfflineSchemas.POLICY_SCHEMA_ID));
      // Build every keyword validator now, not lazily during the first concurrent validations.
      schema.initializeValidators();
      return schema;
    } catch (RuntimeException e) {
      // A broken jar must not take the server down: the other checks still run.
      LOG.log(Level.SEVERE, "the policy schema could not be loaded; schema checks are off", e);
      return null;
    }
  }

  /**
   * Loads the validator now, so that the first mistyped value an editor user writes does not wait
   * for it. Safe to call from any thread, any number of times.
   */
  public void preload() {
    available();
  }

  /** Whether the schema loaded; when it did not, {@link #typeMismatches} finds nothing. */
  public boolean available() {
    return Loaded.SCHEMA != null;
  }

  /**
   * The values in the document whose JSON type the grammar does not accept where they stand, one
   * per value. Missing elements, unknown names and wrong enum values are not reported here.
   */
  public List<TypeMismatch> typeMismatches(JsonNode root) {
    return needsValidator(root) ? validate(root) : List.of();
  }

  /** False when the fast walk already knows the document is well typed. */
  public boolean needsValidator(JsonNode root) {
    return root != null && !WellTypedShape.certainlyWellTyped(root);
  }

  /** What the validator itself says, without the fast path (tests hold the two to agree). */
  public List<TypeMismatch> validate(JsonNode root) {
    Schema schema = Loaded.SCHEMA;
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
