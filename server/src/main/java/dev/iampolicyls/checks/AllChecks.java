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
        new UnsupportedPrincipalCheck(),
        new InvalidPrincipalKeyCheck(),
        new InvalidPrincipalFormatCheck(),
        new UnsupportedWildcardInPrincipalCheck(),
        new InvalidServicePrincipalFormatCheck(),
        new EmptyObjectPrincipalCheck(),
        new AllowWithNotPrincipalCheck(),
        new InvalidRoleReferenceCheck(),
        new InvalidUserReferenceCheck(),
        new TrustPolicyNotPrincipalCheck(),
        new TrustPolicyWildcardPrincipalCheck(),
        new TrustPolicyResourceCheck(),
        new InvalidFederatedPrincipalSyntaxCheck(),
        new FederatedPrincipalNotSupportedCheck(),
        new MismatchedActionForPrincipalCheck(),
        new MissingActionForRolesAnywhereCheck(),
        new RedundantPrincipalInTrustPolicyCheck(),
        new MissingConditionKeyForOidcPrincipalCheck(),
        new MissingGithubRepoConditionKeyCheck(),
        new SpecificGithubRepoAndBranchCheck(),
        new ForAnyValueWithAudienceClaimCheck(),
        new ConfirmAudienceClaimTypeCheck(),
        new RestrictAccessToServicePrincipalCheck(),
        new RecommendedConditionKeyForServicePrincipalCheck(),
        new UnsupportedConditionKeyForServicePrincipalCheck());
  }
}
