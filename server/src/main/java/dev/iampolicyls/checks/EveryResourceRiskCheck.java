package dev.iampolicyls.checks;

import dev.iampolicyls.grants.Grant;
import dev.iampolicyls.grants.GrantAnalysis;
import dev.iampolicyls.grants.Reach;
import java.util.BitSet;

/**
 * The shape of the checks that flag risky actions granted on every resource in an identity policy:
 * each Action string (or NotAction key) that grants, after Deny, some action of the risky set on
 * every resource of its types in an account at least ({@link Reach#A_WHOLE_TYPE_IN_AN_ACCOUNT}:
 * Resource "*", NotResource, {@code arn:aws:iam::123456789012:role/*} for role actions) gets one
 * finding naming those actions. A statement that is full administrator access is left to
 * FULL_ADMIN_ACCESS.
 */
abstract class EveryResourceRiskCheck extends PolicyCheck {
  EveryResourceRiskCheck(CheckCode code) {
    super(code);
  }

  /** The risky actions. */
  abstract BitSet risky(GrantAnalysis analysis);

  /** Whether the statement's conditions remove the risk. */
  abstract boolean removedBy(Grant g);

  /**
   * The message for the risky actions one token grants.
   *
   * @param where where they are granted: "on every resource", or the class of the Resource pattern
   */
  abstract String message(GrantAnalysis analysis, String actions, String where);

  @Override
  public final void run(CheckContext ctx) {
    if (!LeastPrivilege.judgesEveryResourceGrants(ctx)) {
      return;
    }
    GrantAnalysis analysis = LeastPrivilege.analysis(ctx);
    BitSet risky = risky(analysis);
    for (Grant g : analysis.allows()) {
      if (!g.granted().intersects(risky)
          || removedBy(g)
          || LeastPrivilege.isFullAdmin(g, analysis.index())) {
        continue;
      }
      Reach.Reached reached = Reach.reached(g, risky, Reach.A_WHOLE_TYPE_IN_AN_ACCOUNT);
      if (reached.isEmpty()) {
        continue;
      }
      // Few risky actions reached: test those bits per token instead of whole sets.
      BitSet riskyGranted = reached.actions();
      int[] few = riskyGranted.cardinality() <= 256 ? riskyGranted.stream().toArray() : null;
      LeastPrivilege.forEachToken(
          g,
          (node, granted) -> {
            BitSet found =
                few != null ? pick(few, granted) : LeastPrivilege.and(granted, riskyGranted);
            if (!found.isEmpty()) {
              String actions = analysis.index().describe(found, 3);
              ctx.report(
                  this,
                  node,
                  message(analysis, actions, reached.where(found))
                      + LeastPrivilege.notes(g, found));
            }
          });
    }
  }

  private static BitSet pick(int[] candidates, BitSet set) {
    BitSet out = new BitSet();
    for (int i : candidates) {
      if (set.get(i)) {
        out.set(i);
      }
    }
    return out;
  }
}
