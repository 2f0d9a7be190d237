package dev.iampolicyls.completion;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.iampolicyls.catalog.Catalog;
import dev.iampolicyls.policy.Policy;
import dev.iampolicyls.service.CancelChecker;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A completion the client no longer wants stops while it walks the catalog, rather than after: the
 * engine asks the cancel checker between services, and a cancellation is not taken for a failing
 * provider (which would answer an empty list as if nothing matched).
 */
class CompletionCancelTest {
  // A wildcard service: every service's actions are matched against the pattern.
  private static final String TEXT = "{\"Statement\": {\"Action\": \"*:Get\"}}";
  private static final int OFFSET = TEXT.indexOf(":Get\"") + 4;

  private static CompletionResult complete(CancelChecker cancel) {
    return new CompletionEngine(Catalog.bundled())
        .complete(Policy.parse(TEXT), OFFSET, null, CompletionOptions.PLAIN, cancel);
  }

  @Test
  void aCancelledRequestStopsBetweenServices() {
    AtomicInteger asked = new AtomicInteger();
    int services = Catalog.bundled().services().size();
    assertThrows(CancellationException.class, () -> complete(() -> asked.incrementAndGet() > 3));
    // It stopped at the fourth question, not after asking once per service of the catalog.
    assertTrue(asked.get() == 4, "asked " + asked.get() + " times of " + services + " services");
  }

  @Test
  void aRequestStillWantedIsAnsweredAndAskedAsItGoes() {
    AtomicInteger asked = new AtomicInteger();
    CompletionResult result =
        complete(
            () -> {
              asked.incrementAndGet();
              return false;
            });
    assertFalse(result.items().isEmpty());
    assertTrue(asked.get() > 100, "asked " + asked.get() + " times");
  }
}
