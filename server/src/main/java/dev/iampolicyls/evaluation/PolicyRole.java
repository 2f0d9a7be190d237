package dev.iampolicyls.evaluation;

/** The part a policy plays in a request's evaluation. */
public enum PolicyRole {
  IDENTITY("identity-based policy"),
  RESOURCE("resource-based policy"),
  PERMISSIONS_BOUNDARY("permissions boundary"),
  SESSION("session policy"),
  SCP("service control policy"),
  RCP("resource control policy");

  private final String description;

  PolicyRole(String description) {
    this.description = description;
  }

  public String description() {
    return description;
  }

  /** Whether Principal and NotPrincipal take part (elsewhere IAM rejects them). */
  boolean matchesPrincipal() {
    return this == RESOURCE || this == RCP;
  }

  /** Whether a statement without Resource or NotResource covers every resource. */
  boolean resourceOptional() {
    return this == RESOURCE || this == SCP || this == RCP;
  }
}
