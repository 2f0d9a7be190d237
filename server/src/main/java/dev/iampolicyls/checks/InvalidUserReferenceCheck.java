package dev.iampolicyls.checks;

/** A user's unique ID (AIDA...) as a principal. */
final class InvalidUserReferenceCheck extends UniqueIdReferenceCheck {
  InvalidUserReferenceCheck() {
    super(CheckCode.INVALID_USER_REFERENCE, "AIDA", "user");
  }
}
