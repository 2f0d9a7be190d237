package dev.iampolicyls.checks;

import dev.iampolicyls.cache.BoundedMemo;
import dev.iampolicyls.catalog.Catalog;
import dev.iampolicyls.catalog.OperationActions;
import dev.iampolicyls.catalog.Service;
import dev.iampolicyls.catalog.Suggestions;
import dev.iampolicyls.policy.ActionName;
import dev.iampolicyls.policy.Statement;
import dev.iampolicyls.policy.StringElement;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An action the service does not have, a pattern that matches none of its actions, or a string that
 * is not {@code service:action} at all. Names are compared without regard to case, as IAM does; the
 * message offers the action that authorizes an API operation written as an action ({@link
 * OperationActions}), else the closest real actions.
 */
final class InvalidActionCheck extends PolicyCheck {
  InvalidActionCheck() {
    super(CheckCode.INVALID_ACTION);
  }

  @Override
  public void run(CheckContext context) {
    for (Statement s : context.policy().statements()) {
      for (StringElement e : s.actions()) {
        String problem = problemOf(e.value(), context.catalog());
        if (!problem.isEmpty()) {
          context.report(this, e.node(), problem);
        }
      }
    }
  }

  /** What is wrong with an Action string, or "" (remembered per catalog: strings recur). */
  private static String problemOf(String value, Catalog catalog) {
    return BoundedMemo.remember(
        catalog.<String>memo(InvalidActionCheck.class),
        value,
        20_000,
        catalog,
        (c, v) -> Objects.requireNonNullElse(problem(v, c), ""));
  }

  /** What is wrong with an Action string, or null. */
  private static String problem(String value, Catalog catalog) {
    if (value.equals("*")) {
      return null;
    }
    if (!value.equals(value.strip())) {
      // IAM does not trim: "ec2:* " names no action at all.
      return "\"" + value + "\" has spaces around it, so it matches no action: remove them";
    }
    Optional<ActionName> parsed = ActionName.parse(value);
    if (parsed.isEmpty()) {
      return "\"" + value + "\" is not an action: write it as service:Action, e.g. s3:GetObject";
    }
    ActionName name = parsed.get();
    if (ActionName.containsWildcard(name.service())) {
      return catalog.matchActions(value).isEmpty()
          ? "\"" + value + "\" matches no action of any service"
          : null;
    }
    Optional<Service> service = catalog.service(name.service());
    if (service.isEmpty()) {
      return null; // INVALID_SERVICE_IN_ACTION reports it
    }
    if (ActionName.containsWildcard(name.action())) {
      return catalog.matchActions(value).isEmpty()
          ? "\"" + value + "\" matches no action of " + service.get().prefix()
          : null;
    }
    if (service.get().action(name.action()).isPresent()) {
      return null;
    }
    String unknown = "The service " + service.get().prefix() + " has no action \"" + name.action();
    Optional<String> authorizing = OperationActions.authorizing(value);
    if (authorizing.isPresent()) {
      // An API operation's name: the closest names by spelling (s3:ListBucket for ListBuckets)
      // would be wrong here.
      return unknown
          + "\": "
          + name.action()
          + " is an API operation, which IAM authorizes with "
          + authorizing.get()
          + ".";
    }
    List<String> close = Suggestions.closestActions(service.get(), name.action(), 3);
    String hint =
        close.isEmpty()
            ? ""
            : " Did you mean "
                + String.join(
                    ", ", close.stream().map(a -> service.get().prefix() + ":" + a).toList())
                + "?";
    return unknown + "\"." + hint;
  }
}
