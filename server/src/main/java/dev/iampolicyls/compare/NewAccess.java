package dev.iampolicyls.compare;

import dev.iampolicyls.evaluation.Request;
import dev.iampolicyls.evaluation.RequestContext;
import java.util.ArrayList;
import java.util.List;

/**
 * A request NEW allows and OLD denies, standing for a group of such requests.
 *
 * @param witness the request, confirmed by the evaluator: allowed by NEW, denied by OLD
 * @param newStatements JSON paths ({@code Statement[2]}) of the NEW Allow statements that allow it
 * @param actions how many catalog actions gain access the same way (same NEW statements, same class
 *     of actions); the witness shows one of them
 */
public record NewAccess(Request witness, List<String> newStatements, int actions) {
  public NewAccess {
    newStatements = List.copyOf(newStatements);
  }

  /** "s3:PutObject on arn:aws:s3:::bucket/example by ... when aws:SourceIp=203.0.113.0". */
  public String sentence() {
    StringBuilder s = new StringBuilder(witness.action()).append(" on ").append(witness.resource());
    witness.principal().ifPresent(p -> s.append(" by ").append(p.text()));
    List<String> conditions = new ArrayList<>();
    for (RequestContext.Entry e : witness.context().entries()) {
      conditions.add(
          e.name() + "=" + (e.values().size() == 1 ? e.values().get(0) : e.values().toString()));
    }
    s.append(
        conditions.isEmpty()
            ? " with no condition keys"
            : " when " + String.join(", ", conditions));
    if (actions > 1) {
      s.append(" (and ").append(actions - 1).append(" more actions the same way)");
    }
    return s.toString();
  }
}
