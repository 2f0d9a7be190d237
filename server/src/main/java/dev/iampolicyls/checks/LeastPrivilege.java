package dev.iampolicyls.checks;

import dev.iampolicyls.grants.ActionIndex;
import dev.iampolicyls.grants.Grant;
import dev.iampolicyls.grants.GrantAnalysis;
import dev.iampolicyls.policy.PolicyType;
import dev.iampolicyls.syntax.JsonNode;
import java.util.BitSet;
import java.util.function.BiConsumer;

/**
 * What the least-privilege checks share.
 *
 * <p>Which policies they judge: SCPs and RCPs grant nothing (their Allow only sets a ceiling, and
 * AWS's default SCP is Allow "*"), so no least-privilege check looks at them. The checks about
 * reaching every resource (Resource "*") judge identity policies only: in a resource policy "*"
 * means the resource the policy is attached to.
 *
 * <p>A statement that grants full administrator access gets FULL_ADMIN_ACCESS alone: the finer
 * codes (permissions management, escalation, credentials, data) would only repeat it.
 */
final class LeastPrivilege {
  private LeastPrivilege() {}

  static boolean judgesGrants(CheckContext ctx) {
    return !ctx.policyType().isOrganizationsPolicy();
  }

  static boolean judgesEveryResourceGrants(CheckContext ctx) {
    return ctx.policyType() == PolicyType.IDENTITY_POLICY;
  }

  static GrantAnalysis analysis(CheckContext ctx) {
    return GrantAnalysis.of(ctx.policy(), ctx.catalog(), ctx.clock());
  }

  /**
   * Full administrator access: Resource "*" and, after Deny, every IAM action, granted by an Action
   * that matches everything or by a NotAction (whatever it leaves out, IAM lets it grant itself the
   * rest).
   */
  static boolean isFullAdmin(Grant g, ActionIndex index) {
    if (g.starResource().isEmpty() || g.granted().isEmpty()) {
      return false;
    }
    if (!g.notAction() && fullAdminToken(g) < 0) {
      return false;
    }
    // Every IAM action still granted: walked bit by bit, no copy of the set per statement.
    BitSet iam = index.match("iam:*");
    BitSet granted = g.granted();
    for (int i = iam.nextSetBit(0); i >= 0; i = iam.nextSetBit(i + 1)) {
      if (!granted.get(i)) {
        return false;
      }
    }
    return true;
  }

  /** The index of an Action string that matches every action, or -1. */
  static int fullAdminToken(Grant g) {
    for (int i = 0; i < g.tokens().size(); i++) {
      if (isEverything(g.tokens().get(i).value()) && !g.matchedBy(i).isEmpty()) {
        return i;
      }
    }
    return -1;
  }

  private static boolean isEverything(String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c != '*' && c != ':') {
        return false;
      }
    }
    return value.indexOf('*') >= 0;
  }

  /**
   * Visits each token that grants actions with the actions it grants after Deny: every Action
   * string, or the NotAction key for a NotAction statement.
   */
  static void forEachToken(Grant g, BiConsumer<JsonNode, BitSet> visitor) {
    if (g.notAction()) {
      g.actionProperty().ifPresent(p -> visitor.accept(p.key(), g.granted()));
      return;
    }
    for (int i = 0; i < g.tokens().size(); i++) {
      visitor.accept(g.tokens().get(i).node(), g.grantedVia(i));
    }
  }

  static BitSet and(BitSet a, BitSet b) {
    BitSet out = (BitSet) a.clone();
    out.and(b);
    return out;
  }

  /** The notes every message ends with: conditions and conditional Deny statements. */
  static String notes(Grant g, BitSet actions) {
    return g.pinning().note() + g.conditionalDenyNote(actions);
  }
}
