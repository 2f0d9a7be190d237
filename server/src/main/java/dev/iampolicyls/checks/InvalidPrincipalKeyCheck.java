package dev.iampolicyls.checks;

import dev.iampolicyls.policy.Principals;
import dev.iampolicyls.syntax.ObjectNode;
import dev.iampolicyls.syntax.PropertyNode;

/** A principal object's keys are AWS, Service, Federated or CanonicalUser, spelled exactly so. */
final class InvalidPrincipalKeyCheck extends PolicyCheck {
  InvalidPrincipalKeyCheck() {
    super(CheckCode.INVALID_PRINCIPAL_KEY);
  }

  @Override
  public void run(CheckContext context) {
    for (PropertyNode element : PrincipalElements.of(context)) {
      if (element.value() instanceof ObjectNode map) {
        for (PropertyNode key : map.properties()) {
          if (!Principals.KEYS.contains(key.name())) {
            context.report(this, key.key(), message(key.name()));
          }
        }
      }
    }
  }

  private static String message(String key) {
    String fix =
        Principals.KEYS.stream()
            .filter(k -> k.equalsIgnoreCase(key))
            .findFirst()
            .map(k -> ": did you mean \"" + k + "\"?")
            .orElse(": use AWS, Service, Federated or CanonicalUser");
    return "\"" + key + "\" is not a principal key" + fix;
  }
}
