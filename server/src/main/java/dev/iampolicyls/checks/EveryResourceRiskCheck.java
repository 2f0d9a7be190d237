package dev.iampolicyls.checks;

import dev.iampolicyls.grants.Grant;
import dev.iampolicyls.grants.GrantAnalysis;
import java.util.BitSet;

/**
 * The shape of the checks that flag risky actions granted on every resource in an identity policy:
 * each Action string (or NotAction key) that grants, after Deny, some action of the risky set on
 * Resource "*" or NotResource gets one finding naming those actions. A statement that is full
 * administrator access is left to FULL_ADMIN_ACCESS.
 */
abstract class EveryResourceRiskCheck extends PolicyCheck {
  EveryResourceRiskCheck(CheckCode code) {
    super(code);
  }

  /** The risky actions. */
  abstract BitSet risky(GrantAnalysis analysis);

  /** Whether the statement's conditions remove the risk. */
  abstract boolean removedBy(Grant g);

  /** The message for the risky actions one token grants. */
  abstract String message(GrantAnalysis analysis, String actions, BitSet risky);

  @Override
  public final void run(CheckContext ctx) {
    if (!LeastPrivilege.judgesEveryResourceGrants(ctx)) {
      return;
    }
    GrantAnalysis analysis = LeastPrivilege.analysis(ctx);
    BitSet risky = risky(analysis);
    for (Grant g : analysis.allows()) {
      if (!g.onEveryResource()
          || !g.granted().intersects(risky)
          || removedBy(g)
          || LeastPrivilege.isFullAdmin(g, analysis.index())) {
        continue;
      }
      // Few risky actions granted: test those bits per token instead of whole sets.
      BitSet riskyGranted = LeastPrivilege.and(g.granted(), risky);
      int[] few = riskyGranted.cardinality() <= 256 ? riskyGranted.stream().toArray() : null;
      LeastPrivilege.forEachToken(
          g,
          (node, granted) -> {
            BitSet found = few != null ? pick(few, granted) : LeastPrivilege.and(granted, risky);
            if (!found.isEmpty()) {
              String actions = analysis.index().describe(found, 3);
              ctx.report(
                  this, node, message(analysis, actions, found) + LeastPrivilege.notes(g, found));
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
