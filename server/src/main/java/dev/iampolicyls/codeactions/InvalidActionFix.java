package dev.iampolicyls.codeactions;

import dev.iampolicyls.catalog.Service;
import dev.iampolicyls.catalog.Suggestions;
import dev.iampolicyls.checks.CheckCode;
import dev.iampolicyls.checks.Finding;
import dev.iampolicyls.policy.ActionName;
import dev.iampolicyls.syntax.StringNode;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** INVALID_ACTION: the closest real actions of the same service, best first. */
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
    for (String a :
        Suggestions.closestActions(service.get(), name.get().action(), MAX_SUGGESTIONS)) {
      String qualified = service.get().prefix() + ":" + a;
      out.add(
          QuickFix.fix(
              "Change to \"" + qualified + "\"",
              finding,
              Edits.replace(node, Layout.quote(qualified))));
    }
  }
}
