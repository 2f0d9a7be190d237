package dev.iampolicyls.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.iampolicyls.catalog.Catalog;
import dev.iampolicyls.config.DocumentSettings;
import dev.iampolicyls.policy.Policy;
import dev.iampolicyls.policy.PolicyType;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A cancelled run stops between checks and gives no findings rather than some of them. */
class DiagnosticsEngineCancelTest {
  private static final Policy POLICY =
      Policy.parse(
          "{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"Allow\","
              + " \"Action\": \"s3:*\", \"Resource\": \"*\"}]}");

  private final DiagnosticsEngine engine = new DiagnosticsEngine(Catalog.bundled());

  @Test
  void aRunNeverCancelledAsksBeforeEveryCheck() {
    AtomicInteger asked = new AtomicInteger();
    List<Finding> findings =
        engine.run(
            POLICY,
            PolicyType.IDENTITY_POLICY,
            DocumentSettings.DEFAULT,
            () -> {
              asked.incrementAndGet();
              return false;
            });
    assertFalse(findings.isEmpty());
    assertEquals(engine.run(POLICY, PolicyType.IDENTITY_POLICY), findings);
    assertEquals(engine.checks().size(), asked.get());
  }

  @Test
  void aRunStopsAtTheFirstCheckAfterCancellation() {
    int cancelledAt = 10;
    AtomicInteger asked = new AtomicInteger();
    assertThrows(
        CancellationException.class,
        () ->
            engine.run(
                POLICY,
                PolicyType.IDENTITY_POLICY,
                DocumentSettings.DEFAULT,
                () -> asked.incrementAndGet() >= cancelledAt));
    // Asked no more once told: the remaining checks were not run.
    assertEquals(cancelledAt, asked.get());
    assertTrue(engine.checks().size() > cancelledAt * 10, "most checks skipped");
  }
}
