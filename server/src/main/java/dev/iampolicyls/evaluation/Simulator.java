package dev.iampolicyls.evaluation;

import dev.iampolicyls.policy.Arn;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Runs the evaluation for a request as the command line states it: settles whether principal and
 * resource share an account, and adds the context keys AWS sets from the principal and resource
 * (keys given explicitly win).
 */
public final class Simulator {
  private Simulator() {}

  /** How principal and resource accounts relate. */
  public enum Accounts {
    /** Both known and equal. */
    SAME,
    /** Both known and different. */
    CROSS,
    /** A service principal: only a resource-based policy can allow it, as across accounts. */
    SERVICE,
    /** The principal's account is unknown (no principal given): taken as one account. */
    ASSUMED_SAME,
    /**
     * The principal's account is known but not the resource's, and the decision is the same either
     * way.
     */
    EITHER,
    /**
     * The principal's account is known but not the resource's, and the decision depends on it: the
     * caller must say which account owns the resource.
     */
    UNDETERMINED
  }

  /**
   * The outcome.
   *
   * @param evaluation the decision and reasons (for UNDETERMINED, the same-account one)
   * @param accounts how the accounts were settled
   * @param principalAccount the principal's account, or empty
   * @param resourceAccount the resource's account, or empty
   * @param context the context evaluated, with the derived keys
   * @param derivedKeys names of the keys that were derived, not given
   */
  public record Result(
      Evaluation evaluation,
      Accounts accounts,
      Optional<String> principalAccount,
      Optional<String> resourceAccount,
      RequestContext context,
      List<String> derivedKeys) {}

  public static Result simulate(Request request, PolicySet policies) {
    Optional<String> principalAccount =
        request.principal().map(RequestPrincipal::account).filter(a -> !a.isEmpty());
    Optional<String> resourceAccount =
        request
            .resourceAccount()
            .or(() -> Arn.parse(request.resource()).map(Arn::account).filter(a -> !a.isEmpty()));
    List<RequestContext.Entry> derived = new ArrayList<>();
    request.principal().ifPresent(p -> derived.addAll(p.contextKeys()));
    resourceAccount.ifPresent(
        a -> derived.add(new RequestContext.Entry("aws:ResourceAccount", List.of(a))));
    List<String> derivedNames = new ArrayList<>();
    for (RequestContext.Entry e : derived) {
      if (!request.context().has(e.name())) {
        derivedNames.add(e.name());
      }
    }
    RequestContext context = request.context().withDefaults(derived);
    Request full =
        new Request(
            request.action(),
            request.resource(),
            request.principal(),
            request.resourceAccount(),
            context);
    boolean service = request.principal().map(RequestPrincipal::isService).orElse(false);
    if (principalAccount.isEmpty() && !service) {
      return new Result(
          Evaluator.evaluate(full, policies, true),
          Accounts.ASSUMED_SAME,
          principalAccount,
          resourceAccount,
          context,
          derivedNames);
    }
    if (service) {
      // A service acts for its own account, never the resource owner's: the resource policy
      // must allow it, as across accounts.
      return new Result(
          Evaluator.evaluate(full, policies, false),
          Accounts.SERVICE,
          principalAccount,
          resourceAccount,
          context,
          derivedNames);
    }
    if (resourceAccount.isPresent()) {
      boolean same = resourceAccount.get().equals(principalAccount.get());
      return new Result(
          Evaluator.evaluate(full, policies, same),
          same ? Accounts.SAME : Accounts.CROSS,
          principalAccount,
          resourceAccount,
          context,
          derivedNames);
    }
    Evaluation same = Evaluator.evaluate(full, policies, true);
    Evaluation cross = Evaluator.evaluate(full, policies, false);
    return new Result(
        same,
        same.decision() == cross.decision() ? Accounts.EITHER : Accounts.UNDETERMINED,
        principalAccount,
        resourceAccount,
        context,
        derivedNames);
  }
}
