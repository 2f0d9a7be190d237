package dev.iampolicyls.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.iampolicyls.catalog.Catalog;
import dev.iampolicyls.policy.Policy;
import dev.iampolicyls.policy.PolicyType;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A document gets at most MAX_FINDINGS_PER_CODE findings of one code; other codes are kept. */
class FindingLimitTest {
  private static List<Finding> check(int invalidActions) {
    StringBuilder actions = new StringBuilder();
    for (int i = 0; i < invalidActions; i++) {
      actions.append(i == 0 ? "" : ",").append("\"s3:NoSuchAction").append(i).append('"');
    }
    // No Version: MISSING_VERSION must still be reported beside the capped code.
    String text =
        "{\"Statement\": [{\"Effect\": \"Allow\", \"Action\": ["
            + actions
            + "], \"Resource\": \"*\"}]}";
    return new DiagnosticsEngine(Catalog.bundled())
        .run(Policy.parse(text), PolicyType.IDENTITY_POLICY);
  }

  private static long count(List<Finding> findings, String code) {
    return findings.stream().filter(f -> f.code().id().equals(code)).count();
  }

  @Test
  void aCodeStopsAtTheLimitAndOtherCodesAreStillReported() {
    List<Finding> findings = check(CheckContext.MAX_FINDINGS_PER_CODE + 100);
    assertEquals(CheckContext.MAX_FINDINGS_PER_CODE, count(findings, "INVALID_ACTION"));
    assertEquals(1, count(findings, "MISSING_VERSION"));
  }

  @Test
  void belowTheLimitEveryFindingIsKept() {
    List<Finding> findings = check(CheckContext.MAX_FINDINGS_PER_CODE - 1);
    assertEquals(CheckContext.MAX_FINDINGS_PER_CODE - 1, count(findings, "INVALID_ACTION"));
    assertTrue(count(findings, "MISSING_VERSION") == 1);
  }
}
