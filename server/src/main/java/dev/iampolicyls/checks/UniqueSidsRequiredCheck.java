package dev.iampolicyls.checks;

import dev.iampolicyls.policy.Policy;
import dev.iampolicyls.policy.PolicyType;
import dev.iampolicyls.policy.Statement;
import dev.iampolicyls.syntax.StringNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Sids name statements, and IAM rejects an identity or role trust policy in which two statements
 * share one. Other policy types accept duplicates: there it is UNIQUE_SIDS_RECOMMENDED.
 */
final class UniqueSidsRequiredCheck extends PolicyCheck {
  UniqueSidsRequiredCheck() {
    super(CheckCode.UNIQUE_SIDS_REQUIRED);
  }

  @Override
  public void run(CheckContext context) {
    if (!required(context.policyType())) {
      return;
    }
    for (StringNode sid : duplicateSids(context.policy())) {
      context.report(
          this,
          sid,
          "Sid \""
              + sid.value()
              + "\" is used by an earlier statement: give each statement its own");
    }
  }

  static boolean required(PolicyType type) {
    return type == PolicyType.IDENTITY_POLICY || type == PolicyType.TRUST_POLICY;
  }

  /** Each Sid that repeats an earlier statement's (exactly: Sids are case-sensitive). */
  static List<StringNode> duplicateSids(Policy policy) {
    Set<String> seen = new HashSet<>();
    List<StringNode> duplicates = new ArrayList<>();
    for (Statement s : policy.statements()) {
      if (s.sid().map(p -> p.value()).orElse(null) instanceof StringNode sid
          && !sid.value().isEmpty()
          && !seen.add(sid.value())) {
        duplicates.add(sid);
      }
    }
    return duplicates;
  }
}
