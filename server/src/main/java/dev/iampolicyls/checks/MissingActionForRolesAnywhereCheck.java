package dev.iampolicyls.checks;

import dev.iampolicyls.catalog.WildcardMatcher;
import dev.iampolicyls.policy.PolicyType;
import dev.iampolicyls.policy.PrincipalEntry;
import dev.iampolicyls.policy.Principals;
import dev.iampolicyls.policy.Statement;
import dev.iampolicyls.policy.StringElement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * IAM Roles Anywhere assumes a role with sts:AssumeRole, sts:SetSourceIdentity and sts:TagSession
 * together; a trust policy that grants its service principal fewer leaves the role unusable.
 */
final class MissingActionForRolesAnywhereCheck extends PolicyCheck {
  private static final List<String> REQUIRED =
      List.of("sts:AssumeRole", "sts:SetSourceIdentity", "sts:TagSession");

  MissingActionForRolesAnywhereCheck() {
    super(CheckCode.MISSING_ACTION_FOR_ROLES_ANYWHERE_TRUST_POLICY);
  }

  @Override
  public void run(CheckContext context) {
    if (context.policyType() != PolicyType.TRUST_POLICY) {
      return;
    }
    List<Statement> grants = new ArrayList<>();
    List<String> granted = new ArrayList<>();
    for (Statement s : context.policy().statements()) {
      if (s.isAllow() && Principals.of(s).stream().anyMatch(this::isRolesAnywhere)) {
        if (s.action().isEmpty()) {
          return; // NotAction or no action: other checks speak
        }
        grants.add(s);
        s.actions().stream().map(StringElement::value).forEach(granted::add);
      }
    }
    if (grants.isEmpty()) {
      return;
    }
    List<String> missing =
        REQUIRED.stream()
            .filter(r -> granted.stream().noneMatch(g -> WildcardMatcher.matches(g, r)))
            .toList();
    if (!missing.isEmpty()) {
      context.report(
          this,
          grants.get(0).action().get().value(),
          "IAM Roles Anywhere needs sts:AssumeRole, sts:SetSourceIdentity and sts:TagSession to"
              + " assume this role: add "
              + String.join(", ", missing));
    }
  }

  private boolean isRolesAnywhere(PrincipalEntry e) {
    return e.isService() && e.value().toLowerCase(Locale.ROOT).startsWith("rolesanywhere.");
  }
}
