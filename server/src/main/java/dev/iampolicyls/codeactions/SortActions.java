package dev.iampolicyls.codeactions;

import dev.iampolicyls.policy.Statement;
import dev.iampolicyls.syntax.ArrayNode;
import dev.iampolicyls.syntax.JsonNode;
import dev.iampolicyls.syntax.PropertyNode;
import dev.iampolicyls.syntax.StringNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Sorts the actions of a statement, ignoring case; only the items that move are rewritten. */
final class SortActions implements Refactoring {
  private static final Comparator<StringNode> ORDER =
      Comparator.comparing((StringNode n) -> n.value(), String.CASE_INSENSITIVE_ORDER)
          .thenComparing(StringNode::value);

  @Override
  public void offer(FixContext ctx, List<PolicyCodeAction> out) {
    for (Statement s : ctx.policy().statements()) {
      PropertyNode p = s.actionOrNotAction().orElse(null);
      if (p == null || !ctx.touches(p) || !(p.value() instanceof ArrayNode array)) {
        continue;
      }
      List<StringNode> items = new ArrayList<>();
      for (JsonNode item : array.items()) {
        if (!(item instanceof StringNode str)) {
          return; // not a list of strings: leave it to the schema check
        }
        items.add(str);
      }
      List<StringNode> sorted = new ArrayList<>(items);
      sorted.sort(ORDER);
      List<TextEdit> edits = new ArrayList<>();
      for (int i = 0; i < items.size(); i++) {
        if (items.get(i) != sorted.get(i)) {
          String moved = ctx.edits().written(sorted.get(i));
          edits.add(ctx.edits().replaceWithWritten(items.get(i), moved));
        }
      }
      if (!edits.isEmpty()) {
        out.add(Refactoring.rewrite("Sort the " + p.name() + " list", edits));
      }
    }
  }
}
