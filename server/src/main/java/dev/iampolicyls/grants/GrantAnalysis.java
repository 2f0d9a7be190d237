package dev.iampolicyls.grants;

import dev.iampolicyls.catalog.Catalog;
import dev.iampolicyls.catalog.WildcardMatcher;
import dev.iampolicyls.policy.Policy;
import dev.iampolicyls.policy.Statement;
import dev.iampolicyls.policy.StringElement;
import dev.iampolicyls.syntax.JsonNode;
import dev.iampolicyls.syntax.ObjectNode;
import dev.iampolicyls.syntax.PropertyNode;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The grant analysis the least-privilege checks share: for each Allow statement of a policy, the
 * exact set of catalog actions it grants, minus what the policy's Deny statements take away.
 *
 * <p>A Deny is subtracted only when it surely applies: it has no Condition, names no particular
 * Principal, and its Resource covers the Allow's (Resource "*", patterns that match every resource
 * the Allow names, or a NotResource that cannot overlap them). A Deny with a Condition is not
 * subtracted; findings on actions it names say that it may apply. A Condition that holds for every
 * request ({@link NeverApplies#alwaysHolds}: NotIpAddress of only private ranges, a test true
 * without its key, such as StringNotEquals, of a key no action of the Deny carries) is no
 * condition.
 *
 * <p>A statement whose Condition never holds ({@link NeverApplies}) neither grants nor denies: it
 * is left out here, so every check that reads the grants is silent on it. Computed once per parsed
 * policy, catalog and clock, and kept with the policy ({@link Policy#derived}).
 */
public final class GrantAnalysis {

  private final ActionIndex index;
  private final RiskSets risks;
  private final List<Grant> allows;
  private final Map<Statement, Grant> byStatement = new IdentityHashMap<>();

  private GrantAnalysis(Policy policy, Catalog catalog, Instant now) {
    index = ActionIndex.of(catalog);
    risks = RiskSets.of(index);
    List<Statement> live = new ArrayList<>();
    for (Statement s : policy.statements()) {
      if (s.condition().isEmpty() || NeverApplies.of(s, catalog, now).isEmpty()) {
        live.add(s);
      }
    }
    List<Deny> denies = new ArrayList<>();
    for (Statement s : live) {
      if (s.isDeny() && appliesToEveryone(s)) {
        denies.add(new Deny(s, actionsOf(s)));
      }
    }
    List<Grant> list = new ArrayList<>();
    for (Statement s : live) {
      if (s.isAllow() && s.actionOrNotAction().isPresent()) {
        Grant g = grant(s, denies);
        list.add(g);
        byStatement.put(s, g);
      }
    }
    allows = List.copyOf(list);
  }

  /** The analysis of a policy at the system clock's time. */
  public static GrantAnalysis of(Policy policy, Catalog catalog) {
    return of(policy, catalog, Clock.systemUTC());
  }

  /**
   * The analysis of a policy, computed on first use and then shared by every check; the clock says
   * which dates have passed.
   */
  public static GrantAnalysis of(Policy policy, Catalog catalog, Clock clock) {
    return policy.derived(
        new Key(catalog, clock), () -> new GrantAnalysis(policy, catalog, clock.instant()));
  }

  /**
   * One analysis per catalog and clock: a settings change may swap the catalog under an open
   * document. Equality written out: a record's generated equals and hashCode link method handles on
   * first use, ~40 lambda forms that the class data archive does not hold (+50 ms to a one-file
   * check).
   */
  private record Key(Catalog catalog, Clock clock) {
    @Override
    public boolean equals(Object o) {
      return o instanceof Key k && k.catalog == catalog && k.clock.equals(clock);
    }

    @Override
    public int hashCode() {
      return 31 * System.identityHashCode(catalog) + clock.hashCode();
    }
  }

  public ActionIndex index() {
    return index;
  }

  public RiskSets risks() {
    return risks;
  }

  /** The Allow statements with Action or NotAction, in document order. */
  public List<Grant> allows() {
    return allows;
  }

  /**
   * What an Allow statement grants after Deny; empty when it grants nothing: it has neither Action
   * nor NotAction, or its Condition never holds.
   */
  public Optional<Grant> grantOf(Statement allow) {
    return Optional.ofNullable(byStatement.get(allow));
  }

  /** A Deny statement that applies to every caller, with the actions it names. */
  private record Deny(Statement statement, BitSet actions) {}

  private Grant grant(Statement s, List<Deny> denies) {
    boolean not = s.action().isEmpty();
    List<StringElement> tokens = s.actions();
    BitSet named = new BitSet(index.size());
    for (StringElement token : tokens) {
      index.addMatches(token.value(), named); // per-token sets only when a check asks: see Grant
    }
    BitSet raw = named;
    if (not) {
      raw = (BitSet) index.all().clone();
      raw.andNot(named);
    }
    BitSet granted = raw; // copied only when an unconditional Deny takes actions away
    BitSet conditional = new BitSet();
    BitSet sparesOnlyPinned = new BitSet();
    List<String> conditionalLabels = new ArrayList<>();
    for (Deny d : denies) {
      Statement deny = d.statement();
      BitSet denied = d.actions();
      if (!denied.intersects(granted)) {
        continue;
      }
      if (deny.condition().isPresent() && !NeverApplies.alwaysHolds(deny, index.catalog())) {
        conditional.or(denied);
        conditionalLabels.add(deny.label());
        if (Pinning.denySparesOnlyPinned(deny) && covers(deny, s)) {
          sparesOnlyPinned.or(denied);
        }
      } else if (covers(deny, s)) {
        if (granted == raw) {
          granted = (BitSet) raw.clone();
        }
        granted.andNot(denied);
      }
    }
    return new Grant(
        index, s, not, tokens, raw, granted, conditional, conditionalLabels, sparesOnlyPinned);
  }

  private BitSet actionsOf(Statement s) {
    BitSet named = new BitSet(index.size());
    for (StringElement e : s.actions()) {
      index.addMatches(e.value(), named);
    }
    if (s.action().isEmpty() && s.notAction().isPresent()) {
      BitSet all = (BitSet) index.all().clone();
      all.andNot(named);
      return all;
    }
    return named;
  }

  /** A Deny with no Principal (identity policies) or Principal "*" applies to every caller. */
  private static boolean appliesToEveryone(Statement deny) {
    if (deny.notPrincipal().isPresent()) {
      return false;
    }
    return deny.principal().map(p -> isEveryone(p.value())).orElse(true);
  }

  /** {@code "*"} or {@code {"AWS": "*"}}. */
  public static boolean isEveryone(JsonNode principal) {
    if (principal == null) {
      return false;
    }
    List<StringElement> values = Statement.strings(principal);
    if (!values.isEmpty()) {
      return values.size() == 1 && values.get(0).value().equals("*");
    }
    if (principal instanceof ObjectNode o) {
      for (PropertyNode p : o.properties()) {
        if (p.name().equals("AWS")
            && Statement.strings(p.value()).stream().anyMatch(e -> e.value().equals("*"))) {
          return true;
        }
      }
    }
    return false;
  }

  /** Whether the Deny's resources include every resource the Allow's reach. */
  static boolean covers(Statement deny, Statement allow) {
    List<StringElement> allowResources = allow.resources();
    boolean allowNot = allow.resource().isEmpty() && allow.notResource().isPresent();
    if (deny.resource().isPresent()) {
      List<StringElement> denyResources = deny.resources();
      if (denyResources.stream().anyMatch(d -> Grant.isStar(d.value()))) {
        return true;
      }
      if (allowNot || allowResources.isEmpty()) {
        return false;
      }
      for (StringElement r : allowResources) {
        if (denyResources.stream().noneMatch(d -> WildcardMatcher.matches(d.value(), r.value()))) {
          return false;
        }
      }
      return true;
    }
    if (deny.notResource().isPresent()) {
      if (allowNot) {
        return leavesOutLess(deny.resources(), allowResources);
      }
      if (allowResources.isEmpty()) {
        return false;
      }
      for (StringElement r : allowResources) {
        for (StringElement n : deny.resources()) {
          if (mayOverlap(n.value(), r.value())) {
            return false;
          }
        }
      }
      return true;
    }
    // Neither: a resource policy's statements apply to the resource it is attached to.
    return allow.resource().isEmpty() && allow.notResource().isEmpty();
  }

  /**
   * Whether a NotResource Deny leaves out no more than a NotResource Allow: each pattern the Deny
   * leaves out is one the Allow leaves out too, or is matched by one of them (a pattern without
   * {@code ?}, whose stars then cover the Deny's).
   */
  private static boolean leavesOutLess(
      List<StringElement> denyLeftOut, List<StringElement> allowLeftOut) {
    for (StringElement d : denyLeftOut) {
      boolean covered = false;
      for (StringElement a : allowLeftOut) {
        covered |=
            a.value().equals(d.value())
                || (a.value().indexOf('?') < 0
                    && WildcardMatcher.matchesExactCase(a.value(), d.value()));
      }
      if (!covered) {
        return false;
      }
    }
    return true;
  }

  /** Whether two resource patterns may name a common resource; leans to yes. */
  static boolean mayOverlap(String a, String b) {
    if (WildcardMatcher.matches(a, b) || WildcardMatcher.matches(b, a)) {
      return true;
    }
    if (!WildcardMatcher.hasWildcard(a) || !WildcardMatcher.hasWildcard(b)) {
      return false; // a literal that the other pattern does not match
    }
    String pa = literalPrefix(a);
    String pb = literalPrefix(b);
    return pa.regionMatches(true, 0, pb, 0, Math.min(pa.length(), pb.length()));
  }

  private static String literalPrefix(String s) {
    int i = 0;
    while (i < s.length() && s.charAt(i) != '*' && s.charAt(i) != '?' && s.charAt(i) != '$') {
      i++;
    }
    return s.substring(0, i);
  }
}
