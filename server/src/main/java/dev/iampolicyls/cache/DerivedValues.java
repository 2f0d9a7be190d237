package dev.iampolicyls.cache;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What is derived from one owner object (a policy's grant analysis, a catalog's action index),
 * computed on first use and kept exactly as long as the owner, in a field of it. A static weak map
 * keyed by the owner does not do this: a value that points back into its owner keeps it alive, or
 * stays reachable after a collection until the map's next look-up.
 */
public final class DerivedValues {
  /**
   * Never changed once published, so readers take no lock: the checking threads of a batch ask a
   * catalog for its derived structures per ARN and per statement. Replaced under {@code this}.
   */
  private volatile Map<Object, Object> values = Map.of();

  /**
   * The value derived under {@code key}, computed on first use. A computation may ask for another
   * derived value (the lock is reentrant, and the map is copied after the computation).
   */
  public <T> T get(Object key, Supplier<T> compute) {
    @SuppressWarnings("unchecked")
    T value = (T) values.get(key);
    return value != null ? value : computeLocked(key, compute);
  }

  private synchronized <T> T computeLocked(Object key, Supplier<T> compute) {
    @SuppressWarnings("unchecked")
    T value = (T) values.get(key);
    if (value == null) {
      value = compute.get();
      Map<Object, Object> grown = new HashMap<>(values);
      grown.put(key, value);
      values = grown;
    }
    return value;
  }
}
