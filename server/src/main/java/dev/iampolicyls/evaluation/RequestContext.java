package dev.iampolicyls.evaluation;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The condition keys of a request and their values. Key names are case-insensitive, as in IAM; a
 * key with several values is a multi-valued key ({@code aws:TagKeys}). A key with no values is
 * absent.
 */
public final class RequestContext {
  /** One key as given, with its values in order. */
  public record Entry(String name, List<String> values) {
    public Entry {
      values = List.copyOf(values);
    }
  }

  private final Map<String, Entry> byLowerName;

  private RequestContext(Map<String, Entry> byLowerName) {
    this.byLowerName = byLowerName;
  }

  public static final RequestContext EMPTY = new RequestContext(Map.of());

  /** A context of these entries; a later entry of the same name (any case) replaces an earlier. */
  public static RequestContext of(List<Entry> entries) {
    Map<String, Entry> map = new LinkedHashMap<>();
    for (Entry e : entries) {
      if (!e.values().isEmpty()) {
        map.put(lower(e.name()), e);
      }
    }
    return new RequestContext(Collections.unmodifiableMap(map));
  }

  /** The values of a key; empty when the request does not have it. */
  public List<String> values(String key) {
    Entry e = byLowerName.get(lower(key));
    return e == null ? List.of() : e.values();
  }

  public boolean has(String key) {
    return byLowerName.containsKey(lower(key));
  }

  public Optional<Entry> entry(String key) {
    return Optional.ofNullable(byLowerName.get(lower(key)));
  }

  public List<Entry> entries() {
    return List.copyOf(byLowerName.values());
  }

  /** This context with {@code extra} added for the keys it does not have yet. */
  public RequestContext withDefaults(List<Entry> extra) {
    Map<String, Entry> map = new LinkedHashMap<>(byLowerName);
    for (Entry e : extra) {
      if (!e.values().isEmpty()) {
        map.putIfAbsent(lower(e.name()), e);
      }
    }
    return new RequestContext(Collections.unmodifiableMap(map));
  }

  private static String lower(String s) {
    return s.toLowerCase(Locale.ROOT);
  }
}
