package dev.iampolicyls.checks.conditions;

import dev.iampolicyls.catalog.ConditionKey;
import dev.iampolicyls.catalog.Service;
import dev.iampolicyls.catalog.Suggestions;
import dev.iampolicyls.catalog.UnlistedConditionKeys;
import dev.iampolicyls.checks.CheckCode;
import dev.iampolicyls.checks.CheckContext;
import dev.iampolicyls.checks.PolicyCheck;
import java.util.List;
import java.util.Optional;

/**
 * A key of a known service that the catalog does not list for it, with the near misses it has when
 * there are some. Keys of prefixes the catalog does not know (identity providers such as
 * accounts.google.com, new services) are left alone, and so are the few keys known to work though
 * the catalog does not list them ({@link UnlistedConditionKeys}).
 */
public final class InvalidServiceConditionKeyCheck extends PolicyCheck {
  public InvalidServiceConditionKeyCheck() {
    super(CheckCode.INVALID_SERVICE_CONDITION_KEY);
  }

  @Override
  public void run(CheckContext context) {
    for (KeyTest t : KeyTest.all(context)) {
      String key = t.key();
      if (ConditionKeys.isGlobal(key)
          || !ConditionKeys.isWellFormed(key)
          || UnlistedConditionKeys.contains(key)
          || ConditionKeys.resolve(context.catalog(), key).isPresent()) {
        continue;
      }
      Optional<Service> service = context.catalog().service(ConditionKeys.prefix(key));
      if (service.isEmpty()) {
        continue;
      }
      String prefix = service.get().prefix();
      List<String> names =
          service.get().conditionKeys().stream()
              .map(ConditionKey::name)
              .filter(n -> ConditionKeys.prefix(n).equalsIgnoreCase(prefix))
              .toList();
      List<String> close = Suggestions.closest(names, key, 3);
      context.report(
          this,
          t.keyNode(),
          "The service "
              + prefix
              + " has no condition key \""
              + key
              + "\"."
              + (close.isEmpty() ? "" : " Did you mean " + String.join(", ", close) + "?"));
    }
  }
}
