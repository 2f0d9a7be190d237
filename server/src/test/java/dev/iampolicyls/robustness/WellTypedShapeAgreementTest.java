package dev.iampolicyls.robustness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.iampolicyls.schema.PolicySchema;
import dev.iampolicyls.syntax.JsonDocument;
import dev.iampolicyls.syntax.JsonNode;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The schema check skips the validator for documents its fast walk calls well typed. That is only
 * sound if the validator would have found nothing in them: held here over real policies, their
 * mutations and generated ones. It must also actually take the fast path for real policies, or the
 * start-up gain is gone.
 */
class WellTypedShapeAgreementTest {
  private static final PolicySchema SCHEMA = PolicySchema.get();

  @Test
  void realPoliciesTakeTheFastPathAndTheValidatorAgrees() {
    List<String> corpus = PolicyFuzzTest.corpus();
    int fast = 0;
    for (String text : corpus) {
      JsonNode root = JsonDocument.parse(text).root();
      if (!SCHEMA.needsValidator(root)) {
        fast++;
      }
      assertEquals(SCHEMA.validate(root), SCHEMA.typeMismatches(root), text);
    }
    // Every example but the deliberately broken ones is well typed.
    assertTrue(fast >= corpus.size() - 3, fast + " of " + corpus.size());
  }

  @Test
  void theFastPathNeverHidesAMismatchTheValidatorFinds() {
    FuzzInputs inputs = new FuzzInputs(new Random(20261128L), PolicyFuzzTest.corpus());
    int mistyped = 0;
    for (int i = 0; i < 3000; i++) {
      String text = i % 2 == 0 ? inputs.next() : inputs.generatePolicy();
      JsonNode root = JsonDocument.parse(text).root();
      var expected = SCHEMA.validate(root);
      if (!expected.isEmpty()) {
        mistyped++;
      }
      assertEquals(expected, SCHEMA.typeMismatches(root), text);
    }
    assertTrue(mistyped > 100, "the generator should produce mistyped documents: " + mistyped);
  }

  @Test
  void mistypedValuesStillReachTheValidator() {
    for (String text :
        List.of(
            "{\"Statement\": {\"Effect\": \"Allow\", \"Action\": 5}}",
            "{\"Statement\": [{\"Effect\": \"Allow\", \"Action\": \"s3:*\", \"Principal\": \"me\"}]}",
            "{\"Statement\": [{\"Effect\": \"Allow\", \"Action\": \"s3:*\","
                + " \"Condition\": {\"Bool\": {\"aws:SecureTransport\": null}}}]}",
            "{\"Statement\": [{\"Effect\": \"Allow\", \"Resource\": [\"a\", {}]}]}",
            "{\"Id\": 1, \"Statement\": []}",
            "[]")) {
      JsonNode root = JsonDocument.parse(text).root();
      assertTrue(SCHEMA.needsValidator(root), text);
      assertFalse(SCHEMA.typeMismatches(root).isEmpty(), text);
    }
  }
}
