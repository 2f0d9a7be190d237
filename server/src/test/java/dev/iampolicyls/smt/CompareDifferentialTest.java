package dev.iampolicyls.smt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.z3.BoolExpr;
import com.microsoft.z3.Model;
import com.microsoft.z3.Params;
import com.microsoft.z3.Solver;
import com.microsoft.z3.Status;
import dev.iampolicyls.catalog.Action;
import dev.iampolicyls.catalog.ActionResource;
import dev.iampolicyls.catalog.Catalog;
import dev.iampolicyls.compare.CompareOptions;
import dev.iampolicyls.compare.Comparison;
import dev.iampolicyls.compare.NewAccess;
import dev.iampolicyls.compare.PolicyComparison;
import dev.iampolicyls.compare.Verdict;
import dev.iampolicyls.evaluation.ContextArguments;
import dev.iampolicyls.evaluation.Decision;
import dev.iampolicyls.evaluation.NamedPolicy;
import dev.iampolicyls.evaluation.Request;
import dev.iampolicyls.policy.PolicyType;
import dev.iampolicyls.smt.PolicyGenerator.GeneratedRequest;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code compare} against {@link SmtEncoding} on generated pairs of identity policies (mostly a
 * policy and a small edit of it): wherever Z3 finds a request NEW allows and OLD denies, the
 * comparison must not say PASS; every witness the comparison gives must be allowed by NEW and not
 * by OLD when the evaluator runs it, name a catalog action and carry context values of their keys'
 * types. UNKNOWN answers are counted and must stay rare. {@code -Ddifferential.cases=N
 * -Ddifferential.seed=S} run more, or others (docs/compare.md).
 */
class CompareDifferentialTest {
  /**
   * Per part of the domain; a search that takes longer counts as unknown to Z3 (reported, not
   * failed).
   */
  private static final int TIMEOUT_MS = 1_000;

  @Test
  void compareNeverMissesNewAccessAndEveryWitnessHolds() throws Exception {
    int cases = Differential.cases(40);
    Catalog catalog = Catalog.bundled();
    CompareOptions options = CompareOptions.defaults(PolicyType.IDENTITY_POLICY);
    PolicyGenerator generator = new PolicyGenerator(Differential.seed());
    Map<Verdict, Integer> verdicts = new EnumMap<>(Verdict.class);
    int solverFound = 0;
    int solverUnknown = 0;
    long engineNanos = 0;
    long solverNanos = 0;
    List<String> problems = new ArrayList<>();
    try (SmtEncoding smt = new SmtEncoding()) {
      List<BoolExpr> domain = smt.compareDomain(formats(catalog));
      Params params = smt.ctx.mkParams();
      params.add("timeout", TIMEOUT_MS);
      for (int i = 0; i < cases; i++) {
        GeneratedPolicy[] pair = generator.pair();
        NamedPolicy old = Differential.named("OLD", pair[0]);
        NamedPolicy neu = Differential.named("NEW", pair[1]);
        long started = System.nanoTime();
        Comparison c = PolicyComparison.compare(old.policy(), neu.policy(), options);
        engineNanos += System.nanoTime() - started;
        verdicts.merge(c.verdict(), 1, Integer::sum);
        String where = "case " + i + "\n  OLD " + pair[0].json() + "\n  NEW " + pair[1].json();
        for (NewAccess n : c.newAccess()) {
          Request w = n.witness();
          if (Differential.decision(neu, w) != Decision.Allowed
              || Differential.decision(old, w) == Decision.Allowed) {
            problems.add(where + "\n  witness not confirmed by the evaluator: " + w);
          }
          if (catalog.action(w.action()).isEmpty()) {
            problems.add(where + "\n  witness action outside the catalog: " + w);
          }
          try {
            ContextArguments.fromValues(w.context().entries(), catalog);
          } catch (ContextArguments.Invalid e) {
            problems.add(where + "\n  witness value not of its key's type: " + e.getMessage());
          }
        }
        started = System.nanoTime();
        BoolExpr newAccess = smt.ctx.mkAnd(smt.allows(pair[1]), smt.ctx.mkNot(smt.allows(pair[0])));
        Status s = Status.UNSATISFIABLE;
        Model model = null;
        for (BoolExpr part : domain) {
          Solver solver = smt.ctx.mkSolver(); // a fresh one: faster on strings than push and pop
          solver.setParameters(params);
          solver.add(part, newAccess);
          Status partStatus = solver.check();
          if (partStatus == Status.SATISFIABLE) {
            s = partStatus;
            model = solver.getModel();
            break;
          }
          if (partStatus == Status.UNKNOWN) {
            s = partStatus;
          }
        }
        solverNanos += System.nanoTime() - started;
        if (s == Status.SATISFIABLE) {
          solverFound++;
          GeneratedRequest r = smt.request(model);
          Request request = Differential.request(r);
          boolean confirmed =
              Differential.decision(neu, request) == Decision.Allowed
                  && Differential.decision(old, request) != Decision.Allowed;
          if (!confirmed) {
            problems.add(where + "\n  Z3's request is not new access for the evaluator: " + r);
          } else if (c.verdict() == Verdict.PASS) {
            problems.add(where + "\n  compare says PASS, but NEW allows and OLD denies " + r);
          }
        } else if (s == Status.UNKNOWN) {
          solverUnknown++;
        }
        if (problems.size() >= 10) {
          break;
        }
      }
    }
    String summary =
        "verdicts "
            + verdicts
            + ", Z3 found new access in "
            + solverFound
            + ", Z3 unknown "
            + solverUnknown
            + "; compare "
            + engineNanos / 1_000_000
            + " ms, Z3 "
            + solverNanos / 1_000_000
            + " ms";
    System.out.println("CompareDifferentialTest: " + cases + " pairs, " + summary);
    assertEquals(List.of(), problems, String.join("\n", problems));
    // Both answers are met often enough for the agreement to mean something.
    assertTrue(verdicts.getOrDefault(Verdict.PASS, 0) >= cases / 10, summary);
    assertTrue(solverFound >= cases / 10, summary);
    assertTrue(verdicts.getOrDefault(Verdict.UNKNOWN, 0) <= cases / 20, summary);
  }

  /** Each action of the universe with its ARN formats, as the catalog gives them. */
  private static Map<String, List<String>> formats(Catalog catalog) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    for (String name : Universe.ACTIONS) {
      Action action = catalog.action(name).orElseThrow();
      List<String> formats = new ArrayList<>();
      for (ActionResource r : action.resourceTypes()) {
        formats.add(r.resourceType().orElseThrow().arnFormat());
      }
      out.put(name, formats);
    }
    return out;
  }
}
