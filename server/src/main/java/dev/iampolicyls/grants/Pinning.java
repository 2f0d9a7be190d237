package dev.iampolicyls.grants;

import dev.iampolicyls.policy.ConditionEntry;
import dev.iampolicyls.policy.ConditionOperator;
import dev.iampolicyls.policy.Statement;
import dev.iampolicyls.syntax.JsonNode;
import dev.iampolicyls.syntax.StringNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The conditions of a statement that pin who may use it (principal, source, network) or which
 * resources it applies to. A condition pins only when it must hold for the request to be allowed: a
 * positive string, ARN or IP operator, not {@code ...IfExists} (a missing key would pass), not
 * {@code ForAllValues} (an empty set would pass), with at least one value that is not just a
 * wildcard.
 *
 * @param who keys that pin the caller: principal, organisation, account, source ARN, VPC, IP
 * @param which keys that pin the resource: its tags, account or organisation
 * @param other the statement's other condition keys, which may narrow it in ways we do not judge;
 *     keys that none of the statement's actions carries narrow nothing and are left out
 */
public record Pinning(List<String> who, List<String> which, List<String> other) {
  private static final Set<String> WHO_KEYS =
      Set.of(
          "aws:principalorgid",
          "aws:principalorgpaths",
          "aws:principalaccount",
          "aws:principalarn",
          "aws:principalservicename",
          "aws:userid",
          "aws:sourcearn",
          "aws:sourceaccount",
          "aws:sourceowner",
          "aws:sourceorgid",
          "aws:sourceorgpaths",
          "aws:sourcevpc",
          "aws:sourcevpce",
          "aws:sourceip",
          "aws:vpcsourceip",
          "kms:calleraccount");

  private static final Set<String> WHICH_KEYS =
      Set.of("aws:resourceorgid", "aws:resourceorgpaths", "aws:resourceaccount");

  public Pinning {
    who = List.copyOf(who);
    which = List.copyOf(which);
    other = List.copyOf(other);
  }

  public static Pinning of(Statement statement) {
    return of(statement, test -> true);
  }

  /**
   * The pinning of a statement, where {@code mayNarrow} says which of its tests can fail for some
   * request: one that cannot (its key is never in the statement's requests, NotIpAddress of private
   * ranges) is not one that "may narrow it further".
   */
  static Pinning of(Statement statement, Predicate<ConditionEntry> mayNarrow) {
    List<String> who = new ArrayList<>();
    List<String> which = new ArrayList<>();
    List<String> other = new ArrayList<>();
    for (ConditionEntry entry : statement.conditionEntries()) {
      String key = entry.key().toLowerCase(Locale.ROOT);
      if ((mustHold(entry) && WHO_KEYS.contains(key)) || onlyAwsServices(entry, key)) {
        addOnce(who, entry.key());
      } else if (mustHold(entry) && (WHICH_KEYS.contains(key) || isResourceTag(key))) {
        addOnce(which, entry.key());
      } else if (!other.contains(entry.key()) && mayNarrow.test(entry)) {
        other.add(entry.key());
      }
    }
    return new Pinning(who, which, other);
  }

  public boolean pinsWho() {
    return !who.isEmpty();
  }

  public boolean pinsWhich() {
    return !which.isEmpty();
  }

  public boolean any() {
    return pinsWho() || pinsWhich();
  }

  /** What a message says about the statement's conditions; "" when it has none. */
  public String note() {
    List<String> keys = new ArrayList<>(who);
    keys.addAll(which);
    String note = "";
    if (!keys.isEmpty()) {
      note +=
          " Taken into account: the condition on "
              + String.join(", ", keys)
              + " limits who or which resources, not which actions.";
    }
    if (!other.isEmpty()) {
      note += " The condition on " + String.join(", ", other) + " may narrow it further.";
    }
    return note;
  }

  /** aws:ResourceTag/x, or a service's own ResourceTag key such as ec2:ResourceTag/x. */
  static boolean isResourceTag(String lowerKey) {
    int colon = lowerKey.indexOf(':');
    return colon > 0 && lowerKey.startsWith("resourcetag/", colon + 1);
  }

  /** {@code "Bool": {"aws:PrincipalIsAWSService": "true"}}: only AWS services may call. */
  private static boolean onlyAwsServices(ConditionEntry entry, String lowerKey) {
    ConditionOperator op = entry.operator().orElse(null);
    return lowerKey.equals("aws:principalisawsservice")
        && op != null
        && op.base() == ConditionOperator.Base.Bool
        && !op.ifExists()
        && entry.values().size() == 1
        && entry.values().get(0) instanceof StringNode s
        && s.value().equals("true");
  }

  /**
   * Whether a Deny spares only callers these conditions pin: every test is a negated string, ARN or
   * IP operator ({@code StringNotEquals aws:SourceVpce vpce-1}) on a key that pins the caller, with
   * a value that is not just a wildcard. Such a Deny applies to everyone else (a key missing from
   * the request makes a negated test true), so what it covers is reachable only by those callers.
   */
  public static boolean denySparesOnlyPinned(Statement deny) {
    List<ConditionEntry> entries = deny.conditionEntries();
    if (entries.isEmpty()) {
      return false;
    }
    for (ConditionEntry entry : entries) {
      ConditionOperator op = entry.operator().orElse(null);
      if (op == null
          || !op.base().negated()
          || op.qualifier() != ConditionOperator.Qualifier.NONE
          || !WHO_KEYS.contains(entry.key().toLowerCase(Locale.ROOT))) {
        return false;
      }
      switch (op.category()) {
        case STRING, ARN, IP_ADDRESS -> {}
        default -> {
          return false;
        }
      }
      boolean specific = false;
      for (JsonNode value : entry.values()) {
        specific |= value instanceof StringNode v && !isOnlyWildcards(v.value());
      }
      if (!specific) {
        return false;
      }
    }
    return true;
  }

  static boolean mustHold(ConditionEntry entry) {
    ConditionOperator op = entry.operator().orElse(null);
    if (op == null || op.ifExists() || op.base().negated()) {
      return false;
    }
    if (op.qualifier() == ConditionOperator.Qualifier.FOR_ALL_VALUES) {
      return false;
    }
    switch (op.category()) {
      case STRING, ARN, IP_ADDRESS -> {}
      default -> {
        return false;
      }
    }
    for (JsonNode value : entry.values()) {
      if (value instanceof StringNode s && !isOnlyWildcards(s.value())) {
        return true;
      }
    }
    return false;
  }

  /** "*", or an IP range that holds every address. */
  private static boolean isOnlyWildcards(String value) {
    String v = value.strip();
    return onlyWildcardCharacters(v) || v.equals("0.0.0.0/0") || v.equals("::/0");
  }

  /** A loop, not chars().allMatch: asked for every condition value (streams are slow under C1). */
  private static boolean onlyWildcardCharacters(String v) {
    for (int i = 0; i < v.length(); i++) {
      char c = v.charAt(i);
      if (c != '*' && c != '?') {
        return false;
      }
    }
    return true;
  }

  private static void addOnce(List<String> list, String key) {
    if (!list.contains(key)) {
      list.add(key);
    }
  }
}
