package dev.iampolicyls.checks.conditions;

import dev.iampolicyls.catalog.ConditionKey;
import dev.iampolicyls.catalog.Service;
import dev.iampolicyls.catalog.Suggestions;
import dev.iampolicyls.checks.CheckCode;
import dev.iampolicyls.checks.CheckContext;
import dev.iampolicyls.checks.PolicyCheck;
import java.util.List;
import java.util.Optional;

/**
 * A key of a known service that the service does not have but that is a near miss of one it has,
 * i.e. a typo. Keys of prefixes the catalog does not know (identity providers such as
 * accounts.google.com, new services) and keys unlike any listed one (the catalog lags behind new
 * keys) are left alone.
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
      if (close.isEmpty()) {
        continue; // no near miss: more likely a key the catalog does not list yet than a typo
      }
      context.report(
          this,
          t.keyNode(),
          "The service "
              + prefix
              + " has no condition key \""
              + key
              + "\". Did you mean "
              + String.join(", ", close)
              + "?");
    }
  }
}
