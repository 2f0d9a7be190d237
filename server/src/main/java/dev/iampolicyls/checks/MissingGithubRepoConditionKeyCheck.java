package dev.iampolicyls.checks;

import dev.iampolicyls.policy.PolicyType;
import dev.iampolicyls.policy.PrincipalEntry;
import dev.iampolicyls.policy.Principals;
import dev.iampolicyls.policy.Statement;

/**
 * Trusting GitHub's OIDC provider without a condition on the sub claim lets workflows of any
 * repository on GitHub assume the role.
 */
final class MissingGithubRepoConditionKeyCheck extends PolicyCheck {
  MissingGithubRepoConditionKeyCheck() {
    super(CheckCode.MISSING_GITHUB_REPO_CONDITION_KEY);
  }

  @Override
  public void run(CheckContext context) {
    if (context.policyType() != PolicyType.TRUST_POLICY) {
      return;
    }
    for (Statement s : context.policy().statements()) {
      if (!s.isAllow()) {
        continue;
      }
      for (PrincipalEntry e : Principals.of(s)) {
        if (!e.isGithubProvider()) {
          continue;
        }
        String provider = e.oidcProvider().orElseThrow();
        boolean hasSub =
            OidcConditions.onProvider(s, provider).stream()
                .anyMatch(c -> OidcConditions.claim(c).equals("sub"));
        if (!hasSub) {
          context.report(
              this,
              e.node(),
              "Without a condition on "
                  + provider
                  + ":sub, GitHub workflows of any repository can assume this role: add"
                  + " StringEquals or StringLike {\""
                  + provider
                  + ":sub\": \"repo:your-org/your-repo:ref:refs/heads/main\"}");
        }
      }
    }
  }
}
