package dev.iampolicyls.checks;

import dev.iampolicyls.checks.conditions.ConditionChecks;
import java.util.ArrayList;
import java.util.List;

/** The registry of checks, in the order they run. Add a new check here. */
public final class AllChecks {
  private AllChecks() {}

  public static List<PolicyCheck> create() {
    List<PolicyCheck> checks = new ArrayList<>();
    checks.addAll(
        List.of(
            new JsonSyntaxErrorCheck(),
            new MissingVersionCheck(),
            new InvalidVersionCheck(),
            new MissingStatementCheck(),
            new InvalidPolicyElementCheck(),
            new SchemaCheck(),
            new MissingEffectCheck(),
            new InvalidEffectCheck(),
            new MissingActionCheck(),
            new MissingResourceCheck(),
            new MissingPrincipalCheck(),
            new UnsupportedElementCombinationCheck(),
            new DuplicateKeysWithDifferentCaseCheck(),
            new InvalidServiceInActionCheck(),
            new InvalidActionCheck(),
            new UniqueSidsRequiredCheck(),
            new UnsupportedSidCheck(),
            new EmptySidValueCheck(),
            EmptyArrayCheck.action(),
            EmptyArrayCheck.resource(),
            EmptyArrayCheck.principal()));
    checks.addAll(ConditionChecks.create());
    return List.copyOf(checks);
  }
}
