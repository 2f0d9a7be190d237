package dev.iampolicyls.checks;

import dev.iampolicyls.policy.ConditionEntry;
import dev.iampolicyls.policy.ConditionOperator;
import dev.iampolicyls.policy.Statement;
import dev.iampolicyls.syntax.JsonNode;
import dev.iampolicyls.syntax.StringNode;

/**
 * A wildcard in GitHub's sub claim (repo:org/repo:ref:refs/heads/branch) widens who can assume the
 * role: across repositories when it is in the repository part, across branches when it is after it
 * and no ref condition names the branch.
 */
final class SpecificGithubRepoAndBranchCheck extends PolicyCheck {
  SpecificGithubRepoAndBranchCheck() {
    super(CheckCode.SPECIFIC_GITHUB_REPO_AND_BRANCH_RECOMMENDED);
  }

  @Override
  public void run(CheckContext context) {
    for (Statement s : context.policy().statements()) {
      if (!s.isAllow()) {
        continue;
      }
      boolean pinsRef = false; // a loop, not a stream: streams are slow under C1 (the batch)
      for (ConditionEntry c : s.conditionEntries()) {
        pinsRef |= OidcConditions.isGithubKey(c.key()) && OidcConditions.claim(c).equals("ref");
      }
      for (ConditionEntry c : s.conditionEntries()) {
        if (!OidcConditions.isGithubKey(c.key())
            || !OidcConditions.claim(c).equals("sub")
            || !matchesWildcards(c)) {
          continue;
        }
        for (JsonNode v : c.values()) {
          if (v instanceof StringNode value && tooBroad(value.value(), pinsRef)) {
            context.report(
                this,
                value,
                "The wildcard in \""
                    + value.value()
                    + "\" lets more repositories or branches assume this role than intended: name"
                    + " the repository and branch, such as"
                    + " \"repo:your-org/your-repo:ref:refs/heads/main\", or name the branch in a "
                    + c.key().substring(0, c.key().lastIndexOf(':'))
                    + ":ref condition");
          }
        }
      }
    }
  }

  private static boolean matchesWildcards(ConditionEntry c) {
    return c.operator()
        .map(ConditionOperator::base)
        .filter(b -> b.matchesWildcards() && !b.negated())
        .isPresent();
  }

  static boolean tooBroad(String sub, boolean pinsRef) {
    if (sub.indexOf('*') < 0 && sub.indexOf('?') < 0) {
      return false;
    }
    if (!sub.startsWith("repo:")) {
      return true;
    }
    String rest = sub.substring("repo:".length());
    int colon = rest.indexOf(':');
    String repository = colon < 0 ? rest : rest.substring(0, colon);
    if (repository.indexOf('*') >= 0 || repository.indexOf('?') >= 0) {
      return true;
    }
    return !pinsRef;
  }
}
