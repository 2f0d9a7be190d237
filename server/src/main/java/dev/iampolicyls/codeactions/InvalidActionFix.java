package dev.iampolicyls.codeactions;

import dev.iampolicyls.catalog.OperationActions;
import dev.iampolicyls.catalog.Service;
import dev.iampolicyls.catalog.Suggestions;
import dev.iampolicyls.checks.CheckCode;
import dev.iampolicyls.checks.Finding;
import dev.iampolicyls.policy.ActionName;
import dev.iampolicyls.syntax.StringNode;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * INVALID_ACTION: for an API operation's name, the action that authorizes it; else the closest real
 * actions of the same service, best first.
 */
final class InvalidActionFix implements QuickFix {
  static final int MAX_SUGGESTIONS = 3;

  @Override
  public Set<CheckCode> codes() {
    return Set.of(CheckCode.INVALID_ACTION);
  }

  @Override
  public void offer(FixContext ctx, Finding finding, List<PolicyCodeAction> out) {
    if (!(ctx.nodeOf(finding) instanceof StringNode node)) {
      return;
    }
    Optional<ActionName> name = ActionName.parse(node.value().strip());
    if (name.isEmpty() || name.get().hasWildcard()) {
      return;
    }
    Optional<Service> service = ctx.catalog().service(name.get().service());
    if (service.isEmpty()) {
      return;
    }
    Optional<String> authorizing = OperationActions.authorizing(node.value().strip());
    if (authorizing.isPresent()) {
      out.add(change(ctx, node, finding, authorizing.get()));
      return; // the names spelled alike (s3:ListBucket for s3:ListBuckets) are other operations
    }
    for (String a :
        Suggestions.closestActions(service.get(), name.get().action(), MAX_SUGGESTIONS)) {
      out.add(change(ctx, node, finding, service.get().prefix() + ":" + a));
    }
  }

  private static PolicyCodeAction change(
      FixContext ctx, StringNode node, Finding finding, String action) {
    return QuickFix.fix(
        "Change to \"" + action + "\"", finding, ctx.edits().replaceString(node, action));
  }
}
