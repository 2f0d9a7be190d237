package dev.iampolicyls.checks;

import dev.iampolicyls.catalog.Service;
import dev.iampolicyls.catalog.Suggestions;
import dev.iampolicyls.policy.ActionName;
import dev.iampolicyls.policy.Statement;
import dev.iampolicyls.policy.StringElement;
import java.util.List;
import java.util.Optional;

/**
 * An action the service does not have, a pattern that matches none of its actions, or a string that
 * is not {@code service:action} at all. Names are compared without regard to case, as IAM does; the
 * message offers the closest real actions.
 */
final class InvalidActionCheck extends PolicyCheck {
  InvalidActionCheck() {
    super("INVALID_ACTION", FindingType.ERROR);
  }

  @Override
  public void run(CheckContext context) {
    for (Statement s : context.policy().statements()) {
      for (StringElement e : s.actions()) {
        check(context, e);
      }
    }
  }

  private void check(CheckContext context, StringElement e) {
    String value = e.value();
    if (value.equals("*")) {
      return;
    }
    if (!value.equals(value.strip())) {
      // IAM does not trim: "ec2:* " names no action at all.
      context.report(
          this,
          e.node(),
          "\"" + value + "\" has spaces around it, so it matches no action: remove them");
      return;
    }
    Optional<ActionName> parsed = ActionName.parse(value);
    if (parsed.isEmpty()) {
      context.report(
          this,
          e.node(),
          "\"" + value + "\" is not an action: write it as service:Action, e.g. s3:GetObject");
      return;
    }
    ActionName name = parsed.get();
    if (ActionName.containsWildcard(name.service())) {
      if (context.catalog().matchActions(value).isEmpty()) {
        context.report(this, e.node(), "\"" + value + "\" matches no action of any service");
      }
      return;
    }
    Optional<Service> service = context.catalog().service(name.service());
    if (service.isEmpty()) {
      return; // INVALID_SERVICE_IN_ACTION reports it
    }
    if (ActionName.containsWildcard(name.action())) {
      if (context.catalog().matchActions(value).isEmpty()) {
        context.report(
            this, e.node(), "\"" + value + "\" matches no action of " + service.get().prefix());
      }
      return;
    }
    if (service.get().action(name.action()).isEmpty()) {
      List<String> close = Suggestions.closestActions(service.get(), name.action(), 3);
      String hint =
          close.isEmpty()
              ? ""
              : " Did you mean "
                  + String.join(
                      ", ", close.stream().map(a -> service.get().prefix() + ":" + a).toList())
                  + "?";
      context.report(
          this,
          e.node(),
          "The service "
              + service.get().prefix()
              + " has no action \""
              + name.action()
              + "\"."
              + hint);
    }
  }
}
