package dev.iampolicyls.checks;

import dev.iampolicyls.grants.Grant;
import dev.iampolicyls.grants.GrantAnalysis;
import dev.iampolicyls.policy.PolicyResourceType;
import dev.iampolicyls.policy.Statement;
import dev.iampolicyls.policy.StringElement;
import dev.iampolicyls.syntax.JsonNode;
import dev.iampolicyls.syntax.ObjectNode;
import dev.iampolicyls.syntax.PropertyNode;

/**
 * A resource or trust policy whose Allow names {@code "Principal": "*"} (or {@code {"AWS": "*"}})
 * lets anyone, in any account, use it. A condition that pins the caller (aws:PrincipalOrgID,
 * aws:PrincipalAccount, aws:SourceArn, aws:SourceAccount, aws:SourceVpc(e), aws:SourceIp...)
 * removes it, as does a Deny without condition that takes away every action it grants, or a Deny
 * that takes them away from all but such callers ({@code StringNotEquals aws:SourceVpce}, a private
 * API's usual policy). Reported on the "*". Not in a VPC endpoint policy, which grants nothing by
 * itself and names "*" as a rule.
 */
final class PublicAccessCheck extends PolicyCheck {
  PublicAccessCheck() {
    super(CheckCode.PUBLIC_ACCESS);
  }

  @Override
  public void run(CheckContext ctx) {
    if (!ctx.policyType().isResourceBased()
        || ctx.resourceType().orElse(null) == PolicyResourceType.EC2_VPC_ENDPOINT) {
      return;
    }
    GrantAnalysis analysis = LeastPrivilege.analysis(ctx);
    for (Grant g : analysis.allows()) {
      Statement s = g.statement();
      JsonNode star = s.principal().map(p -> starOf(p.value())).orElse(null);
      if (star == null
          || g.pinning().pinsWho()
          || g.granted().isEmpty()
          || g.pinnedByDeny(g.granted())) {
        continue;
      }
      ctx.report(
          this,
          star,
          "Principal \"*\" lets anyone in any AWS account use "
              + analysis.index().describe(g.granted(), 3)
              + ". Name the principals, or add a condition such as aws:PrincipalOrgID or"
              + " aws:SourceAccount."
              + g.conditionalDenyNote(g.granted()));
    }
  }

  /** The "*" string that makes the principal everyone, or null. */
  private static JsonNode starOf(JsonNode principal) {
    if (!GrantAnalysis.isEveryone(principal)) {
      return null;
    }
    if (principal instanceof ObjectNode o) {
      for (PropertyNode p : o.properties()) {
        if (p.name().equals("AWS")) {
          for (StringElement e : Statement.strings(p.value())) {
            if (e.value().equals("*")) {
              return e.node();
            }
          }
        }
      }
      return null;
    }
    return principal;
  }
}
