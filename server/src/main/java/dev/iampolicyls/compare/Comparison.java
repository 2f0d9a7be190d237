package dev.iampolicyls.compare;

import java.util.List;

/**
 * The outcome of comparing two policies.
 *
 * @param verdict PASS, FAIL or UNKNOWN
 * @param newAccess for FAIL, the groups of new access with a witness each; empty otherwise
 * @param unknownReasons for UNKNOWN, why the comparison could not decide; empty otherwise
 */
public record Comparison(Verdict verdict, List<NewAccess> newAccess, List<String> unknownReasons) {
  public Comparison {
    newAccess = List.copyOf(newAccess);
    unknownReasons = List.copyOf(unknownReasons);
  }
}
