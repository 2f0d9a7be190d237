package dev.iampolicyls.checks;

import dev.iampolicyls.compare.CompareOptions;
import dev.iampolicyls.compare.Comparison;
import dev.iampolicyls.compare.PolicyComparison;
import dev.iampolicyls.compare.Verdict;
import dev.iampolicyls.config.ReferencePolicy;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
import java.util.concurrent.CancellationException;

/**
 * The comparison of a document with a reference policy of the configuration (which of its Allow
 * statements grant something the reference does not, each with a first witness; see {@link
 * PolicyComparison#exceedingStatements}), made once per run for the checks that report on it.
 */
final class ReferenceComparisons {
  private ReferenceComparisons() {}

  /**
   * The processor time one comparison may take in a check (the system property {@code
   * iampolicyls.referenceBudgetMillis} changes it): past it the policy gets
   * REFERENCE_POLICY_UNDECIDED rather than a batch or an editor waiting for minutes. Processor
   * time, not elapsed time, so that a busy machine does not change the answers much.
   */
  static final long BUDGET_MILLIS = Long.getLong("iampolicyls.referenceBudgetMillis", 2_000);

  private record Key(ReferencePolicy reference) {}

  static Comparison of(CheckContext context, ReferencePolicy reference) {
    return context.shared(new Key(reference), (c, key) -> compare(c, reference, BUDGET_MILLIS));
  }

  /** The comparison, UNKNOWN with the reason once it has used {@code budgetMillis}. */
  static Comparison compare(CheckContext context, ReferencePolicy reference, long budgetMillis) {
    Budget budget = new Budget(budgetMillis);
    try {
      return PolicyComparison.exceedingStatements(
          reference.policy(),
          context.policy(),
          new CompareOptions(
              context.policyType(), false, context.catalog(), CompareOptions.DEFAULT_MAX_CELLS),
          () -> context.cancel().isCanceled() || budget.spent());
    } catch (CancellationException e) {
      if (!budget.exceeded || context.cancel().isCanceled()) {
        throw e;
      }
      return new Comparison(
          Verdict.UNKNOWN,
          List.of(),
          List.of(
              "the comparison took more than "
                  + budgetMillis
                  + " ms and stopped there (`iam-policy-ls compare REFERENCE POLICY` has no time"
                  + " limit; a \"files\" glob on the reference compares only the policies it is"
                  + " about)"));
    }
  }

  /** Processor time of the comparing thread, read every few steps (a read costs a system call). */
  private static final class Budget {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final int STEPS_PER_READ = 64;

    private final long limitNanos;
    private final long start;
    private int steps;
    boolean exceeded;

    Budget(long millis) {
      this.limitNanos = millis * 1_000_000;
      this.start = now();
    }

    boolean spent() {
      if (steps++ % STEPS_PER_READ == 0 && now() - start >= limitNanos) {
        exceeded = true;
      }
      return exceeded;
    }

    private static long now() {
      return THREADS.isCurrentThreadCpuTimeSupported()
          ? THREADS.getCurrentThreadCpuTime()
          : System.nanoTime();
    }
  }

  /** {@code reference policy "org/baseline.json" (why)}, as messages name it. */
  static String describe(ReferencePolicy reference) {
    return "reference policy \""
        + reference.file()
        + "\""
        + (reference.reason() == null ? "" : " (" + reference.reason() + ")");
  }
}
