package dev.iampolicyls.checks;

import dev.iampolicyls.catalog.AccessLevel;
import dev.iampolicyls.grants.ActionIndex;
import dev.iampolicyls.grants.Grant;
import dev.iampolicyls.grants.GrantAnalysis;
import dev.iampolicyls.policy.StringElement;
import java.util.BitSet;

/**
 * An identity policy's Allow that grants Write, Tagging or Permissions management actions on {@code
 * "Resource": "*"} although those actions can be scoped to named resources. Actions with no
 * resource types can only be granted on "*" and never count, nor do actions named like reads
 * (iot:ListSubscriptions is filed under Write). A condition that pins the resource (its tags,
 * account or organisation) removes the finding: it scopes the resources as an ARN would.
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
      StringElement star = g.starResource().orElse(null);
      if (star == null
          || g.pinning().pinsWhich()
          || LeastPrivilege.isFullAdmin(g, analysis.index())) {
        continue;
      }
      BitSet scopable = scopableChanges(g, analysis.index());
      if (scopable.isEmpty()) {
        continue;
      }
      ctx.report(
          this,
          star.node(),
          "\"*\" lets "
              + analysis.index().describe(scopable, 3)
              + " change every resource, though "
              + (scopable.cardinality() == 1 ? "it supports" : "they support")
              + " naming resources: list the resource ARNs instead."
              + LeastPrivilege.notes(g, scopable));
    }
  }

  /** The Write, Tagging and Permissions management actions granted that take resource ARNs. */
  static BitSet scopableChanges(Grant g, ActionIndex index) {
    BitSet changes = (BitSet) index.level(AccessLevel.WRITE).clone();
    changes.or(index.level(AccessLevel.TAGGING));
    changes.or(index.level(AccessLevel.PERMISSIONS_MANAGEMENT));
    changes.and(index.resourceLevel());
    changes.andNot(index.readNamed());
    changes.and(g.granted());
    return changes;
  }
}
