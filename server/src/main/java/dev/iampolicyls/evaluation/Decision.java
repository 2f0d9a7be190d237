package dev.iampolicyls.evaluation;

/** The outcome of evaluating a request, as AWS names it. */
public enum Decision {
  Allowed,
  /** No policy allows the request, or a policy that must allow it does not. */
  ImplicitDeny,
  /** A Deny statement applies. */
  ExplicitDeny;

  public boolean denied() {
    return this != Allowed;
  }
}
