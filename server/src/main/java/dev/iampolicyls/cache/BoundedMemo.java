package dev.iampolicyls.cache;

import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Answers remembered per string (a check's verdict on an Action string, a parsed operator): the
 * same strings recur on every keystroke and across the files of a batch. A memo over its bound is
 * emptied, so hostile input cannot grow it without end; the common strings come back at once.
 */
public final class BoundedMemo {
  private BoundedMemo() {}

  /**
   * The value remembered for {@code key} in {@code memo} (thread-safe for a concurrent map), else
   * computed and remembered; a memo over {@code bound} entries is emptied first.
   */
  public static <V> V remember(
      Map<String, V> memo, String key, int bound, Function<String, V> compute) {
    return remember(memo, key, bound, compute, Function::apply);
  }

  /**
   * As {@link #remember(Map, String, int, Function)}, the computation handed {@code context} too: a
   * lambda that captures nothing (the catalog comes as the context) is made once, where a capturing
   * one is allocated at every call, hit or miss, and under C1 (the launcher's batch) each such
   * allocation is a call into the VM.
   */
  public static <C, V> V remember(
      Map<String, V> memo,
      String key,
      int bound,
      C context,
      BiFunction<? super C, String, V> compute) {
    V value = memo.get(key);
    if (value == null) {
      if (memo.size() > bound) {
        memo.clear();
      }
      value = compute.apply(context, key);
      memo.put(key, value);
    }
    return value;
  }
}
