package dev.iampolicyls.compare;

import dev.iampolicyls.catalog.Catalog;
import dev.iampolicyls.policy.PolicyType;

/**
 * How to compare.
 *
 * @param policyType the kind of both policies; null to infer it from NEW
 * @param stringSemantics read actions and resources as plain strings, as Access Analyzer does: an
 *     action outside the catalog, or a resource no action takes, counts as access too
 * @param catalog the actions and ARN formats (catalog-aware comparison)
 * @param maxCells the bound on the work (classes of requests and search steps); past it the verdict
 *     is UNKNOWN
 */
public record CompareOptions(
    PolicyType policyType, boolean stringSemantics, Catalog catalog, int maxCells) {

  public static final int DEFAULT_MAX_CELLS = 200_000;

  /** Catalog-aware comparison with the bundled catalog and the default bound. */
  public static CompareOptions defaults(PolicyType policyType) {
    return new CompareOptions(policyType, false, Catalog.bundled(), DEFAULT_MAX_CELLS);
  }

  public CompareOptions withStringSemantics(boolean on) {
    return new CompareOptions(policyType, on, catalog, maxCells);
  }
}
