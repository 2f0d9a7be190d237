package dev.iampolicyls.checks;

import dev.iampolicyls.grants.ActionIndex;
import dev.iampolicyls.grants.Grant;
import dev.iampolicyls.grants.GrantAnalysis;
import dev.iampolicyls.grants.Reach;
import dev.iampolicyls.policy.StringElement;
import java.util.BitSet;

/**
 * An identity policy's Allow that grants Write, Tagging or Permissions management actions on {@code
 * "Resource": "*"}, or a pattern as broad as "*" for them ({@link Reach#AS_BROAD_AS_STAR}: {@code
 * arn:*:cloudtrail:*:*:trail/*} for trail actions), although those actions can be scoped to named
 * resources. Actions with no resource types can only be granted on "*" and never count, nor do
 * actions named like reads (iot:ListSubscriptions is filed under Write). A condition that pins the
 * resource (its tags, account or organisation) removes the finding: it scopes the resources as an
 * ARN would.
 */
final class ResourceStarCheck extends PolicyCheck {
  ResourceStarCheck() {
    super(CheckCode.RESOURCE_STAR);
  }

  @Override
  public void run(CheckContext ctx) {
    if (!LeastPrivilege.judgesEveryResourceGrants(ctx)) {
      return;
    }
    GrantAnalysis analysis = LeastPrivilege.analysis(ctx);
    for (Grant g : analysis.allows()) {
      if (g.notResource()
          || !mayReachEverything(g)
          || g.pinning().pinsWhich()
          || LeastPrivilege.isFullAdmin(g, analysis.index())) {
        continue;
      }
      if (!g.granted().intersects(analysis.index().scopableChanges())) {
        continue; // asked first: the set itself is a copy over every action granted
      }
      BitSet scopable = scopableChanges(g, analysis.index());
      if (g.starResource().isPresent()) {
        report(ctx, analysis, g, g.starResource().get(), scopable);
        continue;
      }
      for (StringElement r : g.statement().resources()) {
        BitSet reached = Reach.reachedBy(g, r, scopable, Reach.AS_BROAD_AS_STAR);
        if (!reached.isEmpty()) {
          report(ctx, analysis, g, r, reached);
        }
      }
    }
  }

  private void report(
      CheckContext ctx, GrantAnalysis analysis, Grant g, StringElement broad, BitSet changes) {
    boolean star = g.starResource().isPresent();
    ctx.report(
        this,
        broad.node(),
        "\""
            + broad.value()
            + "\" lets "
            + analysis.index().describe(changes, 3)
            + " change every resource"
            + (star ? "" : " (it is as broad as \"*\" for them)")
            + ", though "
            + (changes.cardinality() == 1 ? "it supports" : "they support")
            + " naming resources: "
            + (star ? "list the resource ARNs instead." : "name the account, Region or resources.")
            + LeastPrivilege.notes(g, changes));
  }

  /**
   * Whether a Resource of the grant has a star: a pattern without one names boundedly many, never
   * every resource ({@link Reach#reachedBy}), so most grants are settled before any set is built.
   */
  private static boolean mayReachEverything(Grant g) {
    for (StringElement r : g.statement().resources()) {
      if (r.value().indexOf('*') >= 0) {
        return true;
      }
    }
    return false;
  }

  /** The Write, Tagging and Permissions management actions granted that take resource ARNs. */
  static BitSet scopableChanges(Grant g, ActionIndex index) {
    return LeastPrivilege.and(g.granted(), index.scopableChanges());
  }
}
