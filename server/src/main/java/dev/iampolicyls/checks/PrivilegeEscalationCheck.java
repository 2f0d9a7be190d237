package dev.iampolicyls.checks;

import dev.iampolicyls.catalog.Action;
import dev.iampolicyls.grants.ActionIndex;
import dev.iampolicyls.grants.EscalationNarrowing;
import dev.iampolicyls.grants.EscalationTargets;
import dev.iampolicyls.grants.EscalationTargets.SelfMethod;
import dev.iampolicyls.grants.EscalationTargets.WriterMethod;
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
 * An identity policy that lets its holder escalate, after Deny, in one of three ways:
 *
 * <ul>
 *   <li>across all its Allow statements, every action of a known privilege-escalation method
 *       ({@code privilege-escalation.tsv}) on every resource (Resource "*" or NotResource, or a
 *       pattern covering every resource the action acts on, in one account or all: {@code
 *       arn:aws:iam::123456789012:role/*} for iam:PassRole). Actions granted only on named
 *       resources do not count: naming the role or user is the least-privilege answer;
 *   <li>on themselves: an action that changes the caller's own permissions ({@code
 *       self-escalation.tsv}) on a Resource that names the caller ({@code
 *       arn:aws:iam::*:user/${aws:username}}, {@code ${aws:PrincipalArn}});
 *   <li>on its resource: the action that writes a named resource's own policy ({@code
 *       resource-policy-writers.tsv}) with an action that uses what that resource holds (its
 *       objects, messages, the key), short of every action on it, and without creating or deleting
 *       it (its owner writes its policy). On every resource it is PERMISSIONS_MANAGEMENT's finding.
 * </ul>
 *
 * <p>Conditions that narrow the targets ({@link EscalationNarrowing}: resource tags, iam:PolicyARN,
 * iam:PermissionsBoundary, aws:CalledVia, iam:PassedToService) take a statement's actions out of
 * the methods they narrow. A policy that is full administrator access gets FULL_ADMIN_ACCESS
 * instead.
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

  /** One token that grants actions, with the actions it serves a method with. */
  private record Contributor(JsonNode node, int statement, BitSet granted) {}

  /** Where a method's actions reach. */
  private enum Target {
    EVERY_RESOURCE,
    THEMSELVES,
    ITS_RESOURCE
  }

  /**
   * A method a statement completes (alone, or with others when {@code spans}); {@code resource} is
   * the Resource string for the targets that name one, {@code uses} what else the policy does
   * there.
   */
  private record Hit(
      EscalationMethod method,
      Target target,
      String resource,
      BitSet uses,
      boolean spans,
      List<Contributor> contributors) {}

  /** What one run looks at: the grants, their breadth and their narrowing conditions. */
  private static final class Run {
    final CheckContext ctx;
    final GrantAnalysis analysis;
    final ActionIndex index;
    final List<Grant> allows;
    final List<BitSet> broad;
    final EscalationNarrowing[] narrowing;
    final boolean anyNarrowing;
    List<List<Contributor>> tokens; // per statement, every token with all it grants; on demand

    Run(CheckContext ctx, GrantAnalysis analysis, List<BitSet> broad) {
      this.ctx = ctx;
      this.analysis = analysis;
      this.index = analysis.index();
      this.allows = analysis.allows();
      this.broad = broad;
      narrowing = new EscalationNarrowing[allows.size()];
      boolean any = false;
      for (int i = 0; i < allows.size(); i++) {
        narrowing[i] = EscalationNarrowing.of(allows.get(i).statement());
        any |= !narrowing[i].none();
      }
      anyNarrowing = any;
    }

    boolean narrowed(int statement, int action, EscalationMethod m) {
      return anyNarrowing && narrowing[statement].narrows(index.action(action), m);
    }

    /** Whether the statement reaches the action broadly for the method, not narrowed. */
    boolean serves(int statement, int action, EscalationMethod m) {
      BitSet reach = broad.get(statement);
      return reach != null && reach.get(action) && !narrowed(statement, action, m);
    }

    boolean completesAlone(int statement, EscalationMethod m) {
      for (int a : m.indices()) {
        if (!serves(statement, a, m)) {
          return false;
        }
      }
      return true;
    }

    boolean completes(EscalationMethod m) {
      for (int a : m.indices()) {
        boolean any = false;
        for (int i = 0; i < allows.size() && !any; i++) {
          any = serves(i, a, m);
        }
        if (!any) {
          return false;
        }
      }
      return true;
    }

    List<Contributor> tokensOf(int statement) {
      if (tokens == null) {
        tokens = new ArrayList<>();
        for (int i = 0; i < allows.size(); i++) {
          tokens.add(null);
        }
      }
      List<Contributor> list = tokens.get(statement);
      if (list == null) {
        List<Contributor> out = new ArrayList<>();
        LeastPrivilege.forEachToken(
            allows.get(statement),
            (node, granted) -> out.add(new Contributor(node, statement, granted)));
        tokens.set(statement, out);
        list = out;
      }
      return list;
    }

    /** The tokens of a statement that grant some of {@code actions}, with those actions. */
    List<Contributor> granting(int statement, BitSet actions) {
      List<Contributor> out = new ArrayList<>();
      for (Contributor c : tokensOf(statement)) {
        if (c.granted().intersects(actions)) {
          out.add(new Contributor(c.node(), statement, LeastPrivilege.and(c.granted(), actions)));
        }
      }
      return out;
    }
  }

  @Override
  public void run(CheckContext ctx) {
    if (!LeastPrivilege.judgesEveryResourceGrants(ctx)) {
      return;
    }
    GrantAnalysis analysis = LeastPrivilege.analysis(ctx);
    ActionIndex index = analysis.index();
    EscalationTargets targets = EscalationTargets.of(index);
    BitSet union = new BitSet();
    List<BitSet> broad = new ArrayList<>(analysis.allows().size());
    BitSet methodActions = null;
    boolean targeted = false;
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
        targeted |=
            g.granted().intersects(targets.selfActions())
                || g.granted().intersects(targets.writerActions());
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
    if (possible.isEmpty() && !targeted) {
      return;
    }
    Run run = new Run(ctx, analysis, broad);
    Map<Integer, List<Hit>> byStatement = new TreeMap<>();
    everyResourceHits(run, possible, byStatement);
    if (targeted) {
      selfHits(run, targets, byStatement);
      writerHits(run, targets, byStatement);
    }
    for (Map.Entry<Integer, List<Hit>> e : byStatement.entrySet()) {
      report(run, e.getKey(), e.getValue());
    }
  }

  /**
   * Each method goes to every statement that completes it alone, with that statement's actions; a
   * method only the policy as a whole completes goes to the statement of its first action, with
   * every contributing action.
   */
  private static void everyResourceHits(
      Run run, List<EscalationMethod> possible, Map<Integer, List<Hit>> byStatement) {
    for (EscalationMethod m : possible) {
      if (run.anyNarrowing && !run.completes(m)) {
        continue;
      }
      boolean alone = false;
      for (int i = 0; i < run.allows.size(); i++) {
        if (run.completesAlone(i, m)) {
          alone = true;
          add(
              byStatement,
              i,
              new Hit(m, Target.EVERY_RESOURCE, null, null, false, servers(run, m, i)));
        }
      }
      if (!alone) {
        List<Contributor> all = new ArrayList<>();
        for (int i = 0; i < run.allows.size(); i++) {
          all.addAll(servers(run, m, i));
        }
        add(
            byStatement,
            all.get(0).statement(),
            new Hit(m, Target.EVERY_RESOURCE, null, null, true, all));
      }
    }
  }

  /** The tokens of a statement that reach some of a method's actions broadly, not narrowed. */
  private static List<Contributor> servers(Run run, EscalationMethod m, int statement) {
    BitSet serving = new BitSet();
    for (int a : m.indices()) {
      if (run.serves(statement, a, m)) {
        serving.set(a);
      }
    }
    return serving.isEmpty() ? List.of() : run.granting(statement, serving);
  }

  /** An action that changes the caller's own permissions on a Resource that names the caller. */
  private static void selfHits(
      Run run, EscalationTargets targets, Map<Integer, List<Hit>> byStatement) {
    for (int i = 0; i < run.allows.size(); i++) {
      Grant g = run.allows.get(i);
      if (g.statement().resource().isEmpty() || !g.granted().intersects(targets.selfActions())) {
        continue;
      }
      for (SelfMethod sm : targets.selfMethods()) {
        int a = sm.action();
        if (!g.granted().get(a)
            || (run.broad.get(i) != null && run.broad.get(i).get(a))
            || run.narrowed(i, a, sm.method())) {
          continue; // not granted, or already a finding on every resource, or narrowed
        }
        for (StringElement r : g.statement().resources()) {
          if (EscalationTargets.namesTheCaller(r.value(), sm.resourceType())) {
            add(
                byStatement,
                i,
                new Hit(
                    sm.method(),
                    Target.THEMSELVES,
                    r.value(),
                    null,
                    false,
                    run.granting(i, sm.method().actionSet())));
            break;
          }
        }
      }
    }
  }

  /**
   * The action that writes a named resource's policy, with an action that uses what the resource
   * holds (objects, messages, the key), short of everything its service does there: the holder may
   * grant itself the rest.
   */
  private static void writerHits(
      Run run, EscalationTargets targets, Map<Integer, List<Hit>> byStatement) {
    for (int i = 0; i < run.allows.size(); i++) {
      Grant g = run.allows.get(i);
      if (g.statement().resource().isEmpty() || !g.granted().intersects(targets.writerActions())) {
        continue;
      }
      for (WriterMethod wm : targets.writers()) {
        if (!g.granted().get(wm.action())) {
          continue;
        }
        Action writer = run.index.action(wm.action());
        for (StringElement r : g.statement().resources()) {
          if (ResourceSemantics.breadth(run.ctx.catalog(), r.value(), writer)
              != ResourceBreadth.NAMED) {
            continue; // every resource: PERMISSIONS_MANAGEMENT; none: RESOURCE_MISMATCH
          }
          Hit hit = writerHit(run, wm, r.value(), i);
          if (hit != null) {
            add(byStatement, i, hit);
            break;
          }
        }
      }
    }
  }

  private static Hit writerHit(Run run, WriterMethod wm, String resource, int statement) {
    BitSet uses = new BitSet();
    List<Contributor> users = new ArrayList<>();
    for (int j = 0; j < run.allows.size(); j++) {
      BitSet found = actingWithin(run, j, wm.uses(), resource);
      if (!found.isEmpty()) {
        uses.or(found);
        users.addAll(run.granting(j, found));
      }
    }
    if (uses.isEmpty() || grantsAnyWithin(run, wm.owners(), resource)) {
      return null;
    }
    // Every action of the service there already: the policy could give itself nothing more.
    BitSet there = new BitSet();
    for (int j = 0; j < run.allows.size(); j++) {
      there.or(actingWithin(run, j, wm.services(), resource));
    }
    if (hasEverything(run.index, wm, there)) {
      return null;
    }
    List<Contributor> contributors =
        new ArrayList<>(run.granting(statement, wm.method().actionSet()));
    contributors.addAll(users);
    return new Hit(wm.method(), Target.ITS_RESOURCE, resource, uses, false, contributors);
  }

  private static boolean grantsAnyWithin(Run run, BitSet actions, String resource) {
    for (int j = 0; j < run.allows.size(); j++) {
      if (!actingWithin(run, j, actions, resource).isEmpty()) {
        return true;
      }
    }
    return false;
  }

  /** Those of the actions that a statement grants on the resource or what lies inside it. */
  private static BitSet actingWithin(Run run, int statement, BitSet actions, String resource) {
    Grant g = run.allows.get(statement);
    BitSet found = new BitSet();
    if (!g.granted().intersects(actions)) {
      return found;
    }
    BitSet candidates = LeastPrivilege.and(g.granted(), actions);
    for (int a = candidates.nextSetBit(0); a >= 0; a = candidates.nextSetBit(a + 1)) {
      if (actsWithin(run, g, run.index.action(a), resource)) {
        found.set(a);
      }
    }
    return found;
  }

  /**
   * Whether the statement lets the action act on the resource or what lies inside it (a bucket's
   * objects, a function's versions): one of its Resources overlaps that scope where the action
   * acts.
   */
  private static boolean actsWithin(Run run, Grant g, Action action, String resource) {
    if (action.resourceTypes().isEmpty()) {
      return false; // acts on no resource (s3:ListAllMyBuckets)
    }
    List<StringElement> resources = g.statement().resources();
    boolean everywhere = g.notResource();
    for (String scope : EscalationTargets.scope(resource)) {
      if (ResourceSemantics.breadth(run.ctx.catalog(), scope, action)
          == ResourceBreadth.NO_RESOURCE) {
        continue;
      }
      if (everywhere) {
        // NotResource: everything but what it names; leaning to silence when that may be here.
        if (resources.stream().noneMatch(r -> EscalationTargets.mayOverlap(r.value(), scope))) {
          return true;
        }
        continue;
      }
      for (StringElement r : resources) {
        if (EscalationTargets.mayOverlap(r.value(), scope)
            && ResourceSemantics.breadth(run.ctx.catalog(), r.value(), action)
                != ResourceBreadth.NO_RESOURCE) {
          return true;
        }
      }
    }
    return false;
  }

  /** Whether the policy already grants every action of the writer's service on its type. */
  private static boolean hasEverything(ActionIndex index, WriterMethod wm, BitSet uses) {
    Action writer = index.action(wm.action());
    BitSet service = index.match(writer.service().prefix() + ":*");
    for (int a = service.nextSetBit(0); a >= 0; a = service.nextSetBit(a + 1)) {
      if (a != wm.action()
          && !uses.get(a)
          && EscalationTargets.actsOn(index.action(a), wm.resourceType())) {
        return false;
      }
    }
    return true;
  }

  private static void add(Map<Integer, List<Hit>> byStatement, int statement, Hit hit) {
    if (!hit.contributors().isEmpty()) {
      byStatement.computeIfAbsent(statement, k -> new ArrayList<>()).add(hit);
    }
  }

  /**
   * One finding on the statement's first contributing token; every other contributing token, in
   * this statement or another, is a related location saying which method it serves.
   */
  private void report(Run run, int statement, List<Hit> hits) {
    // On a token that grants a method's own action: the uses of a written resource only say whose.
    Contributor at = null;
    for (Hit h : hits) {
      for (Contributor c : h.contributors()) {
        if (c.statement() == statement
            && h.method().anyIn(c.granted())
            && (at == null || c.node().offset() < at.node().offset())) {
          at = c;
        }
      }
    }
    Map<JsonNode, Finding.Related> related = new LinkedHashMap<>();
    BitSet mine = new BitSet();
    for (Hit h : hits) {
      for (Contributor c : h.contributors()) {
        if (c.statement() == statement) {
          mine.or(c.granted());
        }
        if (c.node() != at.node() && !related.containsKey(c.node())) {
          related.put(
              c.node(),
              new Finding.Related(
                  c.node().offset(),
                  c.node().length(),
                  (h.method().anyIn(c.granted())
                          ? "also needed for " + h.method().name() + ": "
                          : "what " + h.method().name() + " builds on: ")
                      + run.index.describe(c.granted(), 3)));
        }
      }
    }
    Grant g = run.allows.get(statement);
    run.ctx.report(
        this,
        at.node(),
        message(run.index, hits, g, mine),
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

  private static String message(ActionIndex index, List<Hit> hits, Grant g, BitSet mine) {
    Hit first = hits.get(0);
    StringBuilder sb =
        new StringBuilder("Allows privilege escalation by ").append(first.method().name());
    if (hits.size() > 1) {
      List<String> names = new ArrayList<>();
      for (int i = 1; i < Math.min(hits.size(), METHODS_SHOWN + 1); i++) {
        names.add(hits.get(i).method().name());
      }
      int more = hits.size() - 1 - names.size();
      sb.append(" (also ").append(String.join(", ", names));
      if (more > 0) {
        sb.append(" and ").append(more).append(" more methods");
      }
      sb.append(")");
    }
    // Every needed action is granted (that is what makes it a finding), so one list says it all.
    String needs = String.join(", ", first.method().actionNames());
    sb.append(": ").append(first.method().how()).append(" It needs ").append(needs);
    switch (first.target()) {
      case EVERY_RESOURCE ->
          sb.append(
                  first.spans()
                      ? ", which this policy grants across statements"
                      : ", which this statement grants")
              .append(" on every resource. Name the resources these actions may be used on, or")
              .append(" drop the ones the job does not need.");
      case THEMSELVES ->
          sb.append(", which this statement grants on themselves: ")
              .append(first.resource())
              .append(" is the caller's own identity. Changing one's own permissions is an")
              .append(" administrator's job: drop the action here.");
      case ITS_RESOURCE ->
          sb.append(" on ")
              .append(first.resource())
              .append(", which this statement grants where the policy also grants ")
              .append(index.describe(first.uses(), 3))
              .append(". Leave the resource's policy to its administrators, or grant here what")
              .append(" the job needs on it.");
    }
    sb.append(LeastPrivilege.notes(g, mine));
    return sb.toString();
  }
}
