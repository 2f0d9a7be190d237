package dev.iampolicyls.smt;

import com.microsoft.z3.BoolExpr;
import com.microsoft.z3.Solver;
import com.microsoft.z3.Status;
import dev.iampolicyls.evaluation.Decision;
import dev.iampolicyls.evaluation.Evaluator;
import dev.iampolicyls.evaluation.NamedPolicy;
import dev.iampolicyls.evaluation.PolicyRole;
import dev.iampolicyls.evaluation.PolicySet;
import dev.iampolicyls.evaluation.Request;
import dev.iampolicyls.evaluation.RequestContext;
import dev.iampolicyls.policy.Policy;
import dev.iampolicyls.smt.PolicyGenerator.GeneratedRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What both differential tests share: their sizes, and the project's side of each question. */
final class Differential {
  private Differential() {}

  static int cases(int byDefault) {
    return Integer.getInteger("differential.cases", byDefault);
  }

  static long seed() {
    return Long.getLong("differential.seed", 19L);
  }

  static NamedPolicy named(String name, GeneratedPolicy p) {
    return new NamedPolicy(name, PolicyRole.IDENTITY, Policy.parse(p.json()));
  }

  static Request request(GeneratedRequest r) {
    List<RequestContext.Entry> entries = new ArrayList<>();
    for (Map.Entry<String, List<String>> e : r.context().entrySet()) {
      entries.add(new RequestContext.Entry(e.getKey(), e.getValue()));
    }
    return new Request(
        r.action(), r.resource(), Optional.empty(), Optional.empty(), RequestContext.of(entries));
  }

  /** The evaluator's decision for the request under the identity policy alone. */
  static Decision decision(NamedPolicy policy, Request request) {
    PolicySet set =
        new PolicySet(
            List.of(policy),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            List.of(),
            List.of());
    return Evaluator.evaluate(request, set, true).decision();
  }

  /** Whether the formula holds for the concrete request. */
  static boolean holds(Solver solver, SmtEncoding smt, BoolExpr formula, GeneratedRequest r) {
    solver.push();
    try {
      solver.add(smt.is(r), formula);
      Status s = solver.check();
      if (s == Status.UNKNOWN) {
        throw new IllegalStateException("Z3 could not evaluate a ground formula: " + r);
      }
      return s == Status.SATISFIABLE;
    } finally {
      solver.pop();
    }
  }
}
