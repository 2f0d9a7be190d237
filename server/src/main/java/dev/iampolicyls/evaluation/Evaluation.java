package dev.iampolicyls.evaluation;

import java.util.List;

/**
 * The decision for one request and why.
 *
 * @param decision the outcome
 * @param reasons what decided it: the applying Deny statements; the Allow statements each required
 *     policy contributed; or the policies that did not allow where they had to
 * @param statements every statement of every policy, in policy order, each with whether it applies
 *     and, if not, why
 * @param sameAccount whether the request was evaluated as within one account
 */
public record Evaluation(
    Decision decision,
    List<Reason> reasons,
    List<StatementOutcome> statements,
    boolean sameAccount) {}
