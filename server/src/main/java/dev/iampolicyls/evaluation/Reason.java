package dev.iampolicyls.evaluation;

/**
 * Part of why the decision came out as it did: a statement that decided it, or a policy that did
 * not allow the request where it had to.
 *
 * @param policy the policy
 * @param statement the deciding statement, or null when the policy as a whole lacked an Allow
 * @param message a sentence for people
 */
public record Reason(NamedPolicy policy, StatementOutcome statement, String message) {}
