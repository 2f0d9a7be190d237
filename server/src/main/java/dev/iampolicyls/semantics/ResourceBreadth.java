package dev.iampolicyls.semantics;

/**
 * How much of what a set of actions acts on one Resource pattern reaches, from widest to narrowest.
 */
public enum ResourceBreadth {
  /**
   * Every ARN of every resource type the actions act on: {@code *}, or {@code
   * arn:*:cloudtrail:*:*:trail/*} for trail actions. A partition written as one value counts as
   * every partition: a policy is only ever read in one.
   */
  EVERY_RESOURCE,
  /**
   * Every resource of those types in one account: {@code arn:aws:iam::123456789012:role/*}, or with
   * {@code ${aws:PrincipalAccount}} for the account.
   */
  EVERY_RESOURCE_OF_TYPE_IN_ACCOUNT,
  /**
   * Some resources, named or by a partial name ({@code role/app-*}, a Region's instances), or a
   * breadth the catalog cannot establish (actions it lists without resource types).
   */
  NAMED,
  /** Nothing the actions act on: the pattern fits none of their resource types. */
  NO_RESOURCE;

  /** Whether this reaches at least every resource of the types in one account. */
  public boolean isEveryInAccount() {
    return this == EVERY_RESOURCE || this == EVERY_RESOURCE_OF_TYPE_IN_ACCOUNT;
  }
}
