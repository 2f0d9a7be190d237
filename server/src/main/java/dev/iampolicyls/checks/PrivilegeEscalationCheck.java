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
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * An identity policy that, across all its Allow statements, grants every action of a known
 * privilege-escalation method ({@code privilege-escalation.tsv}) on every resource (Resource "*" or
 * NotResource, or a pattern covering every resource the action acts on, in one account or all:
 * {@code arn:aws:iam::123456789012:role/*} for iam:PassRole), after Deny. Actions granted only on
 * named resources do not count: naming the role or user is the least-privilege answer. A policy
 * that is full administrator access gets FULL_ADMIN_ACCESS instead.
 *
 * <p>One risk, one finding: each statement that completes methods on its own gets one finding
 * naming them, on its first contributing Action string (or NotAction key); a method only the
 * statements together complete is reported once, on the statement of its first action. Every other
 * contributing string is a related location.
 */
final class PrivilegeEscalationCheck extends PolicyCheck {
  private static final int METHODS_SHOWN = 2;

  PrivilegeEscalationCheck() {
    super(CheckCode.PRIVILEGE_ESCALATION);
  }

  /** One token that grants actions, with the grant it belongs to. */
  private record Contributor(JsonNode node, int statement, BitSet granted) {}

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
      int statement = i;
      LeastPrivilege.forEachToken(
          g,
          (node, granted) ->
              contributors.add(
                  new Contributor(
                      node,
                      statement,
                      reach == g.granted() ? granted : LeastPrivilege.and(granted, reach))));
    }
    // Each method goes to every statement that completes it alone, with that statement's actions;
    // a method only the policy as a whole completes goes to the statement of its first action,
    // with every contributing action. One finding per statement then.
    Map<Integer, Map<EscalationMethod, List<Contributor>>> byStatement = new TreeMap<>();
    for (EscalationMethod m : possible) {
      boolean alone = false;
      for (int i = 0; i < broad.size(); i++) {
        if (broad.get(i) != null && m.allIn(broad.get(i))) {
          alone = true;
          byStatement
              .computeIfAbsent(i, k -> new LinkedHashMap<>())
              .put(m, contributorsOf(m, contributors, i));
        }
      }
      if (!alone) {
        List<Contributor> all = contributorsOf(m, contributors, -1);
        byStatement.computeIfAbsent(all.get(0).statement(), k -> new LinkedHashMap<>()).put(m, all);
      }
    }
    for (Map.Entry<Integer, Map<EscalationMethod, List<Contributor>>> e : byStatement.entrySet()) {
      report(ctx, analysis.allows().get(e.getKey()), e.getKey(), e.getValue(), index);
    }
  }

  /** The tokens that grant some of a method's actions: in one statement, or anywhere for -1. */
  private static List<Contributor> contributorsOf(
      EscalationMethod m, List<Contributor> contributors, int statement) {
    List<Contributor> out = new ArrayList<>();
    for (Contributor c : contributors) {
      if ((statement < 0 || c.statement() == statement) && m.anyIn(c.granted())) {
        out.add(c);
      }
    }
    return out;
  }

  /**
   * One finding on the statement's first contributing token; every other contributing token, in
   * this statement or another, is a related location saying which method it serves.
   */
  private void report(
      CheckContext ctx,
      Grant g,
      int statement,
      Map<EscalationMethod, List<Contributor>> methods,
      ActionIndex index) {
    Contributor at = null;
    for (List<Contributor> tokens : methods.values()) {
      for (Contributor c : tokens) {
        if (c.statement() == statement && (at == null || c.node().offset() < at.node().offset())) {
          at = c;
        }
      }
    }
    Map<JsonNode, Finding.Related> related = new LinkedHashMap<>();
    BitSet mine = new BitSet();
    // Whether the method the message explains takes actions from other statements.
    boolean spans = false;
    boolean first = true;
    for (Map.Entry<EscalationMethod, List<Contributor>> e : methods.entrySet()) {
      EscalationMethod m = e.getKey();
      for (Contributor c : e.getValue()) {
        BitSet used = LeastPrivilege.and(c.granted(), m.actionSet());
        if (c.statement() == statement) {
          mine.or(used);
        } else {
          spans |= first;
        }
        if (c.node() != at.node() && !related.containsKey(c.node())) {
          related.put(
              c.node(),
              new Finding.Related(
                  c.node().offset(),
                  c.node().length(),
                  "also needed for " + m.name() + ": " + index.describe(used, 3)));
        }
      }
      first = false;
    }
    ctx.report(
        this,
        at.node(),
        message(List.copyOf(methods.keySet()), spans, mine, g),
        related.values().stream()
            .sorted(Comparator.comparingInt(Finding.Related::offset))
            .toList());
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
      List<EscalationMethod> methods, boolean spans, BitSet mine, Grant g) {
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
    // Every needed action is granted (that is what makes it a finding), so one list says it all.
    sb.append(": ")
        .append(first.how())
        .append(" It needs ")
        .append(String.join(", ", first.actionNames()))
        .append(
            spans
                ? ", which this policy grants across statements"
                : ", which this statement grants")
        .append(" on every resource. Name the resources these actions may be used on, or drop the")
        .append(" ones the job does not need.")
        .append(LeastPrivilege.notes(g, mine));
    return sb.toString();
  }
}
