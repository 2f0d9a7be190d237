package dev.iampolicyls.smt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.z3.BoolExpr;
import com.microsoft.z3.Solver;
import dev.iampolicyls.evaluation.Decision;
import dev.iampolicyls.evaluation.NamedPolicy;
import dev.iampolicyls.smt.PolicyGenerator.GeneratedRequest;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The evaluator (what {@code simulate} and {@code compare} rest on) against {@link SmtEncoding} on
 * generated identity policies and requests near their borders: the same decision every time. {@code
 * -Ddifferential.cases=N -Ddifferential.seed=S} run more, or others (docs/compare.md).
 */
class EvaluatorDifferentialTest {
  private static final int REQUESTS_PER_POLICY = 10;

  @Test
  void evaluatorDecidesAsTheSmtEncoding() {
    int cases = Differential.cases(3_000);
    PolicyGenerator generator = new PolicyGenerator(Differential.seed());
    Map<Decision, Integer> seen = new EnumMap<>(Decision.class);
    List<String> disagreements = new ArrayList<>();
    try (SmtEncoding smt = new SmtEncoding()) {
      Solver solver = smt.ctx.mkSolver();
      int done = 0;
      while (done < cases) {
        GeneratedPolicy p = generator.policy();
        NamedPolicy named = Differential.named("policy.json", p);
        BoolExpr allow = smt.applies(p, "Allow");
        BoolExpr deny = smt.applies(p, "Deny");
        for (int i = 0; i < REQUESTS_PER_POLICY && done < cases; i++, done++) {
          GeneratedRequest r = generator.request(p);
          Decision expected =
              Differential.holds(solver, smt, deny, r)
                  ? Decision.ExplicitDeny
                  : Differential.holds(solver, smt, allow, r)
                      ? Decision.Allowed
                      : Decision.ImplicitDeny;
          Decision actual = Differential.decision(named, Differential.request(r));
          seen.merge(actual, 1, Integer::sum);
          if (actual != expected && disagreements.size() < 10) {
            disagreements.add(
                "case "
                    + done
                    + ": evaluator "
                    + actual
                    + ", Z3 "
                    + expected
                    + "\n  request "
                    + r
                    + "\n  policy "
                    + p.json());
          }
        }
      }
    }
    // Every decision is met often enough for the agreement to mean something.
    for (Decision d : Decision.values()) {
      assertTrue(seen.getOrDefault(d, 0) >= cases / 50, "too few " + d + ": " + seen);
    }
    assertEquals(List.of(), disagreements, String.join("\n", disagreements));
  }
}
