package dev.iampolicyls.codeactions;

import dev.iampolicyls.policy.Statement;
import dev.iampolicyls.syntax.ArrayNode;
import dev.iampolicyls.syntax.JsonNode;
import dev.iampolicyls.syntax.PropertyNode;
import dev.iampolicyls.syntax.StringNode;
import java.util.List;

/** Action, NotAction, Resource, NotResource: a single string becomes an array, and back. */
final class StringArrayToggle implements Refactoring {
  private static final List<String> ELEMENTS =
      List.of("Action", "NotAction", "Resource", "NotResource");

  @Override
  public void offer(FixContext ctx, List<PolicyCodeAction> out) {
    for (Statement s : ctx.policy().statements()) {
      for (String element : ELEMENTS) {
        PropertyNode p = s.property(element).orElse(null);
        if (p == null || p.value() == null || !ctx.touches(p)) {
          continue;
        }
        JsonNode v = p.value();
        if (v instanceof StringNode) {
          out.add(
              Refactoring.rewrite(
                  "Make " + element + " an array", List.of(ctx.edits().wrapInList(p))));
        } else if (v instanceof ArrayNode a
            && a.items().size() == 1
            && a.items().get(0) instanceof StringNode) {
          out.add(
              Refactoring.rewrite(
                  "Make " + element + " a single string", List.of(ctx.edits().unwrapList(p))));
        }
      }
    }
  }
}
