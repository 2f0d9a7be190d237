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
  /** Guarded by {@code this}; created on first use, since most owners never derive anything. */
  private Map<Object, Object> values;

  /**
   * The value derived under {@code key}, computed on first use. Get and put, not computeIfAbsent: a
   * computation may ask for another derived value.
   */
  public synchronized <T> T get(Object key, Supplier<T> compute) {
    if (values == null) {
      values = new HashMap<>(4);
    }
    @SuppressWarnings("unchecked")
    T value = (T) values.get(key);
    if (value == null) {
      value = compute.get();
      values.put(key, value);
    }
    return value;
  }
}
