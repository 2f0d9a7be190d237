package dev.iampolicyls.checks;

import dev.iampolicyls.policy.ConditionEntry;
import dev.iampolicyls.policy.PolicyType;
import dev.iampolicyls.policy.PrincipalEntry;
import dev.iampolicyls.policy.Principals;
import dev.iampolicyls.policy.Statement;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What the service principal checks share: which statements grant a service, which keys name the
 * source a service acts for (against the confused deputy), and which keys a service never sends.
 */
final class ServicePrincipalConditions {
  /** Keys that pin the resource, account or organization a service acts for. */
  static final Set<String> SOURCE_KEYS =
      Set.of(
          "aws:sourcearn",
          "aws:sourceaccount",
          "aws:sourceorgid",
          "aws:sourceorgpaths",
          "aws:sourceowner");

  /**
   * Keys about the calling IAM identity: a service principal has no organization membership, tags,
   * user name, MFA or federation, so these are absent from its requests.
   */
  static final Set<String> PRINCIPAL_ONLY_KEYS =
      Set.of(
          "aws:principalorgid",
          "aws:principalorgpaths",
          "aws:username",
          "aws:multifactorauthpresent",
          "aws:multifactorauthage",
          "aws:sourceidentity",
          "aws:federatedprovider");

  private ServicePrincipalConditions() {}

  /** Allow statements of a resource policy that grant at least one service principal. */
  static List<Statement> grantsToServices(CheckContext context) {
    if (context.policyType() != PolicyType.RESOURCE_POLICY) {
      return List.of();
    }
    return context.policy().statements().stream()
        .filter(Statement::isAllow)
        .filter(s -> Principals.of(s).stream().anyMatch(PrincipalEntry::isService))
        .toList();
  }

  static List<PrincipalEntry> services(Statement s) {
    return Principals.of(s).stream().filter(PrincipalEntry::isService).toList();
  }

  static boolean hasSourceKey(Statement s) {
    return s.conditionEntries().stream().anyMatch(c -> SOURCE_KEYS.contains(lower(c.key())));
  }

  static boolean isPrincipalOnlyKey(ConditionEntry c) {
    String key = lower(c.key());
    return PRINCIPAL_ONLY_KEYS.contains(key) || key.startsWith("aws:principaltag/");
  }

  static String lower(String s) {
    return s.toLowerCase(Locale.ROOT);
  }
}
