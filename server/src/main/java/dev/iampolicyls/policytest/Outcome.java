package dev.iampolicyls.policytest;

import dev.iampolicyls.evaluation.Decision;
import dev.iampolicyls.evaluation.Evaluation;
import dev.iampolicyls.evaluation.Reason;
import dev.iampolicyls.evaluation.Simulator;

/**
 * One case's outcome.
 *
 * @param problem why the case could not be decided, or null
 */
public record Outcome(PolicyTestFile.Case testCase, Simulator.Result result, String problem) {

  static Outcome of(PolicyTestFile.Case c, Simulator.Result r) {
    String problem =
        r.accounts() == Simulator.Accounts.UNDETERMINED
            ? "the resource ARN names no account and the decision depends on it: give"
                + " resourceAccount"
            : null;
    return new Outcome(c, r, problem);
  }

  public Decision decision() {
    return result.evaluation().decision();
  }

  public boolean passed() {
    return problem == null && testCase.expect().meets(decision());
  }

  /**
   * Why the case failed, in one sentence: the expected and actual decisions, then each deciding
   * statement ({@code file:line "Sid"}) and what it did.
   */
  public String failure() {
    if (problem != null) {
      return problem;
    }
    Evaluation e = result.evaluation();
    StringBuilder s = new StringBuilder("expected " + testCase.expect() + ", got " + e.decision());
    for (Reason r : e.reasons()) {
      s.append("; ");
      if (r.statement() != null) {
        int line = r.policy().policy().document().positionAt(r.statement().offset()).line() + 1;
        s.append(r.policy().source()).append(':').append(line).append(' ');
        s.append(r.statement().label()).append(' ');
      } else if (r.policy() != null) {
        s.append(r.policy().source()).append(": ");
      }
      s.append(r.message());
    }
    return s.toString();
  }
}
