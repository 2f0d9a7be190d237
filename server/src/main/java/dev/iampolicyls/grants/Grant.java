package dev.iampolicyls.grants;

import dev.iampolicyls.policy.Statement;
import dev.iampolicyls.policy.StringElement;
import dev.iampolicyls.syntax.PropertyNode;
import java.util.BitSet;
import java.util.List;
import java.util.Optional;

/**
 * What one Allow statement grants: the exact actions after expanding wildcards and NotAction
 * ({@link #raw}), those left after the unconditional Deny statements of the same policy ({@link
 * #granted}), and what may reduce it further (conditional Deny statements, pinning conditions).
 */
public final class Grant {
  private final ActionIndex index;
  private final Statement statement;
  private final boolean notAction;
  private final List<StringElement> tokens;
  private final BitSet[] tokenMatches;
  private final BitSet[] grantedVia;
  private final boolean denied;
  private final BitSet raw;
  private final BitSet granted;
  private final BitSet conditionallyDenied;
  private final List<String> conditionalDenies;
  private final BitSet deniedUnlessPinned;
  private final Pinning pinning;

  Grant(
      ActionIndex index,
      Statement statement,
      boolean notAction,
      List<StringElement> tokens,
      BitSet raw,
      BitSet granted,
      BitSet conditionallyDenied,
      List<String> conditionalDenies,
      BitSet deniedUnlessPinned) {
    this.index = index;
    this.statement = statement;
    this.notAction = notAction;
    this.tokens = tokens;
    // Filled on demand: most statements' tokens are never looked at one by one, and a token's set
    // costs an allocation over every action.
    this.tokenMatches = new BitSet[tokens.size()];
    this.grantedVia = new BitSet[tokens.size()];
    this.denied = !granted.equals(raw);
    this.raw = raw;
    this.granted = granted;
    this.conditionallyDenied = conditionallyDenied;
    this.conditionalDenies = List.copyOf(conditionalDenies);
    this.deniedUnlessPinned = deniedUnlessPinned;
    this.pinning =
        Pinning.of(
            statement,
            test -> !SourceIpRanges.alwaysTrue(test) && KeyReach.reaches(test.key(), index, raw));
  }

  public Statement statement() {
    return statement;
  }

  /** True when the statement uses NotAction: it grants everything its strings do not match. */
  public boolean notAction() {
    return notAction;
  }

  /** The Action (or NotAction) strings. */
  public List<StringElement> tokens() {
    return tokens;
  }

  /** Every action the statement's Action or NotAction names. Read-only. */
  public BitSet raw() {
    return raw;
  }

  /** The actions granted once unconditional Deny statements are taken out. Read-only. */
  public BitSet granted() {
    return granted;
  }

  /**
   * Whether the statement still grants the action (a name, as {@code iam:PassRole}) once the
   * unconditional Deny statements are taken out. An action the catalog does not know cannot be
   * matched against a Deny, so it counts as granted.
   */
  public boolean grantsAfterDeny(String action) {
    return index.matchesNoneOrSomeOf(action, granted);
  }

  /**
   * The actions one Action string grants, after Deny. For NotAction there is no single token: use
   * {@link #granted()}. Read-only: computed once and shared.
   */
  public BitSet grantedVia(int tokenIndex) {
    BitSet set = grantedVia[tokenIndex];
    if (set == null) {
      BitSet matched = matchedBy(tokenIndex);
      if (!notAction && !denied) {
        set = matched; // nothing was taken away: the token grants all it matches
      } else if (matched.cardinality() < granted.cardinality()) {
        set = new BitSet();
        for (int i = matched.nextSetBit(0); i >= 0; i = matched.nextSetBit(i + 1)) {
          if (granted.get(i)) {
            set.set(i);
          }
        }
      } else {
        set = (BitSet) granted.clone();
        set.and(matched);
      }
      grantedVia[tokenIndex] = set;
    }
    return set;
  }

  /** The actions a string matches, before Deny. Read-only. */
  public BitSet matchedBy(int tokenIndex) {
    BitSet set = tokenMatches[tokenIndex];
    if (set == null) {
      set = index.match(tokens.get(tokenIndex).value());
      tokenMatches[tokenIndex] = set;
    }
    return set;
  }

  public Pinning pinning() {
    return pinning;
  }

  /**
   * Whether a Deny of the policy takes every one of these actions away from all but callers it pins
   * ({@code StringNotEquals aws:SourceVpce}, {@link Pinning#denySparesOnlyPinned}): what is left of
   * them is pinned as if the Allow's own condition said so.
   */
  public boolean pinnedByDeny(BitSet actions) {
    BitSet left = (BitSet) actions.clone();
    left.andNot(deniedUnlessPinned);
    return left.isEmpty() && !actions.isEmpty();
  }

  /** The key of Action/NotAction, where findings about the statement's actions as a whole sit. */
  public Optional<PropertyNode> actionProperty() {
    return statement.actionOrNotAction();
  }

  /** Resource lists "*" (or a string of only '*'), so the grant reaches every resource. */
  public Optional<StringElement> starResource() {
    if (statement.resource().isEmpty()) {
      return Optional.empty();
    }
    for (StringElement r : statement.resources()) {
      if (isStar(r.value())) {
        return Optional.of(r);
      }
    }
    return Optional.empty();
  }

  /** NotResource: everything but the named resources. */
  public boolean notResource() {
    return statement.resource().isEmpty() && statement.notResource().isPresent();
  }

  /** The grant reaches every resource, or all but a few: Resource "*" or NotResource. */
  public boolean onEveryResource() {
    return starResource().isPresent() || notResource();
  }

  /**
   * A note for messages when a conditional Deny of the policy may take some of these actions away,
   * else "".
   */
  public String conditionalDenyNote(BitSet actions) {
    if (conditionalDenies.isEmpty() || !actions.intersects(conditionallyDenied)) {
      return "";
    }
    return " A conditional Deny (" + String.join(", ", conditionalDenies) + ") may apply.";
  }

  ActionIndex index() {
    return index;
  }

  static boolean isStar(String value) {
    if (value.isEmpty()) {
      return false;
    }
    for (int i = 0; i < value.length(); i++) {
      if (value.charAt(i) != '*') {
        return false;
      }
    }
    return true;
  }
}
