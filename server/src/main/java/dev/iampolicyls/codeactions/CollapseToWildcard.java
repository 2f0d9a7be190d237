package dev.iampolicyls.codeactions;

import dev.iampolicyls.catalog.Action;
import dev.iampolicyls.policy.ActionName;
import dev.iampolicyls.policy.Statement;
import dev.iampolicyls.policy.StringElement;
import dev.iampolicyls.syntax.ArrayNode;
import dev.iampolicyls.syntax.PropertyNode;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * An explicit list of one service's actions becomes "service:Prefix*" when that pattern matches
 * exactly the listed actions today, no more and no fewer.
 */
final class CollapseToWildcard implements Refactoring {
  @Override
  public void offer(FixContext ctx, List<PolicyCodeAction> out) {
    for (Statement s : ctx.policy().statements()) {
      PropertyNode p = s.actionOrNotAction().orElse(null);
      if (p == null || !ctx.touches(p) || !(p.value() instanceof ArrayNode array)) {
        continue;
      }
      List<StringElement> elements = s.actions();
      if (elements.size() < 2 || elements.size() != array.items().size()) {
        continue;
      }
      Set<String> listed = new HashSet<>();
      String service = null;
      String prefix = null;
      for (StringElement e : elements) {
        Optional<ActionName> name = ActionName.parse(e.value());
        Optional<Action> action = ctx.catalog().action(e.value());
        if (name.isEmpty() || name.get().hasWildcard() || action.isEmpty()) {
          service = null;
          break;
        }
        Action a = action.get();
        String own = a.qualifiedName().substring(0, a.qualifiedName().indexOf(':'));
        if (service != null && !service.equals(own)) {
          service = null;
          break;
        }
        service = own;
        listed.add(a.qualifiedName());
        prefix = prefix == null ? a.name() : commonPrefix(prefix, a.name());
      }
      if (service == null) {
        continue;
      }
      String pattern = service + ":" + prefix + "*";
      Set<String> matched = new HashSet<>();
      for (Action a : ctx.catalog().matchActions(pattern)) {
        matched.add(a.qualifiedName());
      }
      if (matched.equals(listed)) {
        out.add(
            Refactoring.rewrite(
                "Collapse the "
                    + listed.size()
                    + " actions into \""
                    + pattern
                    + "\" (it will also match actions added later)",
                List.of(ctx.edits().replaceString(array, pattern))));
      }
    }
  }

  private static String commonPrefix(String a, String b) {
    int i = 0;
    while (i < a.length()
        && i < b.length()
        && a.toLowerCase(Locale.ROOT).charAt(i) == b.toLowerCase(Locale.ROOT).charAt(i)) {
      i++;
    }
    return a.substring(0, i);
  }
}
