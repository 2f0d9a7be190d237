package dev.iampolicyls.compare;

import dev.iampolicyls.evaluation.Request;
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
}
