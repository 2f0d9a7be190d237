package dev.iampolicyls.compare;

import dev.iampolicyls.catalog.Action;
import dev.iampolicyls.catalog.ActionResource;
import dev.iampolicyls.catalog.Catalog;
import dev.iampolicyls.catalog.ConditionKey;
import dev.iampolicyls.catalog.Service;
import dev.iampolicyls.evaluation.Evaluation;
import dev.iampolicyls.evaluation.Evaluator;
import dev.iampolicyls.evaluation.NamedPolicy;
import dev.iampolicyls.evaluation.PolicyRole;
import dev.iampolicyls.evaluation.PolicySet;
import dev.iampolicyls.evaluation.Request;
import dev.iampolicyls.evaluation.RequestContext;
import dev.iampolicyls.evaluation.RequestPrincipal;
import dev.iampolicyls.evaluation.StatementOutcome;
import dev.iampolicyls.evaluation.StatementParts;
import dev.iampolicyls.policy.ConditionEntry;
import dev.iampolicyls.policy.ConditionOperator;
import dev.iampolicyls.policy.Policy;
import dev.iampolicyls.policy.PolicyType;
import dev.iampolicyls.policy.Statement;
import dev.iampolicyls.policy.StringElement;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;

/**
 * Does NEW allow a request that OLD denies? Decided by cell decomposition: every dimension of a
 * request (action, resource, principal, each condition key) is split into classes on which every
 * statement of both policies is constant, one well-formed representative is taken per class, and a
 * search over the combinations looks for one that some NEW Allow statement lets through, no NEW
 * Deny stops, and OLD does not allow. Each element is decided by the evaluator's own rules ({@link
 * StatementParts}), and every witness is evaluated again by {@link Evaluator} before it is
 * reported. See docs/compare.md for what is exact and what gives UNKNOWN.
 */
public final class PolicyComparison {
  private PolicyComparison() {}

  /** Past this many combinations of policy variables' values the answer is UNKNOWN. */
  static final int MAX_VARIABLE_ASSIGNMENTS = 256;

  /** Keys AWS sets in every request: never absent in a witness. */
  private static final Set<String> ALWAYS_PRESENT =
      Set.of("aws:currenttime", "aws:epochtime", "aws:securetransport");

  /** Keys every request by an IAM principal carries: never absent under an identity policy. */
  private static final Set<String> ALWAYS_PRESENT_FOR_IDENTITIES =
      Set.of(
          "aws:principalarn",
          "aws:principalaccount",
          "aws:principaltype",
          "aws:userid",
          "aws:principalisawsservice");

  public static Comparison compare(Policy oldPolicy, Policy newPolicy, CompareOptions options) {
    return compare(oldPolicy, newPolicy, options, () -> false);
  }

  /**
   * As {@link #compare(Policy, Policy, CompareOptions)}, asking {@code unwanted} as the work goes
   * on: once it says the answer is no longer wanted (an editor's document moved on), the comparison
   * stops with {@link CancellationException} instead of an answer.
   */
  public static Comparison compare(
      Policy oldPolicy, Policy newPolicy, CompareOptions options, BooleanSupplier unwanted) {
    PolicyType type =
        options.policyType() != null ? options.policyType() : PolicyType.infer(newPolicy);
    PolicyRole role = roleOf(type);
    return new Run(
            new NamedPolicy("OLD", role, oldPolicy),
            new NamedPolicy("NEW", role, newPolicy),
            options,
            unwanted)
        .run();
  }

  /**
   * Which Allow statements of POLICY let through some request REFERENCE does not allow, each with
   * its first witness: a statement exceeds when some request it applies to is allowed by POLICY (no
   * Deny of POLICY stops it) and not by REFERENCE. Each {@link NewAccess} is one witness, confirmed
   * by the evaluator, naming every Allow statement that applies to it; the search for a statement
   * stops at its first witness, so unlike {@link #compare} this does not list every kind of new
   * access, and the witnesses leave out the condition keys of statements that cannot meet any new
   * access. UNKNOWN, with the reasons, when that cannot be decided.
   */
  public static Comparison exceedingStatements(
      Policy reference, Policy policy, CompareOptions options, BooleanSupplier unwanted) {
    PolicyType type =
        options.policyType() != null ? options.policyType() : PolicyType.infer(policy);
    PolicyRole role = roleOf(type);
    Run run =
        new Run(
            new NamedPolicy("OLD", role, reference),
            new NamedPolicy("NEW", role, policy),
            options,
            unwanted);
    run.byStatement = true;
    return run.run();
  }

  static PolicyRole roleOf(PolicyType type) {
    return switch (type) {
      case IDENTITY_POLICY -> PolicyRole.IDENTITY;
      case RESOURCE_POLICY, TRUST_POLICY -> PolicyRole.RESOURCE;
      case SERVICE_CONTROL_POLICY -> PolicyRole.SCP;
      case RESOURCE_CONTROL_POLICY -> PolicyRole.RCP;
    };
  }

  /** The JSON path of a statement, as the rest of the tool writes paths. */
  public static String path(Statement s) {
    return s.index() < 0 ? "Statement" : "Statement[" + s.index() + "]";
  }

  /** Whether a single policy allows the request: some Allow applies and no Deny does. */
  static boolean allows(NamedPolicy policy, Request request) {
    return allows(evaluate(policy, request));
  }

  /** Whether the outcome of one policy's statements allows: some Allow applies and no Deny does. */
  private static boolean allows(Evaluation evaluation) {
    boolean allow = false;
    for (StatementOutcome o : evaluation.statements()) {
      if (o.applies() && o.isDeny()) {
        return false;
      }
      allow |= o.applies() && o.isAllow();
    }
    return allow;
  }

  /** Whether the policy takes part in the request at all (RCPs skip some services). */
  private static boolean inForce(Evaluation evaluation) {
    for (StatementOutcome o : evaluation.statements()) {
      if (o.reason() != null && o.reason().startsWith("RCPs do not apply")) {
        return false;
      }
    }
    return true;
  }

  /** The evaluator's outcome of every statement of one policy, in its role. */
  static Evaluation evaluate(NamedPolicy policy, Request request) {
    return Evaluator.evaluate(
        request,
        new PolicySet(
            policy.role() == PolicyRole.IDENTITY ? List.of(policy) : List.of(),
            policy.role() == PolicyRole.RESOURCE ? Optional.of(policy) : Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            policy.role() == PolicyRole.SCP ? List.of(List.of(policy)) : List.of(),
            policy.role() == PolicyRole.RCP ? List.of(List.of(policy)) : List.of()),
        true);
  }

  /** A statement taking part, with its side and its condition on each key. */
  private record Part(
      boolean isNew,
      boolean allow,
      StatementParts parts,
      String path,
      Map<Integer, BitSet> conditions) {}

  /** A class of actions: the statements whose Action lets them through, and what they act on. */
  private static final class ActionGroup {
    final BitSet actionVector;
    final List<String> formats; // null: any string; empty: only "*"
    final List<String> actions = new ArrayList<>();

    /** The action a witness of the group names, once asked (the actions are all added then). */
    String best;

    ActionGroup(BitSet actionVector, List<String> formats) {
      this.actionVector = actionVector;
      this.formats = formats;
    }
  }

  /** The bound on work was reached, or a construct is outside what is decided exactly. */
  private static final class Undecided extends Exception {
    Undecided(String message) {
      super(message, null, false, false);
    }
  }

  private static final class Run {
    private final NamedPolicy oldPolicy;
    private final NamedPolicy newPolicy;
    private final CompareOptions options;
    private final Catalog catalog;
    private final List<Part> parts = new ArrayList<>();
    private final List<String> unknown = new ArrayList<>();
    private final List<String> keys = new ArrayList<>();
    private final List<List<List<String>>> keyValues = new ArrayList<>();
    private final List<String> variableNames = new ArrayList<>();
    private final List<List<String>> variableValues = new ArrayList<>();
    private final List<BitSet> baseDomains = new ArrayList<>();
    private int work;
    private final BooleanSupplier unwanted;

    /** Search a first witness per NEW Allow statement ({@link #exceedingStatements}). */
    boolean byStatement;

    /**
     * The parts whose variables, condition keys, resources and principals are split into classes:
     * all of them for {@link #compare}; by statement, those that name an action of some group left
     * to search (the others never apply to a request that could be new access).
     */
    private BitSet relevant;

    Run(
        NamedPolicy oldPolicy,
        NamedPolicy newPolicy,
        CompareOptions options,
        BooleanSupplier unwanted) {
      this.oldPolicy = oldPolicy;
      this.newPolicy = newPolicy;
      this.options = options;
      this.catalog = options.catalog();
      this.unwanted = unwanted;
    }

    Comparison run() {
      try {
        return decide();
      } catch (Undecided e) {
        List<String> reasons = new ArrayList<>(unknown);
        reasons.add(e.getMessage());
        return new Comparison(Verdict.UNKNOWN, List.of(), reasons);
      }
    }

    private void spend(int amount) throws Undecided {
      if (unwanted.getAsBoolean()) {
        throw new CancellationException();
      }
      work += amount;
      if (work > options.maxCells()) {
        throw new Undecided(
            "the comparison needs more than "
                + options.maxCells()
                + " steps (classes of requests and search steps); it stopped there");
      }
    }

    private Comparison decide() throws Undecided {
      collectParts(oldPolicy, false);
      collectParts(newPolicy, true);
      if (byStatement) {
        return decideByStatement();
      }
      relevant = new BitSet();
      relevant.set(0, parts.size());
      collectVariables();
      // Counted first: past the bound the answer is UNKNOWN whatever the rest says, and the classes
      // of the condition keys take seconds to find in the policies with most variables.
      List<Map<String, String>> assignments = variableAssignments();
      List<ActionGroup> groups = List.of();
      Undecided groupsUndecided = null;
      try {
        groups = actionGroups();
        BitSet everywhere = oldAllowsEverywhere();
        if (!everywhere.isEmpty()) {
          groups.removeIf(g -> allowedByOld(g.actionVector, everywhere));
        }
      } catch (Undecided e) {
        groupsUndecided = e; // after the condition keys' reasons, as before
      }
      if (groupsUndecided == null && groups.isEmpty()) {
        // No NEW Allow names an action that OLD does not allow everywhere: nothing is new.
        return new Comparison(Verdict.PASS, List.of(), List.of());
      }
      collectKeys();
      if (groupsUndecided != null) {
        throw groupsUndecided;
      }
      List<Optional<RequestPrincipal>> principals = principals();
      List<BitSet> principalTruth = principalTruth(principals);
      Map<String, Found> found = new LinkedHashMap<>();
      for (Map<String, String> assignment : assignments) {
        RequestContext variables = variableContext(assignment);
        conditionTables(assignment, variables, false);
        ResourceCandidates resources = resourceCandidates(relevantParts(), assignment);
        Map<String, BitSet> resourceTruth = new HashMap<>();
        // Distinct sets of statements that apply apart from conditions, each with its requests.
        Map<BitSet, List<Cell>> cells = new LinkedHashMap<>();
        for (ActionGroup g : groups) {
          for (String resource : resourcesOf(g, resources)) {
            BitSet r = resourceTruth(resource, variables, resourceTruth);
            for (int pi = 0; pi < principals.size(); pi++) {
              spend(1);
              BitSet t = (BitSet) g.actionVector.clone();
              t.and(r);
              t.and(principalTruth.get(pi));
              if (!anyNewAllow(t)) {
                continue;
              }
              cells
                  .computeIfAbsent(t, k -> new ArrayList<>())
                  .add(new Cell(g, resource, principals.get(pi)));
            }
          }
        }
        for (Map.Entry<BitSet, List<Cell>> e : cells.entrySet()) {
          int[] chosen = solve(e.getKey());
          if (chosen != null) {
            report(e.getValue(), context(chosen, variables), found);
          }
        }
      }
      if (found.isEmpty()) {
        return new Comparison(Verdict.PASS, List.of(), List.of());
      }
      List<NewAccess> out = new ArrayList<>();
      for (Found f : found.values()) {
        out.add(new NewAccess(f.witness, f.statements, f.actionCount()));
      }
      return new Comparison(Verdict.FAIL, out, List.of());
    }

    /**
     * {@link #exceedingStatements}: for each NEW Allow statement not yet settled, cells of the
     * action groups it names are tried until one gives a witness where it applies; every NEW Allow
     * that applies to that witness is settled with it. Groups that OLD allows everywhere are left
     * out first, and only the statements that name an action of the others are split into classes.
     */
    private Comparison decideByStatement() throws Undecided {
      List<ActionGroup> groups = actionGroups();
      BitSet everywhere = oldAllowsEverywhere();
      if (!everywhere.isEmpty()) {
        groups.removeIf(g -> allowedByOld(g.actionVector, everywhere));
      }
      if (groups.isEmpty()) {
        return new Comparison(Verdict.PASS, List.of(), List.of());
      }
      relevant = new BitSet();
      groups.forEach(g -> relevant.or(g.actionVector));
      collectVariables();
      List<Map<String, String>> assignments = variableAssignments();
      collectKeyTests(); // each key is split when a cell first needs it
      List<Optional<RequestPrincipal>> principals = principals();
      List<BitSet> principalTruth = principalTruth(principals);
      // Actions OLD never allows first: any request there that NEW allows is new access.
      BitSet oldAllows = new BitSet();
      Map<String, Integer> newAllowByPath = new HashMap<>();
      for (int i = 0; i < parts.size(); i++) {
        Part p = parts.get(i);
        if (!p.isNew() && p.allow()) {
          oldAllows.set(i);
        } else if (p.isNew() && p.allow()) {
          newAllowByPath.put(p.path(), i);
        }
      }
      List<ActionGroup> ordered = new ArrayList<>(groups);
      ordered.sort(Comparator.comparing(g -> g.actionVector.intersects(oldAllows) ? 1 : 0));
      BitSet open = new BitSet();
      for (int i = relevant.nextSetBit(0); i >= 0; i = relevant.nextSetBit(i + 1)) {
        if (parts.get(i).isNew() && parts.get(i).allow()) {
          open.set(i);
        }
      }
      List<NewAccess> out = new ArrayList<>();
      for (Map<String, String> assignment : assignments) {
        if (open.isEmpty()) {
          break;
        }
        RequestContext variables = variableContext(assignment);
        conditionTables(assignment, variables, true);
        ResourceCandidates resources = resourceCandidates(relevantParts(), assignment);
        Map<String, PartTruth> resourceTruth = new HashMap<>();
        for (int s = open.nextSetBit(0); s >= 0; s = open.nextSetBit(s + 1)) {
          // The statement's own patterns filled in first, then the ARNs they tell apart (far
          // fewer classes than those of every statement): mostly one of them is a witness.
          List<Part> own = List.of(parts.get(s));
          List<ResourceCandidates> passes =
              List.of(
                  ResourceCandidates.examples(resourcePatterns(own, assignment)),
                  resourceCandidates(own, assignment, GlobStates.MAX_STATES_FIRST_PASS),
                  resources);
          resourceMet = false;
          NewAccess found =
              firstWitness(
                  new WitnessSearch(
                      s,
                      ordered,
                      resourceTruth,
                      variables,
                      principals,
                      principalTruth,
                      new HashSet<>()),
                  passes);
          if (found != null) {
            out.add(found);
            for (String path : found.newStatements()) {
              open.clear(newAllowByPath.get(path));
            }
          } else if (!resourceMet
              && !readsVariables(parts.get(s).parts().statement().resources())) {
            // Its Resource matches no ARN its actions act on, whatever the variables' values: it
            // never applies (StatementNeverApplies), and the other choices need not ask again.
            open.clear(s);
          }
        }
      }
      if (out.isEmpty()) {
        return new Comparison(Verdict.PASS, List.of(), List.of());
      }
      return new Comparison(Verdict.FAIL, out, List.of());
    }

    /** Whether the last {@link #firstWitness} met a resource its statement's Resource matches. */
    private boolean resourceMet;

    private static boolean readsVariables(List<StringElement> values) {
      return values.stream().anyMatch(v -> v.value().contains("${"));
    }

    /**
     * What the search for a first witness of the NEW Allow of part {@code allow} keeps across its
     * passes, under one choice of the variables' values.
     *
     * @param tried the sets of statements that apply apart from conditions already found to have no
     *     witness: the answer depends only on that set
     */
    private record WitnessSearch(
        int allow,
        List<ActionGroup> groups,
        Map<String, PartTruth> resourceTruth,
        RequestContext variables,
        List<Optional<RequestPrincipal>> principals,
        List<BitSet> principalTruth,
        Set<BitSet> tried) {}

    /** A confirmed witness where the search's NEW Allow applies; null when there is none. */
    private NewAccess firstWitness(WitnessSearch search, List<ResourceCandidates> passes)
        throws Undecided {
      RequestContext quickContext = quickContext(search.allow(), search.variables());
      // The quick context on the first candidates of every group before any exact search, which
      // splits the keys of every statement the cell meets.
      NewAccess quick = witnessInPass(search, passes.get(0), false, false, quickContext);
      if (quick != null) {
        return quick;
      }
      for (int pass = 0; pass < passes.size(); pass++) {
        NewAccess found =
            witnessInPass(
                search,
                passes.get(pass),
                pass == passes.size() - 1,
                true,
                pass == 0 ? null : quickContext); // tried on these just above
        if (found != null) {
          return found;
        }
      }
      return null;
    }

    /**
     * One pass of {@link #firstWitness} over the resources of one set of candidates, format by
     * format so that the classes of a group's other formats are not split once there is a witness.
     * A pass that is not {@code complete} skips a format with too many classes (a later pass
     * decides it); one not {@code exact} tries only the quick context.
     */
    private NewAccess witnessInPass(
        WitnessSearch search,
        ResourceCandidates resources,
        boolean complete,
        boolean exact,
        RequestContext quickContext)
        throws Undecided {
      int allow = search.allow();
      List<Optional<RequestPrincipal>> principals = search.principals();
      for (ActionGroup g : search.groups()) {
        if (!g.actionVector.get(allow)) {
          continue;
        }
        int formats = g.formats == null || g.formats.isEmpty() ? 1 : g.formats.size();
        for (int f = 0; f < formats; f++) {
          List<String> candidates;
          try {
            candidates = resourcesOf(g, f, resources);
          } catch (Undecided e) {
            if (complete) {
              throw e;
            }
            continue;
          }
          for (String resource : candidates) {
            BitSet r =
                resourceTruth(resource, g.actionVector, search.variables(), search.resourceTruth());
            if (!r.get(allow)) {
              continue;
            }
            resourceMet = true;
            for (int pi = 0; pi < principals.size(); pi++) {
              spend(1);
              BitSet t = (BitSet) g.actionVector.clone();
              t.and(r);
              t.and(search.principalTruth().get(pi));
              if (!t.get(allow) || search.tried().contains(t)) {
                continue;
              }
              Cell cell = new Cell(g, resource, principals.get(pi));
              NewAccess quick = quickWitness(cell, allow, quickContext);
              if (quick != null) {
                return quick;
              }
              if (!exact) {
                continue;
              }
              int[] chosen = solve(t, allow);
              if (chosen == null) {
                search.tried().add(t);
                continue;
              }
              Request witness = witness(cell, context(chosen, search.variables()));
              Evaluation byNew = confirm(witness);
              if (byNew != null) {
                return new NewAccess(witness, applyingNewAllows(byNew), g.actions.size());
              }
            }
          }
        }
      }
      return null;
    }

    /**
     * A context under which the condition of the NEW Allow of part {@code allow} holds, found from
     * its own tests alone (per key, the first of {@link #quickValues} that passes them all), with
     * the variables' values; other keys are absent. Null when there is none. Cheaper than splitting
     * the keys of every statement a cell meets, and mostly a witness (a Deny or a reference
     * statement with a condition seldom holds without its keys).
     */
    private RequestContext quickContext(int allow, RequestContext variables) {
      Part p = parts.get(allow);
      Map<String, List<ConditionEntry>> byKey = new LinkedHashMap<>();
      for (ConditionEntry e : p.parts().statement().conditionEntries()) {
        byKey.computeIfAbsent(e.key().toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(e);
      }
      List<RequestContext.Entry> entries = new ArrayList<>(variables.entries());
      for (Map.Entry<String, List<ConditionEntry>> k : byKey.entrySet()) {
        String name = k.getValue().get(0).key();
        List<List<String>> values;
        try {
          values = quickValues(k.getKey(), k.getValue());
        } catch (ContextCandidates.TooMany e) {
          return null;
        }
        List<String> chosen = null;
        for (List<String> v : values) {
          RequestContext ctx =
              RequestContext.of(List.of(new RequestContext.Entry(name, v)))
                  .withDefaults(variables.entries());
          if (k.getValue().stream().allMatch(e -> p.parts().conditionHolds(e, ctx))) {
            chosen = v;
            break;
          }
        }
        if (chosen == null) {
          return null;
        }
        if (!chosen.isEmpty()) {
          entries.add(new RequestContext.Entry(name, chosen));
        }
      }
      return RequestContext.of(entries);
    }

    /**
     * The values of a key worth trying against one statement's tests on it. For tests that all
     * compare strings or ARNs: the key absent (unless always present), each tested value with its
     * wildcards filled in, and a value unlike them, as single values (a guess, not one per class);
     * for others, the classes those tests tell apart.
     */
    private List<List<String>> quickValues(String lowerKey, List<ConditionEntry> tests)
        throws ContextCandidates.TooMany {
      String name = tests.get(0).key();
      boolean present = alwaysPresent(lowerKey, oldPolicy.role() == PolicyRole.IDENTITY);
      Optional<ConditionKey> inCatalog = catalog.conditionKey(name);
      if (!tests.stream().allMatch(Run::isString)) {
        boolean qualified =
            tests.stream()
                .anyMatch(
                    e ->
                        e.operator()
                            .map(o -> o.qualifier() != ConditionOperator.Qualifier.NONE)
                            .orElse(false));
        return ContextCandidates.of(
            name,
            inCatalog.map(ConditionKey::type).orElse(null),
            tests,
            qualified || inCatalog.isEmpty() || inCatalog.get().type().startsWith("ArrayOf"),
            present,
            List.of(),
            GlobStates.MAX_STATES_FIRST_PASS,
            true);
      }
      List<List<String>> out = new ArrayList<>();
      if (!present) {
        out.add(List.of());
      }
      for (ConditionEntry e : tests) {
        for (var node : e.values()) {
          String v = ContextCandidates.text(node);
          if (v != null) {
            out.add(List.of(v.replace("*", "example").replace('?', 'x')));
          }
        }
      }
      out.add(List.of("example"));
      return out;
    }

    /**
     * The request of a cell under {@link #quickContext} when the evaluator confirms it is new
     * access where the NEW Allow of part {@code allow} applies; null otherwise.
     */
    private NewAccess quickWitness(Cell cell, int allow, RequestContext quickContext) {
      if (quickContext == null) {
        return null;
      }
      Request witness = witness(cell, quickContext);
      Evaluation byNew = evaluate(newPolicy, witness);
      if (!inForce(byNew) || !allows(byNew) || allows(oldPolicy, witness)) {
        return null;
      }
      List<String> statements = applyingNewAllows(byNew);
      if (!statements.contains(parts.get(allow).path())) {
        return null;
      }
      return new NewAccess(witness, statements, cell.group().actions.size());
    }

    /**
     * The parts whose Principal lets each principal through (the parts outside {@link #relevant}
     * never take part).
     */
    private List<BitSet> principalTruth(List<Optional<RequestPrincipal>> principals) {
      List<BitSet> out = new ArrayList<>();
      for (Optional<RequestPrincipal> p : principals) {
        BitSet t = new BitSet();
        for (int i = relevant.nextSetBit(0); i >= 0; i = relevant.nextSetBit(i + 1)) {
          if (parts.get(i).parts().principalHolds(p)) {
            t.set(i);
          }
        }
        out.add(t);
      }
      return out;
    }

    /** Which parts have been asked about one resource, and which of them let it through. */
    private record PartTruth(BitSet asked, BitSet holds) {}

    /**
     * The parts among {@code among} whose Resource lets the resource through (and perhaps others
     * asked before), each part asked once per variables' values: a cell needs only its group's.
     */
    private BitSet resourceTruth(
        String resource, BitSet among, RequestContext variables, Map<String, PartTruth> known) {
      PartTruth truth =
          known.computeIfAbsent(resource, k -> new PartTruth(new BitSet(), new BitSet()));
      for (int i = among.nextSetBit(0); i >= 0; i = among.nextSetBit(i + 1)) {
        if (!truth.asked().get(i)) {
          truth.asked().set(i);
          if (parts.get(i).parts().resourceHolds(resource, variables)) {
            truth.holds().set(i);
          }
        }
      }
      return truth.holds();
    }

    /** The parts whose Resource lets the resource through, remembered per variables' values. */
    private BitSet resourceTruth(
        String resource, RequestContext variables, Map<String, BitSet> known) {
      return known.computeIfAbsent(
          resource,
          res -> {
            BitSet t = new BitSet();
            for (int i = relevant.nextSetBit(0); i >= 0; i = relevant.nextSetBit(i + 1)) {
              if (parts.get(i).parts().resourceHolds(res, variables)) {
                t.set(i);
              }
            }
            return t;
          });
    }

    /**
     * The evaluator's outcome of NEW on the request of a cell, once the evaluator confirms that NEW
     * allows it and OLD does not; null when neither policy takes part (RCPs do not restrict the
     * service).
     */
    private Evaluation confirm(Request witness) throws Undecided {
      Evaluation byNew = evaluate(newPolicy, witness); // asked three questions
      if (!inForce(byNew)) {
        return null;
      }
      if (!allows(byNew) || allows(oldPolicy, witness)) {
        throw new Undecided(
            "internal: a candidate witness was not confirmed by the evaluator ("
                + witness.action()
                + " on "
                + witness.resource()
                + ")");
      }
      return byNew;
    }

    private Request witness(Cell cell, RequestContext context) {
      return new Request(
          bestAction(cell.group()), cell.resource(), cell.principal(), Optional.empty(), context);
    }

    /** Confirms the witness of each request of a cell and adds it to its group of new access. */
    private void report(List<Cell> cellRequests, RequestContext context, Map<String, Found> found)
        throws Undecided {
      for (Cell cell : cellRequests) {
        Request witness = witness(cell, context);
        Evaluation byNew = confirm(witness);
        if (byNew == null) {
          continue; // RCPs do not restrict this service: neither policy takes part
        }
        List<String> statements = applyingNewAllows(byNew);
        String groupKey = String.join(",", statements) + "\n" + cell.group().actionVector;
        Found f = found.get(groupKey);
        if (f == null) {
          found.put(groupKey, new Found(witness, statements, cell.group()));
        } else {
          f.add(cell.group());
        }
      }
    }

    private record Cell(ActionGroup group, String resource, Optional<RequestPrincipal> principal) {}

    /** One group of new access: its witness and the action classes that share it. */
    private static final class Found {
      final Request witness;
      final List<String> statements;
      final List<ActionGroup> groups = new ArrayList<>();

      Found(Request witness, List<String> statements, ActionGroup group) {
        this.witness = witness;
        this.statements = statements;
        groups.add(group);
      }

      void add(ActionGroup group) {
        if (groups.stream().noneMatch(g -> g == group)) {
          groups.add(group);
        }
      }

      int actionCount() {
        return groups.stream().mapToInt(g -> g.actions.size()).sum();
      }
    }

    private List<String> applyingNewAllows(Evaluation e) {
      List<String> out = new ArrayList<>();
      List<Statement> statements = newPolicy.policy().statements();
      for (StatementOutcome o : e.statements()) {
        if (o.applies() && o.isAllow()) {
          for (Statement s : statements) {
            if (s.index() == o.index() && s.node().offset() == o.offset()) {
              out.add(path(s));
            }
          }
        }
      }
      return out;
    }

    /** The most used action of the group (a familiar name reads best), found once per group. */
    private String bestAction(ActionGroup g) {
      if (g.best == null) {
        g.best = mostUsed(g);
      }
      return g.best;
    }

    private static final Object USAGE_MEMO = new Object();

    private static final int USAGE_MEMO_BOUND = 65_536;

    private String mostUsed(ActionGroup g) {
      // Per catalog: the groups of every comparison ask again for the same names (6,000 of them
      // for a statement that allows "*"), and a name's look-up lower-cases it.
      Map<String, Integer> usages = catalog.memo(USAGE_MEMO);
      if (usages.size() > USAGE_MEMO_BOUND) {
        usages.clear();
      }
      String best = g.actions.get(0);
      int usage = -1;
      for (String a : g.actions) {
        Integer known = usages.get(a);
        if (known == null) {
          known = catalog.action(a).map(Action::usage).orElse(-1);
          usages.put(a, known);
        }
        int u = known;
        if (u > usage) {
          usage = u;
          best = a;
        }
      }
      return best;
    }

    private boolean anyNewAllow(BitSet t) {
      for (int i = t.nextSetBit(0); i >= 0; i = t.nextSetBit(i + 1)) {
        if (parts.get(i).isNew() && parts.get(i).allow()) {
          return true;
        }
      }
      return false;
    }

    private List<Part> relevantParts() {
      List<Part> out = new ArrayList<>();
      for (int i = relevant.nextSetBit(0); i >= 0; i = relevant.nextSetBit(i + 1)) {
        out.add(parts.get(i));
      }
      return out;
    }

    private void collectParts(NamedPolicy policy, boolean isNew) {
      for (Statement s : policy.policy().statements()) {
        if (!s.isAllow() && !s.isDeny()) {
          continue; // never applies
        }
        parts.add(
            new Part(isNew, s.isAllow(), new StatementParts(policy, s), path(s), new HashMap<>()));
      }
    }

    /** The policy variables of both policies and the values to try for each. */
    private void collectVariables() throws Undecided {
      Map<String, String> names = new LinkedHashMap<>();
      Set<String> written = Variables.newSet();
      for (Part p : relevantParts()) {
        Statement s = p.parts().statement();
        for (var r : s.resources()) {
          Variables.segments(r.value(), written);
          if (!p.parts().variablesOn()) {
            continue;
          }
          if (Variables.usesWildcardEscape(r.value())) {
            throw new Undecided(
                side(p) + ": the escape ${*} or ${?} in \"" + r.value() + "\" is not compared");
          }
          Variables.collect(r.value(), names);
        }
        for (ConditionEntry e : s.conditionEntries()) {
          for (var node : e.values()) {
            String v = ContextCandidates.text(node);
            if (v == null) {
              continue;
            }
            if (isString(e) && !v.contains("${") && v.indexOf('*') < 0 && v.indexOf('?') < 0) {
              written.add(v);
            }
            if (p.parts().variablesOn() && isString(e)) {
              if (Variables.usesWildcardEscape(v)) {
                throw new Undecided(
                    side(p) + ": the escape ${*} or ${?} in \"" + v + "\" is not compared");
              }
              Variables.collect(v, names);
            }
          }
        }
      }
      boolean identity = oldPolicy.role() == PolicyRole.IDENTITY;
      for (Map.Entry<String, String> n : names.entrySet()) {
        variableNames.add(n.getValue());
        variableValues.add(Variables.candidates(written, alwaysPresent(n.getKey(), identity)));
      }
    }

    private static boolean isString(ConditionEntry e) {
      return e.operator()
          .map(
              o ->
                  o.category() == ConditionOperator.Category.STRING
                      || o.category() == ConditionOperator.Category.ARN)
          .orElse(false);
    }

    private static String side(Part p) {
      return (p.isNew() ? "NEW " : "OLD ") + p.path();
    }

    private static boolean alwaysPresent(String lowerKey, boolean identity) {
      return ALWAYS_PRESENT.contains(lowerKey)
          || (identity && ALWAYS_PRESENT_FOR_IDENTITIES.contains(lowerKey));
    }

    /** Every combination of the variables' values, within a bound (kept for {@link #keyIndex}). */
    private List<Map<String, String>> variableAssignments() throws Undecided {
      List<Map<String, String>> out = new ArrayList<>();
      out.add(new HashMap<>());
      for (int v = 0; v < variableNames.size(); v++) {
        List<Map<String, String>> next = new ArrayList<>();
        String lowerName = variableNames.get(v).toLowerCase(Locale.ROOT);
        for (Map<String, String> partial : out) {
          for (String value : variableValues.get(v)) {
            Map<String, String> m = new HashMap<>(partial);
            m.put(lowerName, value);
            next.add(m);
          }
        }
        out = next;
        if (out.size() > MAX_VARIABLE_ASSIGNMENTS) {
          throw new Undecided(
              "the policy variables "
                  + variableNames
                  + " take more than "
                  + MAX_VARIABLE_ASSIGNMENTS
                  + " combinations of values worth trying");
        }
      }
      allAssignments = out;
      return out;
    }

    private RequestContext variableContext(Map<String, String> assignment) {
      List<RequestContext.Entry> entries = new ArrayList<>();
      for (String name : variableNames) {
        String value = assignment.get(name.toLowerCase(Locale.ROOT));
        if (value != null) {
          entries.add(new RequestContext.Entry(name, List.of(value)));
        }
      }
      return RequestContext.of(entries);
    }

    /** Every condition key and its candidate values, in the order the statements name them. */
    private void collectKeys() throws Undecided {
      collectKeyTests();
      for (List<ConditionEntry> tests : testsByKey.values()) {
        keyIndex(tests.get(0).key());
      }
    }

    /** The tests on each key of the relevant parts, by key in lower case. */
    private final Map<String, List<ConditionEntry>> testsByKey = new LinkedHashMap<>();

    /** Whether some test on the key has a set qualifier (ForAllValues, ForAnyValue). */
    private final Map<String, Boolean> qualifiedByKey = new HashMap<>();

    /** The index in {@link #keys} of each key split so far, by key in lower case. */
    private final Map<String, Integer> keyIndexes = new HashMap<>();

    /** The tests on every condition key, none of them split into classes yet. */
    private void collectKeyTests() {
      for (Part p : relevantParts()) {
        for (ConditionEntry e : p.parts().statement().conditionEntries()) {
          String lower = e.key().toLowerCase(Locale.ROOT);
          testsByKey.computeIfAbsent(lower, k -> new ArrayList<>()).add(e);
          boolean q =
              e.operator()
                  .map(o -> o.qualifier() != ConditionOperator.Qualifier.NONE)
                  .orElse(false);
          qualifiedByKey.merge(lower, q, Boolean::logicalOr);
        }
      }
    }

    /**
     * The index of a key in {@link #keys}, its candidate values split into classes the first time
     * it is asked for (and its domain under the current variables' values added).
     */
    private int keyIndex(String anyCase) throws Undecided {
      String lower = anyCase.toLowerCase(Locale.ROOT);
      Integer known = keyIndexes.get(lower);
      if (known != null) {
        return known;
      }
      List<ConditionEntry> tests = testsByKey.get(lower);
      String name = tests.get(0).key();
      Optional<ConditionKey> inCatalog = catalog.conditionKey(name);
      boolean multi =
          qualifiedByKey.get(lower)
              || inCatalog.isEmpty()
              || inCatalog.get().type().startsWith("ArrayOf");
      List<String> asVariable = new ArrayList<>();
      for (int v = 0; v < variableNames.size(); v++) {
        if (variableNames.get(v).equalsIgnoreCase(name)) {
          variableValues.get(v).stream().filter(x -> x != null).forEach(asVariable::add);
        }
      }
      // A key compared with a variable's value is compared with each value the variable takes.
      boolean comparedWithVariable =
          tests.stream()
              .flatMap(e -> e.values().stream())
              .map(ContextCandidates::text)
              .anyMatch(t -> t != null && t.contains("${"));
      if (comparedWithVariable) {
        for (List<String> values : variableValues) {
          values.stream().filter(x -> x != null).forEach(asVariable::add);
        }
        addSubstitutedValues(tests, asVariable);
      }
      try {
        keyValues.add(
            ContextCandidates.of(
                name,
                inCatalog.map(ConditionKey::type).orElse(null),
                tests,
                multi,
                alwaysPresent(lower, oldPolicy.role() == PolicyRole.IDENTITY),
                asVariable.stream().distinct().toList(),
                GlobStates.MAX_STATES,
                byStatement));
      } catch (ContextCandidates.TooMany e) {
        throw new Undecided(e.getMessage());
      }
      keys.add(name);
      int k = keys.size() - 1;
      keyIndexes.put(lower, k);
      if (tableAssignment != null) {
        baseDomains.add(domain(k));
      }
      return k;
    }

    /**
     * Every choice of the variables' values, set by {@link #variableAssignments} before any key is
     * split ({@link #keyIndex} adds each test value with a variable inside under each of them).
     */
    private List<Map<String, String>> allAssignments = List.of();

    /**
     * A test value with a variable inside a longer text ({@code arn:...:${aws:PrincipalAccount}:x})
     * holds for that text with the variable's value: each such text, under every choice of the
     * values (as written and with its wildcards filled in), is a value of the key worth trying.
     */
    private void addSubstitutedValues(List<ConditionEntry> tests, List<String> out) {
      for (ConditionEntry e : tests) {
        for (var node : e.values()) {
          String v = ContextCandidates.text(node);
          if (v == null || !v.contains("${")) {
            continue;
          }
          for (Map<String, String> assignment : allAssignments) {
            String substituted = Variables.substitute(v, assignment);
            if (substituted != null) {
              out.add(substituted);
              out.add(substituted.replace("*", "example").replace('?', 'x'));
            }
          }
        }
      }
    }

    /** The variables' values the condition tables are for (null before the first). */
    private Map<String, String> tableAssignment;

    private RequestContext tableVariables;

    /** The parts whose condition tables are made under the current variables' values. */
    private final BitSet tabled = new BitSet();

    /**
     * Per key, the context of each of its values under the current variables' values, made when a
     * table first asks: every statement with a test on the key asks for the same.
     */
    private final Map<Integer, RequestContext[]> tableContexts = new HashMap<>();

    /**
     * Starts the condition tables for one choice of the variables' values: the keys' domains (a key
     * that is a variable keeps the value the variable has) and, unless {@code lazily}, each
     * relevant statement's condition per key ({@link #table} makes one when a cell needs it).
     */
    private void conditionTables(
        Map<String, String> assignment, RequestContext variables, boolean lazily) throws Undecided {
      tableAssignment = assignment;
      tableVariables = variables;
      tableContexts.clear();
      baseDomains.clear();
      for (int k = 0; k < keys.size(); k++) {
        baseDomains.add(domain(k));
      }
      for (Part p : parts) {
        p.conditions().clear();
      }
      tabled.clear();
      if (!lazily) {
        for (int i = relevant.nextSetBit(0); i >= 0; i = relevant.nextSetBit(i + 1)) {
          table(i);
        }
      }
    }

    private BitSet domain(int k) {
      BitSet domain = new BitSet();
      List<List<String>> values = keyValues.get(k);
      String lower = keys.get(k).toLowerCase(Locale.ROOT);
      for (int v = 0; v < values.size(); v++) {
        boolean consistent =
            !tableAssignment.containsKey(lower)
                || (tableAssignment.get(lower) == null
                    ? values.get(v).isEmpty()
                    : values.get(v).equals(List.of(tableAssignment.get(lower))));
        if (consistent) {
          domain.set(v);
        }
      }
      return domain;
    }

    /** Makes the condition tables of the parts of a cell that have none yet. */
    private void table(BitSet cell) throws Undecided {
      for (int i = cell.nextSetBit(0); i >= 0; i = cell.nextSetBit(i + 1)) {
        table(i);
      }
    }

    /** One statement's condition per key, as the values of the key that make it hold. */
    private void table(int partIndex) throws Undecided {
      if (tabled.get(partIndex)) {
        return;
      }
      tabled.set(partIndex);
      Part p = parts.get(partIndex);
      for (ConditionEntry e : p.parts().statement().conditionEntries()) {
        int key = keyIndex(e.key());
        List<List<String>> values = keyValues.get(key);
        RequestContext[] contexts =
            tableContexts.computeIfAbsent(key, k -> new RequestContext[values.size()]);
        BitSet holds = new BitSet();
        for (int v = 0; v < values.size(); v++) {
          spend(1);
          if (contexts[v] == null) {
            contexts[v] =
                RequestContext.of(List.of(new RequestContext.Entry(keys.get(key), values.get(v))))
                    .withDefaults(tableVariables.entries());
          }
          if (p.parts().conditionHolds(e, contexts[v])) {
            holds.set(v);
          }
        }
        p.conditions()
            .merge(
                key,
                holds,
                (a, b) -> {
                  BitSet both = (BitSet) a.clone();
                  both.and(b);
                  return both;
                });
      }
    }

    private RequestContext context(int[] assignment, RequestContext variables) {
      List<RequestContext.Entry> entries = new ArrayList<>(variables.entries());
      for (int k = 0; k < keys.size(); k++) {
        List<String> values = keyValues.get(k).get(assignment[k]);
        if (!values.isEmpty()) {
          entries.add(new RequestContext.Entry(keys.get(k), values));
        }
      }
      return RequestContext.of(entries);
    }

    /**
     * A choice of value per key under which some NEW Allow of the set applies, no NEW Deny does,
     * and OLD does not allow: OLD has no Allow that applies, or a Deny that does. Null if none.
     */
    private int[] solve(BitSet t) throws Undecided {
      for (int i = t.nextSetBit(0); i >= 0; i = t.nextSetBit(i + 1)) {
        if (parts.get(i).isNew() && parts.get(i).allow()) {
          int[] found = solve(t, i);
          if (found != null) {
            return found;
          }
        }
      }
      return null;
    }

    /**
     * As {@link #solve(BitSet)}, with the NEW Allow of part {@code allowIndex} the one to apply.
     */
    private int[] solve(BitSet t, int allowIndex) throws Undecided {
      table(t);
      List<Part> newDenies = new ArrayList<>();
      List<Part> oldAllows = new ArrayList<>();
      List<Part> oldDenies = new ArrayList<>();
      for (int i = t.nextSetBit(0); i >= 0; i = t.nextSetBit(i + 1)) {
        Part p = parts.get(i);
        if (p.isNew() && !p.allow()) {
          newDenies.add(p);
        } else if (!p.isNew()) {
          (p.allow() ? oldAllows : oldDenies).add(p);
        }
      }
      Part allow = parts.get(allowIndex);
      BitSet[] domains = fullDomains();
      if (!restrict(domains, allow)) {
        return null;
      }
      List<Part> mustFail = new ArrayList<>(oldAllows);
      mustFail.addAll(newDenies);
      int[] found = search(domains, mustFail);
      if (found != null) {
        return found;
      }
      for (Part deny : oldDenies) {
        BitSet[] withDeny = copy(domains);
        if (restrict(withDeny, deny)) {
          found = search(withDeny, newDenies);
          if (found != null) {
            return found;
          }
        }
      }
      return null;
    }

    private BitSet[] fullDomains() {
      BitSet[] c = new BitSet[baseDomains.size()];
      for (int k = 0; k < c.length; k++) {
        c[k] = (BitSet) baseDomains.get(k).clone();
      }
      return c;
    }

    private static BitSet[] copy(BitSet[] domains) {
      BitSet[] c = new BitSet[domains.length];
      for (int k = 0; k < c.length; k++) {
        c[k] = (BitSet) domains[k].clone();
      }
      return c;
    }

    /** Narrows the domains to where the statement's condition holds; false when nothing is left. */
    private static boolean restrict(BitSet[] domains, Part p) {
      for (Map.Entry<Integer, BitSet> c : p.conditions().entrySet()) {
        domains[c.getKey()].and(c.getValue());
        if (domains[c.getKey()].isEmpty()) {
          return false;
        }
      }
      return true;
    }

    /** Values within the domains that make every statement's condition false, or null. */
    private int[] search(BitSet[] domains, List<Part> mustFail) throws Undecided {
      spend(1);
      Part open = null;
      for (Part p : mustFail) {
        if (!surelyFalse(domains, p)) {
          open = p;
          break;
        }
      }
      if (open == null) {
        int[] pick = new int[domains.length];
        for (int k = 0; k < pick.length; k++) {
          pick[k] = domains[k].nextSetBit(0);
        }
        return pick;
      }
      for (Map.Entry<Integer, BitSet> c : open.conditions().entrySet()) {
        BitSet[] next = copy(domains);
        next[c.getKey()].andNot(c.getValue());
        if (next[c.getKey()].isEmpty()) {
          continue;
        }
        int[] found = search(next, mustFail);
        if (found != null) {
          return found;
        }
      }
      return null; // a statement with no condition left to fail
    }

    private static boolean surelyFalse(BitSet[] domains, Part p) {
      for (Map.Entry<Integer, BitSet> c : p.conditions().entrySet()) {
        if (!domains[c.getKey()].intersects(c.getValue())) {
          return true;
        }
      }
      return false;
    }

    /**
     * The OLD Allow statements that let every request of their actions through: Resource "*", no
     * Condition, and a role that ignores Principal. (A reference such as PowerUserAccess allows all
     * but three services so.)
     */
    private BitSet oldAllowsEverywhere() {
      BitSet out = new BitSet();
      if (oldPolicy.role() != PolicyRole.IDENTITY && oldPolicy.role() != PolicyRole.SCP) {
        return out;
      }
      for (int i = 0; i < parts.size(); i++) {
        Part p = parts.get(i);
        Statement s = p.parts().statement();
        if (!p.isNew()
            && p.allow()
            && s.condition().isEmpty()
            && s.resource().isPresent()
            && s.resources().stream().anyMatch(r -> r.value().equals("*"))) {
          out.set(i);
        }
      }
      return out;
    }

    /**
     * Whether OLD allows every request of a class of actions: one of {@code everywhere} names them
     * and no OLD Deny does, whatever its resources and conditions. Then no request of the class is
     * new access, and the class needs no resources, cells or search: the exact search would find
     * nothing there (the Allow has no condition to fail and applies to every resource).
     */
    private boolean allowedByOld(BitSet actionVector, BitSet everywhere) {
      if (!actionVector.intersects(everywhere)) {
        return false;
      }
      for (int i = actionVector.nextSetBit(0); i >= 0; i = actionVector.nextSetBit(i + 1)) {
        if (!parts.get(i).isNew() && !parts.get(i).allow()) {
          return false;
        }
      }
      return true;
    }

    /**
     * Actions share a group when the same statements name them and they act on the same formats.
     */
    private record GroupKey(BitSet actionVector, String formats) {}

    /** An action's ARN formats, and their text as group keys compare them. */
    private record Formats(List<String> list, String text) {}

    /** What string semantics reads every action as acting on: any string. */
    private static final Formats STRING_FORMATS = new Formats(null, "null");

    /** Within one service: the open statements' answers for an action, and its formats. */
    private record ActionClass(BitSet answers, String formats) {}

    /** The group of a class of actions that no NEW Allow lets through: none. */
    private static final ActionGroup NO_GROUP = new ActionGroup(new BitSet(), List.of());

    private static final Object SERVICE_ACTIONS_MEMO = new Object();

    /**
     * A service's actions' qualified names in catalog order, and the position of each in lower case
     * (null when a name or the prefix is not plain ASCII: then each action is matched on its own);
     * each action's formats, and the actions of each formats in the order they first occur; the
     * names each wildcard Action value matches (values such as {@code ec2:Describe*} recur in most
     * policies).
     */
    private record ServiceActions(
        List<String> names,
        Map<String, Integer> byLowerName,
        List<Formats> formats,
        List<FormatsActions> byFormats,
        Map<String, BitSet> wildcardMatches) {}

    private record FormatsActions(Formats formats, List<String> names) {}

    private static ServiceActions of(Service service) {
      List<String> names = new ArrayList<>();
      Map<String, Integer> byLowerName = new HashMap<>();
      List<Formats> formats = new ArrayList<>();
      Map<String, FormatsActions> byFormats = new LinkedHashMap<>();
      boolean plain = isPlainPrefix(service.prefix());
      for (Action a : service.actions()) {
        String name = a.qualifiedName();
        plain &= name.chars().allMatch(c -> c < 0x80);
        byLowerName.putIfAbsent(name.toLowerCase(Locale.ROOT), names.size());
        names.add(name);
        List<String> list = formats(a);
        Formats f = new Formats(list, String.valueOf(list));
        // Actions with the same formats share one instance: group keys then compare its text by
        // identity.
        FormatsActions shared =
            byFormats.computeIfAbsent(f.text(), k -> new FormatsActions(f, new ArrayList<>()));
        shared.names().add(name);
        formats.add(shared.formats());
      }
      return new ServiceActions(
          List.copyOf(names),
          plain ? byLowerName : null,
          List.copyOf(formats),
          List.copyOf(byFormats.values()),
          new ConcurrentHashMap<>());
    }

    /** See {@link ResourceCandidates#ResourceCandidates}: per catalog, as the formats are. */
    private static final Object RESOURCE_CLASSES_MEMO = new Object();

    /**
     * Sorts the NEW Allow statements ({@code newAllows}), or the others, into those that give every
     * action of the service the same answer (set in {@code same} when it is yes) and those that
     * depend on the action ({@code open}). Returns whether any of them may let an action through.
     */
    private boolean sortByActions(
        String service, boolean newAllows, BitSet same, List<Integer> open) {
      boolean any = false;
      for (int i = 0; i < parts.size(); i++) {
        Part p = parts.get(i);
        if ((p.isNew() && p.allow()) != newAllows) {
          continue;
        }
        Optional<Boolean> holds = p.parts().sameForEveryActionOf(service);
        if (holds.isEmpty()) {
          open.add(i);
          any = true;
        } else if (holds.get()) {
          same.set(i);
          any = true;
        }
      }
      return any;
    }

    private List<ActionGroup> actionGroups() throws Undecided {
      Map<GroupKey, ActionGroup> groups = new LinkedHashMap<>();
      Set<String> newAllowServices = newAllowServices();
      Map<String, ServiceActions> serviceActions = catalog.memo(SERVICE_ACTIONS_MEMO);
      CatalogServices catalogServices = catalog.derived(CatalogServices.class, this::services);
      // The catalog's count: the actions of a service no statement names are never decoded.
      spend(catalogServices.actionCount());
      // Outside the services a NEW Allow names, sortByActions below would find that none names an
      // action: those are not visited (in catalog order, as the groups are made).
      BitSet visited = new BitSet();
      if (newAllowServices == null) {
        visited.set(0, catalogServices.services().size());
      } else {
        visited.or(catalogServices.notPlain());
        for (String prefix : newAllowServices) {
          BitSet withPrefix = catalogServices.byLowerPlainPrefix().get(prefix);
          if (withPrefix != null) {
            visited.or(withPrefix);
          }
        }
      }
      for (int si = visited.nextSetBit(0); si >= 0; si = visited.nextSetBit(si + 1)) {
        Service service = catalogServices.services().get(si);
        // Most statements name a few services: for the others, every action gets one answer.
        BitSet same = new BitSet();
        List<Integer> open = new ArrayList<>();
        // NEW's Allow statements first: when none names an action of the service, nothing will.
        if (!sortByActions(service.prefix(), true, same, open)) {
          continue;
        }
        sortByActions(service.prefix(), false, same, open);
        ServiceActions names = serviceActions.get(service.prefix());
        if (names == null) {
          names = serviceActions.computeIfAbsent(service.prefix(), k -> of(service));
        }
        if (open.isEmpty() && !options.stringSemantics()) {
          // Every action of the service gets the same vector: its groups are its formats'.
          if (anyNewAllow(same)) {
            for (FormatsActions b : names.byFormats()) {
              groups
                  .computeIfAbsent(
                      new GroupKey(same, b.formats().text()),
                      k -> new ActionGroup((BitSet) same.clone(), b.formats().list()))
                  .actions
                  .addAll(b.names());
            }
          }
          continue;
        }
        BitSet[] holding = new BitSet[open.size()];
        if (names.byLowerName() != null) {
          for (int k = 0; k < holding.length; k++) {
            holding[k] =
                parts
                    .get(open.get(k))
                    .parts()
                    .actionsHolding(
                        service.prefix(),
                        names.names(),
                        names.byLowerName(),
                        names.wildcardMatches());
          }
        }
        // Only the actions some NEW Allow lets through can be in a group: when every statement's
        // answers are known as sets, the others are not visited.
        BitSet named = null;
        if (!anyNewAllow(same) && names.byLowerName() != null) {
          named = new BitSet();
          for (int k = 0; k < holding.length; k++) {
            Part p = parts.get(open.get(k));
            if (p.isNew() && p.allow()) {
              named.or(holding[k]);
            }
          }
        }
        // The actions that the open statements answer alike and that act on the same formats
        // share a group: it is looked up once per such class of the service, not per action.
        Map<ActionClass, ActionGroup> byClass = new HashMap<>();
        BitSet answers = new BitSet();
        int actionCount = service.actions().size();
        for (int a = named == null ? 0 : named.nextSetBit(0);
            a >= 0 && a < actionCount;
            a = named == null ? a + 1 : named.nextSetBit(a + 1)) {
          String name = names.names().get(a);
          answers.clear();
          for (int k = 0; k < holding.length; k++) {
            int i = open.get(k);
            if (holding[k] != null ? holding[k].get(a) : parts.get(i).parts().actionHolds(name)) {
              answers.set(k);
            }
          }
          Formats formats = options.stringSemantics() ? STRING_FORMATS : names.formats().get(a);
          ActionClass c = new ActionClass(answers, formats.text());
          ActionGroup g = byClass.get(c);
          if (g == null) {
            BitSet v = (BitSet) same.clone();
            for (int k = answers.nextSetBit(0); k >= 0; k = answers.nextSetBit(k + 1)) {
              v.set(open.get(k));
            }
            g =
                anyNewAllow(v)
                    ? groups.computeIfAbsent(
                        new GroupKey(v, formats.text()), k -> new ActionGroup(v, formats.list()))
                    : NO_GROUP;
            byClass.put(new ActionClass((BitSet) answers.clone(), formats.text()), g);
          }
          if (g != NO_GROUP) {
            g.actions.add(name);
          }
        }
      }
      if (options.stringSemantics()) {
        addActionStrings(groups);
      }
      return new ArrayList<>(groups.values());
    }

    /**
     * The services outside which no NEW Allow lets an action through, or null when one may let
     * through actions of any service.
     */
    private Set<String> newAllowServices() {
      Set<String> out = new HashSet<>();
      for (Part p : parts) {
        if (p.isNew() && p.allow()) {
          Set<String> only = p.parts().onlyServices();
          if (only == null) {
            return null;
          }
          out.addAll(only);
        }
      }
      return out;
    }

    /**
     * A catalog's services; the positions of those whose prefix narrows Action values (ASCII, no
     * colon) by that prefix in lower case, and of the others; and their actions' count. Per
     * catalog: every comparison asks.
     */
    private record CatalogServices(
        List<Service> services,
        Map<String, BitSet> byLowerPlainPrefix,
        BitSet notPlain,
        int actionCount) {}

    private CatalogServices services() {
      List<Service> services = List.copyOf(catalog.services());
      Map<String, BitSet> byPrefix = new HashMap<>();
      BitSet notPlain = new BitSet();
      int actions = 0;
      for (int i = 0; i < services.size(); i++) {
        String p = services.get(i).prefix();
        if (isPlainPrefix(p) && !p.isEmpty()) {
          byPrefix.computeIfAbsent(p.toLowerCase(Locale.ROOT), k -> new BitSet()).set(i);
        } else {
          notPlain.set(i);
        }
        actions += services.get(i).actionCount();
      }
      return new CatalogServices(services, Map.copyOf(byPrefix), notPlain, actions);
    }

    /** A service prefix that Action values are narrowed by: ASCII, no colon. */
    private static boolean isPlainPrefix(String prefix) {
      return prefix.indexOf(':') < 0 && prefix.chars().allMatch(c -> c < 0x80);
    }

    /** Actions outside the catalog that the patterns tell apart from every catalog action. */
    private void addActionStrings(Map<GroupKey, ActionGroup> groups) throws Undecided {
      List<String> patterns = new ArrayList<>();
      for (Part p : parts) {
        for (var a : p.parts().statement().actions()) {
          patterns.add(a.value());
        }
      }
      List<GlobClasses.Observed> observed =
          patterns.stream().map(p -> GlobClasses.Observed.of(GlobClasses.glob(p, true))).toList();
      GlobClasses.Glob shape =
          GlobClasses.builder()
              .some(GlobClasses.LOWER | GlobClasses.DIGIT | GlobClasses.DASH)
              .literal(":")
              .some(GlobClasses.NAME)
              .build();
      Map<BitSet, String> classes;
      try {
        classes = GlobClasses.classes(List.of(shape), observed, GlobStates.MAX_STATES);
      } catch (GlobClasses.TooManyStates e) {
        throw new Undecided("the Action patterns have too many classes of action names");
      }
      for (String action : classes.values()) {
        BitSet v = actionVector(action);
        if (!anyNewAllow(v)) {
          continue;
        }
        boolean covered = groups.values().stream().anyMatch(g -> g.actionVector.equals(v));
        if (!covered) {
          groups
              .computeIfAbsent(new GroupKey(v, "null"), k -> new ActionGroup(v, null))
              .actions
              .add(action);
        }
      }
    }

    private BitSet actionVector(String action) {
      BitSet v = new BitSet();
      for (int i = 0; i < parts.size(); i++) {
        if (parts.get(i).parts().actionHolds(action)) {
          v.set(i);
        }
      }
      return v;
    }

    /** The ARN formats an action acts on: empty for "*" only, null for any string. */
    private static List<String> formats(Action action) {
      List<String> out = new ArrayList<>();
      for (ActionResource r : action.resourceTypes()) {
        if (r.resourceType().isEmpty()) {
          return null; // a type the catalog does not define: any resource
        }
        String f = r.resourceType().get().arnFormat();
        if (!out.contains(f)) {
          out.add(f);
        }
      }
      out.sort(null);
      return out;
    }

    private List<String> resourcesOf(ActionGroup g, ResourceCandidates resources) throws Undecided {
      if (g.formats == null || g.formats.isEmpty()) {
        return resourcesOf(g, 0, resources);
      }
      List<String> out = new ArrayList<>();
      for (int f = 0; f < g.formats.size(); f++) {
        for (String r : resourcesOf(g, f, resources)) {
          if (!out.contains(r)) {
            out.add(r);
          }
        }
      }
      return out;
    }

    /** The candidates among the ARNs of the group's format number {@code f}. */
    private List<String> resourcesOf(ActionGroup g, int f, ResourceCandidates resources)
        throws Undecided {
      try {
        if (g.formats == null) {
          return resources.anyString();
        }
        return g.formats.isEmpty() ? List.of("*") : resources.forFormat(g.formats.get(f));
      } catch (GlobClasses.TooManyStates e) {
        throw new Undecided("the Resource patterns have too many classes of ARNs to compare");
      }
    }

    private ResourceCandidates resourceCandidates(List<Part> of, Map<String, String> assignment) {
      return resourceCandidates(of, assignment, GlobStates.MAX_STATES);
    }

    private ResourceCandidates resourceCandidates(
        List<Part> of, Map<String, String> assignment, int maxStates) {
      return new ResourceCandidates(
          resourcePatterns(of, assignment), maxStates, catalog.memo(RESOURCE_CLASSES_MEMO));
    }

    /** Every Resource and NotResource value of the parts, the variables' values substituted. */
    private List<String> resourcePatterns(List<Part> of, Map<String, String> assignment) {
      List<String> out = new ArrayList<>();
      for (Part p : of) {
        for (var r : p.parts().statement().resources()) {
          String text =
              p.parts().variablesOn() ? Variables.substitute(r.value(), assignment) : r.value();
          if (text != null) {
            out.add(text);
          }
        }
      }
      return out;
    }

    private List<Optional<RequestPrincipal>> principals() throws Undecided {
      if (oldPolicy.role() != PolicyRole.RESOURCE && oldPolicy.role() != PolicyRole.RCP) {
        return List.of(Optional.empty());
      }
      List<Statement> statements = new ArrayList<>();
      for (Part p : relevantParts()) {
        statements.add(p.parts().statement());
      }
      PrincipalCandidates.Result r = PrincipalCandidates.of(statements);
      if (!r.unsupported().isEmpty()) {
        throw new Undecided(
            "principals the comparison cannot model: " + String.join(", ", r.unsupported()));
      }
      return r.principals();
    }
  }

  /** Bounds of the automaton searches. */
  static final class GlobStates {
    static final int MAX_STATES = 50_000;

    /**
     * The bound of {@link #exceedingStatements}' first pass over a statement's own patterns: a
     * format with more classes is left to the complete pass, rather than searched to the full bound
     * (a second and more) only to give up.
     */
    static final int MAX_STATES_FIRST_PASS = 2_000;

    private GlobStates() {}
  }
}
