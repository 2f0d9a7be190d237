package dev.iampolicyls.codeactions;

import java.util.List;

/** A rewrite offered where the cursor is, whether or not anything is wrong there. */
interface Refactoring {
  void offer(FixContext ctx, List<PolicyCodeAction> out);

  static PolicyCodeAction rewrite(String title, List<TextEdit> edits) {
    return new PolicyCodeAction(title, PolicyCodeAction.REWRITE, null, edits);
  }
}
