package dev.iampolicyls.checks;

/** A role's unique ID (AROA...) as a principal. */
final class InvalidRoleReferenceCheck extends UniqueIdReferenceCheck {
  InvalidRoleReferenceCheck() {
    super(CheckCode.INVALID_ROLE_REFERENCE, "AROA", "role");
  }
}
