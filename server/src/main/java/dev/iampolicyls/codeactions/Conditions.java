package dev.iampolicyls.codeactions;

import dev.iampolicyls.policy.ConditionEntry;
import dev.iampolicyls.policy.Policy;
import dev.iampolicyls.policy.Statement;

/** Finds the condition test whose key sits at an offset (where condition findings point). */
final class Conditions {
  private Conditions() {}

  static ConditionEntry entryWithKeyAt(Policy policy, int offset) {
    for (Statement s : policy.statements()) {
      for (ConditionEntry e : s.conditionEntries()) {
        if (e.keyProperty().key().offset() == offset) {
          return e;
        }
      }
    }
    return null;
  }
}
