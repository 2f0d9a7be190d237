package dev.iampolicyls.checks.conditions;

import dev.iampolicyls.cache.BoundedMemo;
import dev.iampolicyls.catalog.Action;
import dev.iampolicyls.catalog.ActionConditionKeys;
import dev.iampolicyls.catalog.Catalog;
import dev.iampolicyls.catalog.Service;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A service-specific key tested in a statement that lists actions (not NotAction) of the same
 * service, where the test is false without the key. Empty when the catalog cannot judge: global
 * keys, keys every request may carry, unknown services or keys, keys no action is known to carry.
 */
record ServiceKeyUse(
    KeyActionSupport support, List<String> supportingActions, boolean moreSupportingActions) {
  private static final int SHOWN = 3;

  static Optional<ServiceKeyUse> of(Catalog catalog, KeyTest t) {
    String key = t.key();
    if (ConditionKeys.isGlobal(key)
        || !ConditionKeys.isWellFormed(key)
        || !t.failsWhenKeyIsAbsent()
        || t.statement().action().isEmpty()
        || ConditionKeys.isAvailableEverywhere(catalog, key)
        || ConditionKeys.resolve(catalog, key).isEmpty()) {
      return Optional.empty();
    }
    Optional<Service> service = catalog.service(ConditionKeys.prefix(key));
    if (service.isEmpty()) {
      return Optional.empty();
    }
    Carriers carriers = carriers(catalog, service.get(), key);
    if (carriers.count() == 0) {
      return Optional.empty();
    }
    KeyActionSupport support =
        KeyActionSupport.of(catalog, t.statement().actions(), key, service.get().prefix(), true);
    return Optional.of(new ServiceKeyUse(support, carriers.firstNames(), carriers.count() > SHOWN));
  }

  /** How many of a service's actions carry a key, and the names of the first few. */
  private record Carriers(List<String> firstNames, int count) {}

  /**
   * The answer depends only on the key (its prefix names the service), yet two checks ask it for
   * every key test of every statement, each time over all the service's actions: remembered per
   * catalog.
   */
  private static Carriers carriers(Catalog catalog, Service service, String key) {
    return BoundedMemo.remember(
        catalog.<Carriers>memo(ServiceKeyUse.class),
        key.toLowerCase(Locale.ROOT),
        20_000,
        service,
        ServiceKeyUse::count);
  }

  private static Carriers count(Service service, String lowerKey) {
    BitSet carrying = ActionConditionKeys.actionsSupportingLowerCase(service, lowerKey);
    List<Action> actions = service.actions();
    List<String> supporting = new ArrayList<>();
    for (int i = carrying.nextSetBit(0); i >= 0 && supporting.size() < SHOWN; ) {
      supporting.add(actions.get(i).qualifiedName());
      i = carrying.nextSetBit(i + 1);
    }
    return new Carriers(List.copyOf(supporting), carrying.cardinality());
  }
}
