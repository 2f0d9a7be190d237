package dev.iampolicyls.codeactions;

import dev.iampolicyls.checks.CheckCode;
import dev.iampolicyls.checks.Finding;
import java.util.List;
import java.util.Set;

/** A mechanical fix for the findings of some codes, offered on the finding's range. */
interface QuickFix {
  Set<CheckCode> codes();

  void offer(FixContext ctx, Finding finding, List<PolicyCodeAction> out);

  static PolicyCodeAction fix(String title, Finding finding, TextEdit... edits) {
    return new PolicyCodeAction(title, PolicyCodeAction.QUICK_FIX, finding, List.of(edits));
  }
}
