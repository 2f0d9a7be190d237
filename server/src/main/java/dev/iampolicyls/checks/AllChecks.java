package dev.iampolicyls.checks;

import dev.iampolicyls.checks.conditions.ConditionChecks;
import java.util.ArrayList;
import java.util.List;

/**
 * The registry of checks, in the order they run, grouped by family. Add a new check to its family's
 * list (or a new family method here).
 */
public final class AllChecks {
  private AllChecks() {}

  public static List<PolicyCheck> create() {
    List<PolicyCheck> checks = new ArrayList<>();
    checks.addAll(structure());
    checks.addAll(variablesAndConditionValues());
    checks.addAll(principals());
    checks.addAll(ConditionChecks.create());
    checks.addAll(arnsResourcesAndRoles());
    checks.addAll(leastPrivilege());
    return List.copyOf(checks);
  }

  /** Syntax, elements, effect, version, Sids, actions, empty arrays. */
  static List<PolicyCheck> structure() {
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
        new UniqueSidsRecommendedCheck(),
        new RedundantStatementCheck(),
        new PolicySizeExceedsIdentityPolicyQuotaCheck(),
        new PolicySizeExceedsResourcePolicyQuotaCheck(),
        new PolicySizeExceedsRoleTrustPolicyQuotaCheck(),
        OrganizationsPolicySizeCheck.scp(),
        OrganizationsPolicySizeCheck.rcp(),
        ElementNotAllowedCheck.principalInScp(),
        new ScpSyntaxErrorActionWildcardCheck(),
        new RcpSyntaxErrorPrincipalCheck(),
        new RcpSyntaxErrorAllowCheck(),
        ElementNotAllowedCheck.notActionInRcp(),
        new RcpSyntaxErrorActionCheck(),
        new RcpMissingRelatedPrincipalConditionKeyCheck(),
        new RcpMissingRelatedServicePrincipalConditionKeyCheck(),
        new RcpMissingServiceConditionKeyNullCheckCheck());
  }

  /** Policy variables and condition value formats (IP ranges, VPC IDs, KMS keys...). */
  static List<PolicyCheck> variablesAndConditionValues() {
    return List.of(
        VariableCheck.missingBrace(),
        VariableCheck.missingQuote(),
        VariableCheck.unsupportedSpace(),
        VariableCheck.empty(),
        VariableCheck.unsupportedInElement(),
        VariableCheck.unsupportedInVersion(),
        VariableCheck.invalidForOperator(),
        PrivateSourceIpCheck.ipAddress(),
        PrivateSourceIpCheck.notIpAddress(),
        PrivateSourceIpCheck.ipAddressSubset(),
        PrivateSourceIpCheck.notIpAddressSubset(),
        new ImproveIpRangeCheck(),
        new MissingTagKeyInConditionCheck(),
        IdentifierFormatCheck.vpc(),
        IdentifierFormatCheck.vpce(),
        new InvalidKmsKeyValueCheck(),
        new DynamodbAttributesWithoutSelectCheck(),
        new S3PrefixInNegativeContextCheck(),
        new RedundantConditionValueNumCheck(),
        WildcardInConditionCheck.redundantKey(),
        WildcardInConditionCheck.redundantStatement());
  }

  /** Principals, role trust policies, federation, service principals. */
  static List<PolicyCheck> principals() {
    return List.of(
        ElementNotAllowedCheck.principalInIdentityPolicy(),
        new InvalidPrincipalKeyCheck(),
        new InvalidPrincipalFormatCheck(),
        new UnsupportedWildcardInPrincipalCheck(),
        new InvalidServicePrincipalFormatCheck(),
        new EmptyObjectPrincipalCheck(),
        new AllowWithNotPrincipalCheck(),
        UniqueIdReferenceCheck.role(),
        UniqueIdReferenceCheck.user(),
        ElementNotAllowedCheck.notPrincipalInTrustPolicy(),
        new TrustPolicyWildcardPrincipalCheck(),
        ElementNotAllowedCheck.resourceInTrustPolicy(),
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

  /** Least privilege: breadth and risk of what Allow statements grant, after Deny. */
  static List<PolicyCheck> leastPrivilege() {
    return List.of(
        new StatementNeverAppliesCheck(),
        new ConditionAlwaysTrueCheck(),
        new FullAdminAccessCheck(),
        new ServiceWildcardCheck(),
        new ResourceStarCheck(),
        AllowWithNotElementCheck.notAction(),
        AllowWithNotElementCheck.notResource(),
        new PermissionsManagementCheck(),
        new PrivilegeEscalationCheck(),
        new CredentialsExposureCheck(),
        new DataExfiltrationCheck(),
        new GuardrailViolationCheck(),
        new ExceedsReferencePolicyCheck(),
        new ReferencePolicyUndecidedCheck(),
        new PublicAccessCheck());
  }

  /**
   * ARN formats, resources against actions, redundant entries, PassRole and service-linked roles.
   */
  static List<PolicyCheck> arnsResourcesAndRoles() {
    List<PolicyCheck> checks = new ArrayList<>(ArnCheck.all());
    checks.addAll(
        List.of(
            new InvalidRegionCheck(),
            new ResourceMismatchCheck(),
            new WildcardInServiceNameCheck(),
            new RedundantActionCheck(),
            new RedundantResourceCheck()));
    checks.addAll(RoleGrantCheck.all());
    return checks;
  }
}
