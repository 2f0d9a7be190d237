package dev.iampolicyls.grants;

import dev.iampolicyls.catalog.Action;
import dev.iampolicyls.catalog.ActionConditionKeys;
import dev.iampolicyls.catalog.Catalog;
import dev.iampolicyls.catalog.Service;
import dev.iampolicyls.catalog.WildcardMatcher;
import dev.iampolicyls.policy.ConditionEntry;
import dev.iampolicyls.policy.ConditionOperator;
import dev.iampolicyls.policy.ConditionOperator.Qualifier;
import dev.iampolicyls.policy.Statement;
import dev.iampolicyls.policy.StringElement;
import dev.iampolicyls.syntax.JsonNode;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A service condition key that no action of the statement puts in the request ({@code
 * iam:ResourceTag/team} on S3 and EC2 actions). Tested so that a missing key fails (StringEquals),
 * the statement never applies; tested so that a missing key passes (StringNotEquals, IfExists,
 * ForAllValues, Null true), the test is always true and narrows nothing.
 *
 * <p>Only sure cases: a key of a service the catalog knows, that some action of that service
 * carries (so it is a real key), and not one of the keys of the caller's credentials that every
 * request may carry ({@code ec2:SourceInstanceARN}, listed among the global keys). Each action of
 * the statement must be known to the catalog and carry the key nowhere; an action of the key's own
 * service for which the catalog lists no key at all leaves it open (some services list their keys
 * incompletely). When the statement names actions of the key's service,
 * MISSING_ACTION_FOR_CONDITION_KEY already says the test is never true, so the reason is marked as
 * reported there.
 */
final class UnsupportedKey {
  /** The code that reports a dead statement whose actions include the key's own service. */
  static final String SAME_SERVICE_CODE = "MISSING_ACTION_FOR_CONDITION_KEY";

  private UnsupportedKey() {}

  static Optional<NeverApplies.Reason> of(Statement s, Catalog catalog) {
    for (ConditionEntry entry : s.conditionEntries()) {
      Optional<NeverApplies.Reason> reason = of(s, entry, catalog);
      if (reason.isPresent()) {
        return reason;
      }
    }
    return Optional.empty();
  }

  private static Optional<NeverApplies.Reason> of(
      Statement s, ConditionEntry entry, Catalog catalog) {
    if (whenAbsent(entry).orElse(true)) {
      return Optional.empty();
    }
    return absence(s, entry.key(), catalog)
        .map(
            absent ->
                new NeverApplies.Reason(
                    entry.keyProperty().key(),
                    because(entry, absent, "never true"),
                    absent.sameService() && positive(entry) ? SAME_SERVICE_CODE : null));
  }

  /**
   * Why one test is true for every request of the statement: it is true without its key (negated,
   * IfExists, ForAllValues, Null true) and no action of the statement carries the key. Empty when
   * it may fail for some request, or the catalog cannot judge.
   */
  static Optional<String> alwaysTrue(Statement s, ConditionEntry entry, Catalog catalog) {
    if (!whenAbsent(entry).orElse(false)) {
      return Optional.empty();
    }
    return absence(s, entry.key(), catalog).map(absent -> because(entry, absent, "always true"));
  }

  private static String because(ConditionEntry entry, Absence absent, String verdict) {
    return entry.key()
        + " is a key of "
        + absent.service().prefix()
        + " that no action of this statement puts in the request (it comes with "
        + String.join(", ", absent.carriers())
        + ", ...), so "
        // Null's value says which way it tests: "Null false is never true".
        + (entry.operator().orElseThrow().base() == ConditionOperator.Base.Null
            ? NeverApplies.describe(entry)
            : entry.operatorText())
        + " is "
        + verdict;
  }

  /**
   * Whether every test of a statement's Condition holds for every request because its key is never
   * there: a test true without its key ({@link #whenAbsent}) of a key no action of the statement
   * carries. A Deny with such a Condition denies always.
   */
  static boolean allAbsentAndTrue(Statement s, Catalog catalog) {
    if (s.conditionEntries().isEmpty()) {
      return false;
    }
    for (ConditionEntry entry : s.conditionEntries()) {
      if (!absentAndTrue(s, entry, catalog)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether one test is true for every request of the statement: true without its key, on a key
   * none of its actions carries.
   */
  static boolean absentAndTrue(Statement s, ConditionEntry entry, Catalog catalog) {
    return whenAbsent(entry).orElse(false) && absence(s, entry.key(), catalog).isPresent();
  }

  /**
   * A service key no action of the statement carries: its service, a few actions that do carry it,
   * and whether the statement names actions of that service.
   */
  private record Absence(Service service, List<String> carriers, boolean sameService) {}

  private static Optional<Absence> absence(Statement s, String key, Catalog catalog) {
    if (s.action().isEmpty()) {
      return Optional.empty(); // NotAction: the actions it leaves are too many to judge
    }
    Service service = KeyReach.judgedService(key, catalog);
    if (service == null) {
      return Optional.empty();
    }
    String lowerKey = key.toLowerCase(Locale.ROOT);
    boolean sameService = false;
    for (StringElement e : s.actions()) {
      List<Action> matched = actionsOf(catalog, e.value());
      if (matched.isEmpty()) {
        return Optional.empty(); // an action the catalog does not know may carry it
      }
      for (Action a : matched) {
        sameService |= a.service() == service;
        if (KeyReach.mayCarry(a, service, lowerKey)) {
          return Optional.empty();
        }
      }
    }
    List<String> carriers =
        service.actions().stream()
            .filter(a -> ActionConditionKeys.supportsLowerCase(a, lowerKey))
            .limit(3)
            .map(Action::qualifiedName)
            .toList();
    if (carriers.isEmpty()) {
      return Optional.empty(); // no action is known to carry it: the catalog cannot judge
    }
    return Optional.of(new Absence(service, carriers, sameService));
  }

  /**
   * What a test says of a request without its key, as IAM reads it: IfExists and ForAllValues (the
   * empty set) are true, ForAnyValue is false, a plain operator is false and its negation true,
   * Null is true when it asks for "true". Empty when unsure: no operator, a Null whose values are
   * not all true or false, or that carries a qualifier.
   */
  static Optional<Boolean> whenAbsent(ConditionEntry entry) {
    ConditionOperator op = entry.operator().orElse(null);
    if (op == null) {
      return Optional.empty();
    }
    if (op.base() == ConditionOperator.Base.Null) {
      return op.ifExists() || op.qualifier() != Qualifier.NONE
          ? Optional.empty()
          : nullWhenAbsent(entry);
    }
    boolean passes =
        op.ifExists()
            || op.qualifier() == Qualifier.FOR_ALL_VALUES
            || (op.qualifier() != Qualifier.FOR_ANY_VALUE && op.base().negated());
    // A policy variable with no value in the request fails the test: it may narrow after all.
    return passes && !plainValues(entry) ? Optional.empty() : Optional.of(passes);
  }

  /** Whether every value is a literal without a policy variable. */
  private static boolean plainValues(ConditionEntry entry) {
    for (JsonNode v : entry.values()) {
      String text = NeverApplies.literal(v);
      if (text == null || text.contains("${")) {
        return false;
      }
    }
    return true;
  }

  /** Null without the key: true when one of its values is "true"; empty for other values. */
  private static Optional<Boolean> nullWhenAbsent(ConditionEntry entry) {
    if (entry.values().isEmpty()) {
      return Optional.empty();
    }
    boolean anyTrue = false;
    for (JsonNode v : entry.values()) {
      String text = NeverApplies.literal(v);
      if (text == null || !(text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false"))) {
        return Optional.empty();
      }
      anyTrue |= text.equalsIgnoreCase("true");
    }
    return Optional.of(anyTrue);
  }

  /**
   * A plain or ForAnyValue test of a key's value, not negated: the kind
   * MISSING_ACTION_FOR_CONDITION_KEY reports when its key is missing.
   */
  private static boolean positive(ConditionEntry entry) {
    ConditionOperator op = entry.operator().orElseThrow();
    return !op.base().negated() && op.base() != ConditionOperator.Base.Null;
  }

  private static List<Action> actionsOf(Catalog catalog, String value) {
    if (value.equals("*") || value.indexOf(':') <= 0) {
      return List.of(); // every action, or not an action: no verdict
    }
    if (WildcardMatcher.hasWildcard(value)) {
      return catalog.matchActions(value);
    }
    return catalog.action(value).map(List::of).orElse(List.of());
  }
}
