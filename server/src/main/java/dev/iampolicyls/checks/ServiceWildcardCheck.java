package dev.iampolicyls.checks;

import dev.iampolicyls.catalog.AccessLevel;
import dev.iampolicyls.grants.ActionIndex;
import dev.iampolicyls.grants.Grant;
import dev.iampolicyls.grants.GrantAnalysis;
import dev.iampolicyls.policy.ActionName;
import dev.iampolicyls.policy.StringElement;
import java.util.BitSet;
import java.util.Optional;

/**
 * An Allow with {@code service:*}: every action of the service, also those AWS adds later. Silent
 * when a Deny without condition takes all of them away; a pinning condition is named in the message
 * but does not remove it (it narrows who, not what).
 */
final class ServiceWildcardCheck extends PolicyCheck {
  ServiceWildcardCheck() {
    super(CheckCode.SERVICE_WILDCARD);
  }

  @Override
  public void run(CheckContext ctx) {
    if (!LeastPrivilege.judgesGrants(ctx)) {
      return;
    }
    GrantAnalysis analysis = LeastPrivilege.analysis(ctx);
    ActionIndex index = analysis.index();
    for (Grant g : analysis.allows()) {
      if (g.notAction()) {
        continue;
      }
      for (int i = 0; i < g.tokens().size(); i++) {
        StringElement e = g.tokens().get(i);
        if (!isServiceWildcard(e.value())) {
          continue;
        }
        BitSet granted = g.grantedVia(i);
        if (granted.isEmpty()) {
          continue;
        }
        String service = e.value().substring(0, e.value().indexOf(':'));
        BitSet pm = LeastPrivilege.and(granted, index.level(AccessLevel.PERMISSIONS_MANAGEMENT));
        BitSet write = LeastPrivilege.and(granted, index.level(AccessLevel.WRITE));
        ctx.report(
            this,
            e.node(),
            "\""
                + e.value()
                + "\" grants all "
                + granted.cardinality()
                + " actions of "
                + service
                + " ("
                + write.cardinality()
                + " Write, "
                + pm.cardinality()
                + " Permissions management), and any it gets later: "
                + index.describe(granted, 3)
                + ". List only the actions the job needs."
                + LeastPrivilege.notes(g, granted));
      }
    }
  }

  /** {@code s3:*}: a real service prefix and an action part of only '*'. */
  static boolean isServiceWildcard(String value) {
    if (!value.endsWith("*")) {
      return false; // most strings, decided without splitting them
    }
    Optional<ActionName> name = ActionName.parse(value);
    return name.isPresent()
        && !ActionName.containsWildcard(name.get().service())
        && !name.get().action().isEmpty()
        && name.get().action().chars().allMatch(c -> c == '*');
  }
}
