package dev.iampolicyls.checks;

import dev.iampolicyls.catalog.Action;
import dev.iampolicyls.grants.ActionIndex;
import dev.iampolicyls.grants.Grant;
import dev.iampolicyls.grants.GrantAnalysis;
import dev.iampolicyls.grants.RiskSets.EscalationMethod;
import dev.iampolicyls.policy.StringElement;
import dev.iampolicyls.semantics.ResourceBreadth;
import dev.iampolicyls.semantics.ResourceSemantics;
import dev.iampolicyls.syntax.JsonNode;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An identity policy that, across all its Allow statements, grants every action of a known
 * privilege-escalation method ({@code privilege-escalation.tsv}) on every resource (Resource "*" or
 * NotResource, or a pattern covering every resource the action acts on, in one account or all:
 * {@code arn:aws:iam::123456789012:role/*} for iam:PassRole), after Deny. Actions granted only on
 * named resources do not count: naming the role or user is the least-privilege answer. A policy
 * that is full administrator access gets FULL_ADMIN_ACCESS instead.
 *
 * <p>Each Action string (or NotAction key) that contributes gets one finding naming the methods it
 * takes part in and how the first escalates; its related locations are the other contributing
 * strings.
 */
final class PrivilegeEscalationCheck extends PolicyCheck {
  private static final int METHODS_SHOWN = 2;

  PrivilegeEscalationCheck() {
    super(CheckCode.PRIVILEGE_ESCALATION);
  }

  /** One token that grants actions, with the grant it belongs to. */
  private record Contributor(JsonNode node, Grant grant, BitSet granted) {}

  @Override
  public void run(CheckContext ctx) {
    if (!LeastPrivilege.judgesEveryResourceGrants(ctx)) {
      return;
    }
    GrantAnalysis analysis = LeastPrivilege.analysis(ctx);
    ActionIndex index = analysis.index();
    BitSet union = new BitSet();
    List<BitSet> broad = new ArrayList<>(analysis.allows().size());
    BitSet methodActions = null;
    for (Grant g : analysis.allows()) {
      if (LeastPrivilege.isFullAdmin(g, index)) {
        return;
      }
      BitSet reach = null;
      if (g.onEveryResource()) {
        reach = g.granted();
      } else if (!g.statement().resource().isEmpty()) {
        if (methodActions == null) {
          methodActions = new BitSet();
          for (EscalationMethod m : analysis.risks().escalationMethods()) {
            methodActions.or(m.actionSet());
          }
        }
        reach = onEveryResourceOfTheirTypes(ctx, g, methodActions, index);
      }
      broad.add(reach);
      if (reach != null) {
        union.or(reach);
      }
    }
    List<EscalationMethod> possible = new ArrayList<>();
    for (EscalationMethod m : analysis.risks().escalationMethods()) {
      if (m.allIn(union)) {
        possible.add(m);
      }
    }
    if (possible.isEmpty()) {
      return;
    }
    List<Contributor> contributors = new ArrayList<>();
    for (int i = 0; i < analysis.allows().size(); i++) {
      Grant g = analysis.allows().get(i);
      BitSet reach = broad.get(i);
      if (reach == null || reach.isEmpty()) {
        continue;
      }
      LeastPrivilege.forEachToken(
          g,
          (node, granted) ->
              contributors.add(
                  new Contributor(
                      node,
                      g,
                      reach == g.granted() ? granted : LeastPrivilege.and(granted, reach))));
    }
    // Per contributing token, the methods it takes part in, in data-file order.
    Map<Contributor, List<EscalationMethod>> byToken = new LinkedHashMap<>();
    Map<EscalationMethod, List<Contributor>> tokensOf = new LinkedHashMap<>();
    for (EscalationMethod m : possible) {
      List<Contributor> tokens = new ArrayList<>();
      for (Contributor c : contributors) {
        if (m.anyIn(c.granted())) {
          tokens.add(c);
          byToken.computeIfAbsent(c, k -> new ArrayList<>()).add(m);
        }
      }
      tokensOf.put(m, tokens);
    }
    for (Map.Entry<Contributor, List<EscalationMethod>> e : byToken.entrySet()) {
      Contributor c = e.getKey();
      List<EscalationMethod> methods = e.getValue();
      List<Finding.Related> related = new ArrayList<>();
      List<JsonNode> seen = new ArrayList<>();
      BitSet mine = new BitSet();
      for (EscalationMethod m : methods) {
        mine.or(LeastPrivilege.and(c.granted(), m.actionSet()));
        for (Contributor other : tokensOf.get(m)) {
          if (other.node() != c.node() && !seen.contains(other.node())) {
            seen.add(other.node());
            related.add(
                new Finding.Related(
                    other.node().offset(),
                    other.node().length(),
                    "also needed for "
                        + m.name()
                        + ": "
                        + index.describe(LeastPrivilege.and(other.granted(), m.actionSet()), 3)));
          }
        }
      }
      ctx.report(this, c.node(), message(methods, index, mine, c.grant()), related);
    }
  }

  /**
   * The escalation actions a statement with named Resources grants on every resource they act on
   * all the same: {@code arn:aws:iam::123456789012:role/*} is every role of that account, as good
   * as {@code *} for iam:PassRole ({@link ResourceBreadth#isEveryInAccount}). A partial name
   * ({@code role/app-*}) stays named. Null when there is none.
   */
  private static BitSet onEveryResourceOfTheirTypes(
      CheckContext ctx, Grant g, BitSet methodActions, ActionIndex index) {
    if (!g.granted().intersects(methodActions)) {
      return null; // the usual case: decided without looking at a Resource
    }
    BitSet candidates = LeastPrivilege.and(g.granted(), methodActions);
    BitSet out = new BitSet();
    for (int a = candidates.nextSetBit(0); a >= 0; a = candidates.nextSetBit(a + 1)) {
      Action action = index.action(a);
      for (StringElement r : g.statement().resources()) {
        if (ResourceSemantics.breadth(ctx.catalog(), r.value(), action).isEveryInAccount()) {
          out.set(a);
          break;
        }
      }
    }
    return out.isEmpty() ? null : out;
  }

  private static String message(
      List<EscalationMethod> methods, ActionIndex index, BitSet mine, Grant g) {
    EscalationMethod first = methods.get(0);
    StringBuilder sb = new StringBuilder("Allows privilege escalation by ").append(first.name());
    if (methods.size() > 1) {
      List<String> names = new ArrayList<>();
      for (int i = 1; i < Math.min(methods.size(), METHODS_SHOWN + 1); i++) {
        names.add(methods.get(i).name());
      }
      int more = methods.size() - 1 - names.size();
      sb.append(" (also ").append(String.join(", ", names));
      if (more > 0) {
        sb.append(" and ").append(more).append(" more methods");
      }
      sb.append(")");
    }
    sb.append(": ")
        .append(first.how())
        .append(" Needs ")
        .append(String.join(", ", first.actionNames()))
        .append("; this grants ")
        .append(index.describe(mine, 3))
        .append(". Name the resources these actions may be used on, or drop the ones the job does")
        .append(" not need.")
        .append(LeastPrivilege.notes(g, mine));
    return sb.toString();
  }
}
