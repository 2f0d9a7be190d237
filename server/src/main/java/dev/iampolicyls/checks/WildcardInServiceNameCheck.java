package dev.iampolicyls.checks;

import dev.iampolicyls.policy.ActionName;
import dev.iampolicyls.policy.Statement;
import dev.iampolicyls.policy.StringElement;
import java.util.List;

/**
 * A wildcard inside a service name, in an action ({@code s3*:Get*}) or in a resource ARN ({@code
 * arn:aws:*code*::...}): it reaches services with similar names, today's and future ones. A bare
 * {@code *} for the service means every service on purpose and is not reported.
 */
final class WildcardInServiceNameCheck extends PolicyCheck {
  WildcardInServiceNameCheck() {
    super(CheckCode.WILDCARD_IN_SERVICE_NAME);
  }

  @Override
  public void run(CheckContext context) {
    for (Statement s : context.policy().statements()) {
      for (StringElement e : s.actions()) {
        ActionName name = ActionName.parse(e.value()).orElse(null);
        if (name != null && partlyWild(name.service())) {
          report(context, e, name.service());
        }
      }
      for (StringElement e : s.resources()) {
        List<String> fields = ArnText.fields(e.value());
        if (fields.size() >= 3 && fields.get(0).equals("arn") && partlyWild(fields.get(2))) {
          report(context, e, fields.get(2));
        }
      }
    }
  }

  private static boolean partlyWild(String service) {
    return ActionName.containsWildcard(service) && !service.chars().allMatch(c -> c == '*');
  }

  private void report(CheckContext context, StringElement e, String service) {
    context.report(
        this,
        e.node(),
        "The service name \""
            + service
            + "\" has a wildcard, so it also reaches other services whose names fit: name the"
            + " service");
  }
}
