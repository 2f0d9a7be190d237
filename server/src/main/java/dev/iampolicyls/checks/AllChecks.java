package dev.iampolicyls.checks;

import java.util.List;

/** The registry of checks, in the order they run. Add a new check here. */
public final class AllChecks {
  private AllChecks() {}

  public static List<PolicyCheck> create() {
    return List.of(
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
        EmptyArrayCheck.principal(),
        new InvalidArnPrefixCheck(),
        new MissingArnFieldCheck(),
        new InvalidPartitionCheck(),
        new InvalidArnServiceCaseCheck(),
        new InvalidServiceCheck(),
        new InvalidArnRegionCheck(),
        new MissingArnRegionCheck(),
        new ArnRegionNotAllowedCheck(),
        new InvalidArnAccountCheck(),
        new MissingArnAccountCheck(),
        new ArnAccountNotAllowedCheck(),
        new InvalidArnResourceCheck(),
        new InvalidRegionCheck(),
        new ResourceMismatchCheck(),
        new WildcardInServiceNameCheck(),
        new RedundantActionCheck(),
        new RedundantResourceCheck(),
        new PassRoleWithNotResourceCheck(),
        new PassRoleWithStarInActionAndNotResourceCheck(),
        new PassRoleWithNotActionAndNotResourceCheck(),
        new PassRoleWithStarInResourceCheck(),
        new PassRoleWithStarInActionAndResourceCheck(),
        new PassRoleWithStarInResourceAndNotActionCheck(),
        new CreateSlrWithNotResourceCheck(),
        new CreateSlrWithStarInActionAndNotResourceCheck(),
        new CreateSlrWithNotActionAndNotResourceCheck(),
        new CreateSlrWithStarInResourceCheck(),
        new CreateSlrWithStarInActionAndResourceCheck(),
        new CreateSlrWithStarInResourceAndNotActionCheck());
  }
}
