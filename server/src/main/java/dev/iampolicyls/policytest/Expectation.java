package dev.iampolicyls.policytest;

import dev.iampolicyls.evaluation.Decision;

/** The decision a request must get: one of the three, or {@code Denied} for either deny. */
public enum Expectation {
  Allowed,
  Denied,
  ImplicitDeny,
  ExplicitDeny;

  /** Whether the decision is the expected one ({@code Denied} accepts either deny). */
  public boolean meets(Decision decision) {
    return this == Denied ? decision.denied() : decision.name().equals(name());
  }
}
