package dev.iampolicyls.codeactions;

import dev.iampolicyls.catalog.Action;
import dev.iampolicyls.policy.ActionName;
import dev.iampolicyls.policy.Statement;
import dev.iampolicyls.policy.StringElement;
import java.util.List;
import java.util.Optional;

/**
 * Expands a wildcard action of a statement that is not an Allow (Allow statements get it, with
 * narrower choices, from {@link CodeActionEngine}) into the explicit list it matches today.
 */
final class ExpandDenyWildcard implements Refactoring {
  @Override
  public void offer(FixContext ctx, List<PolicyCodeAction> out) {
    for (Statement s : ctx.policy().statements()) {
      if (s.isAllow() || s.action().isEmpty()) {
        continue;
      }
      for (StringElement e : s.actions()) {
        Optional<ActionName> name = ActionName.parse(e.value());
        if (!ctx.touches(e.node())
            || name.isEmpty()
            || ActionName.containsWildcard(name.get().service())
            || !ActionName.containsWildcard(name.get().action())) {
          continue;
        }
        List<String> matched =
            ctx.catalog().matchActions(e.value()).stream().map(Action::qualifiedName).toList();
        if (matched.isEmpty() || matched.size() > CodeActionEngine.MAX_LISTED_ACTIONS) {
          continue;
        }
        out.add(
            Refactoring.rewrite(
                "Replace \""
                    + e.value()
                    + "\" with the "
                    + matched.size()
                    + (matched.size() == 1 ? " action" : " actions")
                    + " it matches",
                List.of(ctx.edits().replaceWithStrings(e.node(), matched))));
      }
    }
  }
}
