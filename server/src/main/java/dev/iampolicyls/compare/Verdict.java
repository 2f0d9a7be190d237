package dev.iampolicyls.compare;

/** The answer to "does NEW allow any request that OLD denies?". */
public enum Verdict {
  /** No: every request NEW allows, OLD allows too. */
  PASS,
  /** Yes: the comparison lists requests NEW allows and OLD denies, each confirmed. */
  FAIL,
  /** Not decided: a construct outside what the comparison decides exactly, or a bound reached. */
  UNKNOWN
}
