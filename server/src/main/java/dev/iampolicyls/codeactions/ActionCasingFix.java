package dev.iampolicyls.codeactions;

import dev.iampolicyls.catalog.Action;
import dev.iampolicyls.policy.Statement;
import dev.iampolicyls.policy.StringElement;
import java.util.List;
import java.util.Optional;

/**
 * An action written in another case than the catalog's ("s3:getobject") gets its exact name. IAM
 * does not mind, so there is no diagnostic; the fix is offered on the action itself.
 */
final class ActionCasingFix implements Refactoring {
  @Override
  public void offer(FixContext ctx, List<PolicyCodeAction> out) {
    for (Statement s : ctx.policy().statements()) {
      for (StringElement e : s.actions()) {
        if (!ctx.touches(e.node())) {
          continue;
        }
        Optional<Action> action = ctx.catalog().action(e.value());
        if (action.isPresent() && !action.get().qualifiedName().equals(e.value())) {
          String exact = action.get().qualifiedName();
          out.add(
              new PolicyCodeAction(
                  "Write \"" + exact + "\" in its exact case",
                  PolicyCodeAction.QUICK_FIX,
                  null,
                  List.of(ctx.edits().replaceString(e.node(), exact))));
        }
      }
    }
  }
}
