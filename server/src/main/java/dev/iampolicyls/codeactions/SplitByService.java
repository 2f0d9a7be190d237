package dev.iampolicyls.codeactions;

import dev.iampolicyls.policy.ActionName;
import dev.iampolicyls.policy.Statement;
import dev.iampolicyls.policy.StringElement;
import dev.iampolicyls.syntax.ArrayNode;
import dev.iampolicyls.syntax.JsonNode;
import dev.iampolicyls.syntax.ObjectNode;
import dev.iampolicyls.syntax.PropertyNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A statement whose Action list spans several services becomes one statement per service, each a
 * copy of the original with only that service's actions (and the service appended to its Sid, so
 * Sids stay unique). Offered on the statement's Action element.
 */
final class SplitByService implements Refactoring {
  @Override
  public void offer(FixContext ctx, List<PolicyCodeAction> out) {
    EditWriter edits = ctx.edits();
    for (Statement s : ctx.policy().statements()) {
      ObjectNode node = s.node();
      PropertyNode action = s.action().orElse(null);
      if (action == null
          || !ctx.touches(action)
          || !(action.value() instanceof ArrayNode array)
          || !(node.parent() instanceof ArrayNode)
          || !node.closed()) {
        continue;
      }
      Map<String, List<String>> byService = new LinkedHashMap<>();
      for (StringElement e : s.actions()) {
        String service =
            ActionName.parse(e.value()).map(n -> n.service().toLowerCase(Locale.ROOT)).orElse(null);
        if (service == null || ActionName.containsWildcard(service)) {
          byService.clear();
          break;
        }
        byService.computeIfAbsent(service, k -> new ArrayList<>()).add(e.value());
      }
      if (byService.size() < 2 || s.actions().size() != array.items().size()) {
        continue;
      }
      List<String> copies = new ArrayList<>();
      for (Map.Entry<String, List<String>> group : byService.entrySet()) {
        copies.add(copy(edits, s, array, group.getKey(), group.getValue()));
      }
      out.add(
          Refactoring.rewrite(
              "Split into one statement per service (" + byService.size() + ")",
              List.of(edits.replaceItem(node, copies))));
    }
  }

  /** The statement's text with its Action list (and Sid) replaced for one service. */
  private static String copy(
      EditWriter writer, Statement s, ArrayNode array, String service, List<String> actions) {
    ObjectNode node = s.node();
    List<TextEdit> edits = new ArrayList<>();
    edits.add(writer.replaceList(array, actions));
    JsonNode sid = s.sid().map(PropertyNode::value).orElse(null);
    if (sid != null && s.sidValue().filter(v -> !v.isEmpty()).isPresent()) {
      String suffix = Character.toUpperCase(service.charAt(0)) + service.substring(1);
      String cleaned = suffix.replaceAll("[^A-Za-z0-9]", "");
      edits.add(writer.replaceString(sid, s.sidValue().get() + cleaned));
    }
    edits.sort((a, b) -> Integer.compare(b.offset(), a.offset()));
    StringBuilder sb = new StringBuilder(writer.written(node));
    for (TextEdit e : edits) {
      int at = e.offset() - node.offset();
      sb.replace(at, at + e.length(), e.newText());
    }
    return sb.toString();
  }
}
