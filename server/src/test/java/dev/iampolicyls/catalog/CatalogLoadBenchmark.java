package dev.iampolicyls.catalog;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

/**
 * Prints how long {@link Catalog#bundled()} takes in a fresh JVM and the heap it holds. Run it on
 * its own, e.g. {@code java -cp server/target/classes:server/target/test-classes
 * dev.iampolicyls.catalog.CatalogLoadBenchmark}. Not a test: numbers depend on the machine.
 */
public final class CatalogLoadBenchmark {
  private CatalogLoadBenchmark() {}

  public static void main(String[] args) {
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    System.gc();
    long heapBefore = memory.getHeapMemoryUsage().getUsed();

    long t0 = System.nanoTime();
    Catalog catalog = Catalog.bundled();
    long t1 = System.nanoTime();
    System.gc();
    long heapLoaded = memory.getHeapMemoryUsage().getUsed();
    long t1b = System.nanoTime();
    catalog.action("s3:GetObject").orElseThrow();
    long t2 = System.nanoTime();
    int all = catalog.matchActions("*").size();
    long t3 = System.nanoTime();
    catalog.conditionKey("aws:PrincipalTag/team").orElseThrow();
    long t4 = System.nanoTime();

    System.gc();
    long heapAfter = memory.getHeapMemoryUsage().getUsed();
    System.out.printf(
        "Catalog.bundled(): %.1f ms (%s %s, %d services, %d actions)%n",
        (t1 - t0) / 1e6,
        catalog.sourcePackage(),
        catalog.sourceVersion(),
        catalog.services().size(),
        catalog.actionCount());
    System.out.printf("first action lookup (decodes s3): %.1f ms%n", (t2 - t1b) / 1e6);
    System.out.printf("matchActions(\"*\") (decodes all, %d): %.1f ms%n", all, (t3 - t2) / 1e6);
    System.out.printf("first condition key lookup: %.1f ms%n", (t4 - t3) / 1e6);
    System.out.printf(
        "heap held right after loading: %.1f MB%n", (heapLoaded - heapBefore) / 1048576.0);
    System.out.printf(
        "heap held after everything is decoded: %.1f MB%n", (heapAfter - heapBefore) / 1048576.0);
    // keep the catalog reachable until after the measurement
    if (catalog.actionCount() < 0) {
      System.out.println(catalog);
    }
  }
}
