package dev.iampolicyls.grants;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.iampolicyls.catalog.Catalog;
import dev.iampolicyls.policy.Policy;
import java.io.IOException;
import java.io.InputStream;
import java.lang.ref.WeakReference;
import org.junit.jupiter.api.Test;

/** Analyses and action indexes are shared while their policy or catalog lives, and die with it. */
class GrantAnalysisCacheTest {
  private static final String POLICY =
      """
      {"Version": "2012-10-17", "Statement": [
        {"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}]}
      """;

  private final Catalog catalog = Catalog.bundled();

  @Test
  void samePolicyAndCatalogShareOneAnalysis() {
    Policy policy = Policy.parse(POLICY);
    GrantAnalysis first = GrantAnalysis.of(policy, catalog);
    assertSame(first, GrantAnalysis.of(policy, catalog));
    assertEquals(1, first.allows().size());
    // Another parse of the same text is another policy: no stale tree is handed out.
    assertNotSame(first, GrantAnalysis.of(Policy.parse(POLICY), catalog));
  }

  @Test
  void analysisIsCollectableOnceItsPolicyIsUnreachable() throws InterruptedException {
    WeakReference<GrantAnalysis> analysis = analyseAndDrop();
    // A cache that kept values until its next look-up (a static weak map) fails here: nothing
    // looks anything up after the policy is dropped.
    assertNull(afterCollecting(analysis));
  }

  @Test
  void replacedCatalogIsCollectableDespiteItsActionIndex() throws Exception {
    WeakReference<Catalog> replaced = indexAndDrop();
    // The index points back to its catalog; a static weak map from catalog to index kept both.
    assertNull(afterCollecting(replaced));
  }

  /** The referent once the collector has had a few chances to clear it. */
  private static <T> T afterCollecting(WeakReference<T> ref) throws InterruptedException {
    for (int i = 0; i < 50 && ref.get() != null; i++) {
      System.gc();
      Thread.sleep(10);
    }
    return ref.get();
  }

  private static WeakReference<Catalog> indexAndDrop() throws IOException {
    try (InputStream in = Catalog.class.getResourceAsStream(Catalog.BUNDLED_RESOURCE)) {
      Catalog fresh = Catalog.load(in);
      ActionIndex index = ActionIndex.of(fresh);
      assertSame(index, ActionIndex.of(fresh));
      assertEquals(fresh.actionCount(), index.size());
      return new WeakReference<>(fresh);
    }
  }

  private WeakReference<GrantAnalysis> analyseAndDrop() {
    Policy policy = Policy.parse(POLICY);
    return new WeakReference<>(GrantAnalysis.of(policy, catalog));
  }
}
