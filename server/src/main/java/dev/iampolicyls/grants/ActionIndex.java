package dev.iampolicyls.grants;

import dev.iampolicyls.catalog.AccessLevel;
import dev.iampolicyls.catalog.Action;
import dev.iampolicyls.catalog.ActionResource;
import dev.iampolicyls.catalog.Catalog;
import dev.iampolicyls.catalog.Service;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.EnumMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Numbers every action of a catalog so that sets of actions are bitsets: expanding {@code *} or a
 * NotAction to 20,000-odd actions is then a few hundred words of memory and a handful of word
 * operations, not a list. Pattern matches are cached, since policies repeat the same patterns.
 *
 * <p>Numbers are given by service, in catalog order, from the action counts the catalog knows
 * without decoding anything; a service's actions are decoded and filed by access level only when a
 * pattern first reaches it. A policy about S3 and KMS so never pays for the other 450 services,
 * which is a tenth of a second at start-up. Every set this index hands out holds only actions of
 * services it has already filed, so the per-level sets are complete for any set they meet.
 */
public final class ActionIndex {
  /**
   * Bounds the pattern cache; a policy has at most a few hundred patterns, a batch many thousands
   * (the managed policies: 16,000 distinct strings). Entries that match few actions keep only their
   * indices, so a full cache stays small.
   */
  private static final int MAX_CACHED_PATTERNS = 60_000;

  private final Catalog catalog;
  private final List<Service> services;
  private final Map<Service, Integer> ordinalOf = new IdentityHashMap<>();

  /** Where each service's numbers start; the last entry is the total. */
  private final int[] base;

  private final Action[] actions;
  private final BitSet all;
  private final Map<String, Match> patternCache = new ConcurrentHashMap<>();

  /** Guarded by {@code this}: which services are filed. */
  private final BitSet filed = new BitSet();

  private volatile boolean everythingFiled;

  /**
   * The per-level sets, replaced (never changed) each time a service is filed, so that a reader
   * never sees a set half written.
   */
  private volatile Levels levels;

  /**
   * A pattern's actions: as indices when they are few (cheaper to merge and to keep: a set over
   * every action costs 2.7 KB however few it holds), else as a set.
   */
  private record Match(BitSet set, int[] few) {
    BitSet toSet() {
      if (set != null) {
        return set;
      }
      // Sized once: growing bit by bit would copy the words again and again.
      BitSet out = new BitSet(few.length == 0 ? 0 : few[few.length - 1] + 1);
      for (int i : few) {
        out.set(i);
      }
      return out;
    }
  }

  private record Levels(
      Map<AccessLevel, BitSet> byLevel,
      BitSet resourceLevel,
      BitSet readNamed,
      BitSet scopableChanges) {}

  private ActionIndex(Catalog catalog) {
    this.catalog = catalog;
    this.services = List.copyOf(catalog.services());
    base = new int[services.size() + 1];
    for (int s = 0; s < services.size(); s++) {
      ordinalOf.put(services.get(s), s);
      base[s + 1] = base[s] + services.get(s).actionCount();
    }
    actions = new Action[base[services.size()]];
    all = new BitSet(actions.length);
    all.set(0, actions.length);
    Map<AccessLevel, BitSet> byLevel = new EnumMap<>(AccessLevel.class);
    for (AccessLevel level : AccessLevel.values()) {
      byLevel.put(level, new BitSet(actions.length));
    }
    levels =
        new Levels(byLevel, new BitSet(actions.length), new BitSet(actions.length), new BitSet());
  }

  /** The index of a catalog, built once per catalog. */
  public static ActionIndex of(Catalog catalog) {
    return catalog.derived(ActionIndex.class, () -> new ActionIndex(catalog));
  }

  /** Files a service's actions unless done already; its ordinal. */
  private int file(Service service) {
    Integer ordinal = ordinalOf.get(service);
    if (ordinal == null) {
      throw new IllegalArgumentException("not a service of this catalog: " + service.prefix());
    }
    if (!everythingFiled) {
      synchronized (this) {
        if (!filed.get(ordinal)) {
          fileLocked(List.of(ordinal));
        }
      }
    }
    return ordinal;
  }

  private void fileEverything() {
    if (everythingFiled) {
      return;
    }
    synchronized (this) {
      List<Integer> missing = new ArrayList<>();
      for (int s = filed.nextClearBit(0); s < services.size(); s = filed.nextClearBit(s + 1)) {
        missing.add(s);
      }
      fileLocked(missing);
      everythingFiled = true;
    }
  }

  private void fileLocked(List<Integer> ordinals) {
    Levels old = levels;
    Map<AccessLevel, BitSet> byLevel = new EnumMap<>(AccessLevel.class);
    old.byLevel().forEach((level, set) -> byLevel.put(level, (BitSet) set.clone()));
    BitSet resourceLevel = (BitSet) old.resourceLevel().clone();
    BitSet readNamed = (BitSet) old.readNamed().clone();
    for (int ordinal : ordinals) {
      List<Action> list = services.get(ordinal).actions();
      int start = base[ordinal];
      // The count in the catalog's header and the decoded list agree; guard against a file that
      // says otherwise rather than number actions of two services alike.
      int count = Math.min(list.size(), base[ordinal + 1] - start);
      for (int k = 0; k < count; k++) {
        Action a = list.get(k);
        int i = start + k;
        actions[i] = a;
        byLevel.get(a.accessLevel()).set(i);
        if (supportsResourceLevel(a)) {
          resourceLevel.set(i);
        }
        if (hasReadName(a.name())) {
          readNamed.set(i);
        }
      }
      filed.set(ordinal);
    }
    BitSet scopableChanges = (BitSet) byLevel.get(AccessLevel.WRITE).clone();
    scopableChanges.or(byLevel.get(AccessLevel.TAGGING));
    scopableChanges.or(byLevel.get(AccessLevel.PERMISSIONS_MANAGEMENT));
    scopableChanges.and(resourceLevel);
    scopableChanges.andNot(readNamed);
    levels = new Levels(byLevel, resourceLevel, readNamed, scopableChanges);
  }

  public Catalog catalog() {
    return catalog;
  }

  public int size() {
    return actions.length;
  }

  public Action action(int index) {
    return actions[index];
  }

  /** The index of an action named {@code prefix:Name} (any case). */
  public Optional<Integer> indexOf(String qualifiedName) {
    return catalog.action(qualifiedName).map(this::indexOf).filter(i -> i >= 0);
  }

  /**
   * The action's number, or -1 when the catalog's header counted fewer actions for its service: the
   * service's first number plus the action's place in its service, no look-up by the action.
   */
  private int indexOf(Action action) {
    int ordinal = file(action.service());
    int i = base[ordinal] + action.position();
    return i < base[ordinal + 1] && actions[i] == action ? i : -1;
  }

  /** Every action. Callers must not change the returned set. */
  public BitSet all() {
    fileEverything();
    return all;
  }

  /** The actions of one access level. Callers must not change the returned set. */
  public BitSet level(AccessLevel level) {
    return levels.byLevel().get(level);
  }

  /**
   * The actions that can be scoped to a resource type; the others can only be granted on {@code *}.
   * Callers must not change the returned set.
   */
  public BitSet resourceLevel() {
    return levels.resourceLevel();
  }

  /**
   * Actions named like reads (Get, List, Describe, View, Search, BatchGet...) whatever level the
   * catalog gives them: AWS files a few, such as billing:GetResourcePolicy, under Permissions
   * management or Write, but they change nothing. Read-only.
   */
  public BitSet readNamed() {
    return levels.readNamed();
  }

  /**
   * The actions that change something (Write, Tagging, Permissions management, not named like
   * reads) and can be scoped to a resource type: what RESOURCE_STAR asks of every grant with a star
   * in its Resource, worked out once per filing rather than per grant. Read-only.
   */
  public BitSet scopableChanges() {
    return levels.scopableChanges();
  }

  private static final List<String> READ_VERBS =
      List.of("Get", "List", "Describe", "View", "Search", "BatchGet", "BatchDescribe");

  private static boolean hasReadName(String name) {
    for (String verb : READ_VERBS) {
      if (name.startsWith(verb)
          && (name.length() == verb.length()
              || Character.isUpperCase(name.charAt(verb.length())))) {
        return true;
      }
    }
    return false;
  }

  /** The actions an Action pattern matches (IAM's case-insensitive wildcards). Read-only. */
  public BitSet match(String pattern) {
    return lookup(pattern).toSet();
  }

  /**
   * The actions of {@link #match}, in catalog order, without a set over every action for the few a
   * name matches.
   */
  public List<Action> actionsMatching(String pattern) {
    Match m = lookup(pattern);
    if (m.few() == null) {
      return actions(m.set());
    }
    List<Action> out = new ArrayList<>(m.few().length);
    for (int i : m.few()) {
      out.add(actions[i]);
    }
    return out;
  }

  /**
   * Whether the pattern matches no action, or some action of {@code set}: {@link #match} then an
   * intersection, without building a set for the few a name matches (six role checks ask this of
   * every statement).
   */
  public boolean matchesNoneOrSomeOf(String pattern, BitSet set) {
    Match m = lookup(pattern);
    if (m.few() == null) {
      return m.set().isEmpty() || set.intersects(m.set());
    }
    for (int i : m.few()) {
      if (set.get(i)) {
        return true;
      }
    }
    return m.few().length == 0;
  }

  /** Adds the actions a pattern matches to {@code target}. */
  public void addMatches(String pattern, BitSet target) {
    Match m = lookup(pattern);
    if (m.few() == null) {
      target.or(m.set());
      return;
    }
    for (int i : m.few()) {
      target.set(i);
    }
  }

  private Match lookup(String pattern) {
    Match cached = patternCache.get(pattern);
    if (cached != null) {
      return cached;
    }
    String key = pattern.toLowerCase(Locale.ROOT);
    cached = patternCache.get(key);
    if (cached != null) {
      patternCache.put(pattern, cached);
      return cached;
    }
    Match m;
    if (isEverything(key)) {
      m = new Match(all(), null); // "*", "*:*"
    } else {
      m = matchOf(catalog.matchActions(pattern));
    }
    if (patternCache.size() >= MAX_CACHED_PATTERNS) {
      patternCache.clear();
    }
    patternCache.put(key, m);
    patternCache.put(pattern, m);
    return m;
  }

  /**
   * Stars around at most one colon: a pattern every action matches. A loop, not a stream: asked of
   * every distinct pattern of a batch.
   */
  private static boolean isEverything(String key) {
    int colons = 0;
    for (int i = 0; i < key.length(); i++) {
      char c = key.charAt(i);
      if (c == ':') {
        colons++;
      } else if (c != '*') {
        return false;
      }
    }
    return !key.isEmpty() && colons <= 1;
  }

  /**
   * The indices of the matched actions, increasing, when there are at most {@link #FEW}; else a
   * set. Built without a set over every action for the few (most Action strings name one).
   */
  private Match matchOf(List<Action> matched) {
    if (matched.size() <= FEW) {
      int[] few = new int[matched.size()];
      int n = 0;
      for (Action a : matched) {
        int i = indexOf(a);
        if (i >= 0) {
          few[n++] = i;
        }
      }
      Arrays.sort(few, 0, n);
      int distinct = 0;
      for (int k = 0; k < n; k++) {
        if (distinct == 0 || few[distinct - 1] != few[k]) {
          few[distinct++] = few[k];
        }
      }
      return new Match(null, Arrays.copyOf(few, distinct));
    }
    BitSet set = new BitSet(actions.length);
    for (Action a : matched) {
      int i = indexOf(a);
      if (i >= 0) {
        set.set(i);
      }
    }
    return set.cardinality() <= FEW
        ? new Match(null, set.stream().toArray())
        : new Match(set, null);
  }

  /** Patterns matching at most this many actions keep their indices rather than a set. */
  private static final int FEW = 32;

  /** The actions of a set, in catalog order. */
  public List<Action> actions(BitSet set) {
    List<Action> out = new ArrayList<>(set.cardinality());
    for (int i = set.nextSetBit(0); i >= 0; i = set.nextSetBit(i + 1)) {
      out.add(actions[i]);
    }
    return out;
  }

  /** "s3:PutObject, s3:DeleteObject, iam:PassRole and 12 more" for messages. */
  public String describe(BitSet set, int shown) {
    int total = set.cardinality();
    List<String> names = new ArrayList<>();
    for (int i = set.nextSetBit(0); i >= 0 && names.size() < shown; i = set.nextSetBit(i + 1)) {
      names.add(actions[i].qualifiedName());
    }
    String list = String.join(", ", names);
    return total > names.size() ? list + " and " + (total - names.size()) + " more" : list;
  }

  private static boolean supportsResourceLevel(Action a) {
    for (ActionResource r : a.resourceTypes()) {
      if (r.resourceType().isPresent()) {
        return true;
      }
    }
    return false;
  }
}
