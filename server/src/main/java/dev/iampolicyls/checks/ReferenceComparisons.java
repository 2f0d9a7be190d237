package dev.iampolicyls.checks;

import dev.iampolicyls.compare.CompareOptions;
import dev.iampolicyls.compare.Comparison;
import dev.iampolicyls.compare.PolicyComparison;
import dev.iampolicyls.config.ReferencePolicy;

/**
 * The comparison of a document with a reference policy of the configuration (does the document
 * grant anything the reference does not?), made once per run for the checks that report on it.
 */
final class ReferenceComparisons {
  private ReferenceComparisons() {}

  private record Key(ReferencePolicy reference) {}

  static Comparison of(CheckContext context, ReferencePolicy reference) {
    return context.shared(
        new Key(reference),
        () ->
            PolicyComparison.compare(
                reference.policy(),
                context.policy(),
                new CompareOptions(
                    context.policyType(),
                    false,
                    context.catalog(),
                    CompareOptions.DEFAULT_MAX_CELLS),
                context.cancel()::isCanceled));
  }

  /** {@code reference policy "org/baseline.json" (why)}, as messages name it. */
  static String describe(ReferencePolicy reference) {
    return "reference policy \""
        + reference.file()
        + "\""
        + (reference.reason() == null ? "" : " (" + reference.reason() + ")");
  }
}
