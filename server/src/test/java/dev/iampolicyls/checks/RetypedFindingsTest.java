package dev.iampolicyls.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.iampolicyls.catalog.Catalog;
import dev.iampolicyls.config.AnalysisSettings;
import dev.iampolicyls.config.CheckSetting;
import dev.iampolicyls.config.DocumentSettings;
import dev.iampolicyls.policy.Policy;
import dev.iampolicyls.policy.PolicyType;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A finding whose type the configuration changes is otherwise the same finding. */
class RetypedFindingsTest {
  /**
   * iam:PassRole with ec2:RunInstances on every resource: an escalation spread over two actions.
   */
  private static final String ESCALATION =
      "{\"Version\": \"2012-10-17\", \"Statement\": ["
          + "{\"Effect\": \"Allow\", \"Action\": \"iam:PassRole\", \"Resource\": \"*\"},"
          + "{\"Effect\": \"Allow\", \"Action\": \"ec2:RunInstances\", \"Resource\": \"*\"}]}";

  private static List<Finding> escalations(DocumentSettings settings) {
    return new DiagnosticsEngine(Catalog.bundled())
        .run(Policy.parse(ESCALATION), PolicyType.IDENTITY_POLICY, settings).stream()
            .filter(f -> f.code().id().equals("PRIVILEGE_ESCALATION"))
            .toList();
  }

  @Test
  void retypedFindingsKeepTheirRelatedLocations() {
    List<Finding> own = escalations(DocumentSettings.DEFAULT);
    assertEquals(1, own.size());
    assertFalse(own.get(0).related().isEmpty(), "the other action of the escalation");

    DocumentSettings retyped =
        AnalysisSettings.DEFAULT
            .withCheck("PRIVILEGE_ESCALATION", new CheckSetting(FindingType.ERROR))
            .forDocument(null);
    List<Finding> errors = escalations(retyped);
    assertEquals(own.size(), errors.size());
    for (int i = 0; i < own.size(); i++) {
      Finding before = own.get(i);
      Finding after = errors.get(i);
      assertEquals(FindingType.ERROR, after.type());
      assertEquals(before.message(), after.message());
      assertEquals(before.offset(), after.offset());
      assertEquals(before.path(), after.path());
      assertEquals(before.related(), after.related(), "related locations survive the retyping");
    }
  }
}
