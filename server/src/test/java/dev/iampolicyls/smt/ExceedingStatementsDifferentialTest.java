package dev.iampolicyls.smt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.iampolicyls.compare.CompareOptions;
import dev.iampolicyls.compare.Comparison;
import dev.iampolicyls.compare.NewAccess;
import dev.iampolicyls.compare.PolicyComparison;
import dev.iampolicyls.compare.Verdict;
import dev.iampolicyls.evaluation.Decision;
import dev.iampolicyls.evaluation.NamedPolicy;
import dev.iampolicyls.evaluation.Request;
import dev.iampolicyls.policy.PolicyType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * {@link PolicyComparison#exceedingStatements} against its definition on generated policies: an
 * Allow statement S of POLICY exceeds REFERENCE exactly when {@code compare(REFERENCE, S and the
 * Deny statements of POLICY)} finds new access. Every witness must be allowed by POLICY and not by
 * REFERENCE when the evaluator runs it. POLICY is a small edit of REFERENCE followed by another
 * generated policy, so that some statements exceed and some do not. UNKNOWN answers are skipped and
 * must stay rare. {@code -Ddifferential.cases=N -Ddifferential.seed=S} run more, or others.
 */
class ExceedingStatementsDifferentialTest {

  @Test
  void aStatementIsReportedExactlyWhenItAloneWithTheDeniesExceeds() {
    check(false, Differential.cases(100));
  }

  @Test
  void withStringSemanticsToo() {
    check(true, Differential.cases(100));
  }

  private static void check(boolean stringSemantics, int cases) {
    CompareOptions options =
        CompareOptions.defaults(PolicyType.IDENTITY_POLICY).withStringSemantics(stringSemantics);
    PolicyGenerator generator = new PolicyGenerator(Differential.seed());
    List<String> problems = new ArrayList<>();
    int unknown = 0;
    int exceeding = 0;
    int within = 0;
    for (int i = 0; i < cases; i++) {
      GeneratedPolicy[] pair = generator.pair();
      List<GeneratedPolicy.Statement> statements = new ArrayList<>(pair[1].statements());
      statements.addAll(generator.policy().statements());
      GeneratedPolicy policy = new GeneratedPolicy(statements);
      NamedPolicy reference = Differential.named("OLD", pair[0]);
      NamedPolicy checked = Differential.named("NEW", policy);
      Comparison byStatement =
          PolicyComparison.exceedingStatements(
              reference.policy(), checked.policy(), options, () -> false);
      if (byStatement.verdict() == Verdict.UNKNOWN) {
        unknown++;
        continue;
      }
      Set<String> reported = new HashSet<>();
      for (NewAccess n : byStatement.newAccess()) {
        reported.addAll(n.newStatements());
        Request w = n.witness();
        if (Differential.decision(checked, w) != Decision.Allowed
            || Differential.decision(reference, w) == Decision.Allowed) {
          problems.add("case " + i + ": witness not confirmed: " + n.sentence());
        }
      }
      for (int s = 0; s < statements.size(); s++) {
        if (!statements.get(s).effect().equals("Allow")) {
          continue;
        }
        List<GeneratedPolicy.Statement> alone = new ArrayList<>();
        for (int j = 0; j < statements.size(); j++) {
          if (j == s || !statements.get(j).effect().equals("Allow")) {
            alone.add(statements.get(j));
          }
        }
        Comparison definition =
            PolicyComparison.compare(
                reference.policy(),
                Differential.named("NEW", new GeneratedPolicy(alone)).policy(),
                options);
        if (definition.verdict() == Verdict.UNKNOWN) {
          unknown++;
          continue;
        }
        boolean exceeds = definition.verdict() == Verdict.FAIL;
        if (exceeds) {
          exceeding++;
        } else {
          within++;
        }
        if (exceeds != reported.contains("Statement[" + s + "]")) {
          problems.add(
              "case "
                  + i
                  + ", Statement["
                  + s
                  + "]: "
                  + (exceeds ? "exceeds but not reported" : "reported but within")
                  + "\nREFERENCE "
                  + pair[0].json()
                  + "\nPOLICY "
                  + policy.json());
        }
      }
    }
    System.out.printf(
        "exceedingStatements (string semantics %s): %d statements exceed, %d within, %d unknown%n",
        stringSemantics, exceeding, within, unknown);
    assertEquals(List.of(), problems);
    assertTrue(exceeding > cases / 4 && within > cases / 4, exceeding + " / " + within);
    assertTrue(unknown <= cases / 20, unknown + " unknown");
  }
}
