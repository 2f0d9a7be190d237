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
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A service condition key that no action of the statement puts in the request, tested so that a
 * missing key fails ({@code iam:ResourceTag/team} on S3 and EC2 actions): the statement never
 * applies.
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
    if (s.action().isEmpty()) {
      return Optional.empty(); // NotAction: the actions it leaves are too many to judge
    }
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
    ConditionOperator op = entry.operator().orElse(null);
    if (op == null || !failsWhenAbsent(op)) {
      return Optional.empty();
    }
    return absence(s, entry.key(), catalog)
        .map(
            absent ->
                new NeverApplies.Reason(
                    entry.keyProperty().key(),
                    entry.key()
                        + " is a key of "
                        + absent.service().prefix()
                        + " that no action of this statement puts in the request (it comes with "
                        + String.join(", ", absent.carriers())
                        + ", ...), so "
                        + entry.operatorText()
                        + " is never true",
                    absent.sameService() ? SAME_SERVICE_CODE : null));
  }

  /**
   * Whether every test of a statement's Condition holds for every request because its key is never
   * there: a negated or IfExists test (true without the key) of a key no action of the statement
   * carries. A Deny with such a Condition denies always.
   */
  static boolean allAbsentAndTrue(Statement s, Catalog catalog) {
    if (s.action().isEmpty() || s.conditionEntries().isEmpty()) {
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
   * Whether one test is true for every request of the statement: negated or IfExists (true without
   * the key), on a key none of its actions carries.
   */
  static boolean absentAndTrue(Statement s, ConditionEntry entry, Catalog catalog) {
    ConditionOperator op = entry.operator().orElse(null);
    return op != null
        && !s.action().isEmpty()
        && op.base() != ConditionOperator.Base.Null
        && (op.ifExists() || op.base().negated())
        && op.qualifier() != Qualifier.FOR_ANY_VALUE
        && absence(s, entry.key(), catalog).isPresent();
  }

  /**
   * A service key no action of the statement carries: its service, a few actions that do carry it,
   * and whether the statement names actions of that service.
   */
  private record Absence(Service service, List<String> carriers, boolean sameService) {}

  private static Optional<Absence> absence(Statement s, String key, Catalog catalog) {
    int colon = key.indexOf(':');
    if (colon <= 0
        || key.regionMatches(true, 0, "aws:", 0, 4)
        || catalog.globalConditionKey(key).isPresent()) {
      return Optional.empty();
    }
    Service service = catalog.service(key.substring(0, colon)).orElse(null);
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
        boolean own = a.service() == service;
        sameService |= own;
        if (ActionConditionKeys.supportsLowerCase(a, lowerKey)
            || (own && !ActionConditionKeys.hasKnownKeys(a))) {
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

  /** A plain or ForAnyValue test, not negated, not Null: false when the key is absent. */
  private static boolean failsWhenAbsent(ConditionOperator op) {
    return !op.ifExists()
        && !op.base().negated()
        && op.base() != ConditionOperator.Base.Null
        && op.qualifier() != Qualifier.FOR_ALL_VALUES;
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
