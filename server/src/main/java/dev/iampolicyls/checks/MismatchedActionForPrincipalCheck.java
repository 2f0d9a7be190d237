package dev.iampolicyls.checks;

import dev.iampolicyls.policy.PolicyType;
import dev.iampolicyls.policy.PrincipalEntry;
import dev.iampolicyls.policy.Principals;
import dev.iampolicyls.policy.Statement;
import dev.iampolicyls.policy.StringElement;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Each way of assuming a role fits one kind of principal: AssumeRoleWithSAML a SAML provider,
 * AssumeRoleWithWebIdentity an OIDC provider, and AssumeRole AWS principals and services (never a
 * federated provider alone).
 */
final class MismatchedActionForPrincipalCheck extends PolicyCheck {
  MismatchedActionForPrincipalCheck() {
    super(CheckCode.MISMATCHED_ACTION_FOR_PRINCIPAL);
  }

  @Override
  public void run(CheckContext context) {
    if (context.policyType() != PolicyType.TRUST_POLICY) {
      return;
    }
    for (Statement s : context.policy().statements()) {
      if (s.action().isEmpty()) {
        continue;
      }
      // "*" covers every kind of principal, so it never mismatches.
      List<PrincipalEntry> principals =
          Principals.of(s).stream().filter(e -> !e.isEveryone() && !e.hasWildcard()).toList();
      if (principals.isEmpty()) {
        continue;
      }
      boolean onlyFederated = principals.stream().allMatch(PrincipalEntry::isFederated);
      for (StringElement action : s.actions()) {
        switch (action.value().toLowerCase(Locale.ROOT)) {
          case "sts:assumerolewithsaml" ->
              report(context, action, principals, PrincipalEntry::isSamlProvider, "a SAML");
          case "sts:assumerolewithwebidentity" ->
              report(context, action, principals, e -> e.oidcProvider().isPresent(), "an OIDC");
          case "sts:assumerole" -> {
            if (onlyFederated) {
              context.report(
                  this,
                  action.node(),
                  "sts:AssumeRole does not work for federated principals: use"
                      + " sts:AssumeRoleWithSAML for a SAML provider or"
                      + " sts:AssumeRoleWithWebIdentity for an OIDC provider");
            }
          }
          default -> {}
        }
      }
    }
  }

  private void report(
      CheckContext context,
      StringElement action,
      List<PrincipalEntry> principals,
      Predicate<PrincipalEntry> fits,
      String provider) {
    String misfits =
        principals.stream()
            .filter(fits.negate())
            .map(PrincipalEntry::describe)
            .collect(Collectors.joining(", "));
    if (!misfits.isEmpty()) {
      context.report(
          this,
          action.node(),
          action.value()
              + " works only with "
              + provider
              + " provider named under Federated, not with "
              + misfits
              + ": use sts:AssumeRoleWithSAML for a SAML provider, sts:AssumeRoleWithWebIdentity"
              + " for an OIDC provider, sts:AssumeRole for other principals");
    }
  }
}
