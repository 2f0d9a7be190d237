package dev.iampolicyls.checks;

import dev.iampolicyls.policy.Arn;
import dev.iampolicyls.policy.PolicyType;
import dev.iampolicyls.policy.PrincipalEntry;
import dev.iampolicyls.policy.Principals;
import dev.iampolicyls.policy.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Trusting a role already trusts every session of it, so an assumed-role session of a role named in
 * the same Principal adds nothing.
 */
final class RedundantPrincipalInTrustPolicyCheck extends PolicyCheck {
  RedundantPrincipalInTrustPolicyCheck() {
    super(CheckCode.REDUNDANT_PRINCIPAL_IN_ROLE_TRUST_POLICY);
  }

  @Override
  public void run(CheckContext context) {
    if (context.policyType() != PolicyType.TRUST_POLICY) {
      return;
    }
    for (Statement s : context.policy().statements()) {
      List<PrincipalEntry> aws = Principals.of(s).stream().filter(PrincipalEntry::isAws).toList();
      Map<String, String> roles = new HashMap<>();
      for (PrincipalEntry e : aws) {
        roleKey(e.value(), "iam", "role/").ifPresent(k -> roles.putIfAbsent(k, e.value()));
      }
      for (PrincipalEntry e : aws) {
        Optional<String> parent = roleKey(e.value(), "sts", "assumed-role/").map(roles::get);
        if (parent.isPresent()) {
          context.report(
              this,
              e.node(),
              "This assumed-role session is already covered by its role "
                  + parent.get()
                  + ": remove the session");
        }
      }
    }
  }

  /**
   * Partition, account and role name of a role ARN (the name is the last part of role/path/name) or
   * of a session ARN (assumed-role/name/session), to pair a session with its role.
   */
  private static Optional<String> roleKey(String value, String service, String prefix) {
    if (value.indexOf('*') >= 0 || value.indexOf('?') >= 0) {
      return Optional.empty();
    }
    return Arn.parse(value)
        .filter(a -> a.service().equals(service) && a.resource().startsWith(prefix))
        .flatMap(
            a -> {
              String rest = a.resource().substring(prefix.length());
              String name;
              if (service.equals("iam")) {
                name = rest.substring(rest.lastIndexOf('/') + 1);
              } else {
                int slash = rest.indexOf('/');
                if (slash <= 0) {
                  return Optional.empty();
                }
                name = rest.substring(0, slash);
              }
              return name.isEmpty()
                  ? Optional.empty()
                  : Optional.of(
                      a.partition() + ":" + a.account() + ":" + name.toLowerCase(Locale.ROOT));
            });
  }
}
