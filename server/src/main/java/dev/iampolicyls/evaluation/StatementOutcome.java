package dev.iampolicyls.evaluation;

/**
 * What one statement said about the request.
 *
 * @param policy the policy it belongs to
 * @param index its position in the Statement array, -1 when Statement is a single object
 * @param sid its Sid, or null
 * @param effect "Allow", "Deny", or what was written (null when missing)
 * @param offset where the statement starts in the policy text
 * @param applies whether it matches the request (effect, action, resource, principal, condition)
 * @param reason why it does not apply, or null
 * @param principalMatch how its Principal named the request's principal (resource policies)
 */
public record StatementOutcome(
    NamedPolicy policy,
    int index,
    String sid,
    String effect,
    int offset,
    boolean applies,
    String reason,
    RequestPrincipal.Match principalMatch) {

  public boolean isAllow() {
    return "Allow".equals(effect);
  }

  public boolean isDeny() {
    return "Deny".equals(effect);
  }

  /** How people refer to it: its Sid, else its 1-based position. */
  public String label() {
    if (sid != null && !sid.isEmpty()) {
      return "\"" + sid + "\"";
    }
    return index < 0 ? "statement" : "statement " + (index + 1);
  }
}
