package dev.iampolicyls.codeactions;

import dev.iampolicyls.syntax.ArrayNode;
import dev.iampolicyls.syntax.JsonNode;
import dev.iampolicyls.syntax.ObjectNode;
import dev.iampolicyls.syntax.PropertyNode;
import java.util.List;

/** Minimal text edits on the tree: replace a node, remove an item or member with its comma. */
final class Edits {
  private Edits() {}

  static TextEdit replace(JsonNode node, String newText) {
    return new TextEdit(node.offset(), node.length(), newText);
  }

  /**
   * Removes an array item or an object member (a property node) with the comma that separates it. A
   * node alone on its line takes its line with it, so no blank line is left behind.
   */
  static TextEdit remove(String text, JsonNode node) {
    JsonNode container = node.parent();
    List<JsonNode> siblings =
        container instanceof ArrayNode a
            ? a.items()
            : container instanceof ObjectNode o ? o.children() : List.of(node);
    int i = siblings.indexOf(node);
    if (siblings.size() == 1 || i < 0) {
      // The only one: leave the container empty, "[]" or "{}".
      boolean closed =
          container instanceof ArrayNode a ? a.closed() : ((ObjectNode) container).closed();
      int from = container.offset() + 1;
      int to = closed ? container.end() - 1 : container.end();
      return new TextEdit(from, to - from, "");
    }
    if (i < siblings.size() - 1) {
      JsonNode next = siblings.get(i + 1);
      int from = node.offset();
      int to = next.offset();
      if (Layout.firstOnLine(text, node.offset()) && Layout.firstOnLine(text, next.offset())) {
        from = lineStart(text, node.offset());
        to = lineStart(text, next.offset());
      }
      return new TextEdit(from, to - from, "");
    }
    JsonNode previous = siblings.get(i - 1);
    return new TextEdit(previous.end(), node.end() - previous.end(), "");
  }

  static int lineStart(String text, int offset) {
    return text.lastIndexOf('\n', Math.max(0, offset - 1)) + 1;
  }

  /**
   * Adds a member at the start of an object: on its own line, indented like the member it goes
   * before, when that one is on its own line; else on the same line.
   */
  static TextEdit prependMember(String text, ObjectNode object, String member) {
    if (object.properties().isEmpty()) {
      return new TextEdit(object.offset() + 1, 0, member);
    }
    JsonNode first = object.properties().get(0);
    String separator =
        Layout.firstOnLine(text, first.offset())
            ? ",\n" + Layout.lineIndent(text, first.offset())
            : ", ";
    return new TextEdit(first.offset(), 0, member + separator);
  }

  /** Adds a member at the end of an object, on its own line when the last member is on one. */
  static TextEdit appendMember(String text, ObjectNode object, String member) {
    List<PropertyNode> members = object.properties();
    if (members.isEmpty()) {
      return new TextEdit(object.offset() + 1, 0, member);
    }
    JsonNode last = members.get(members.size() - 1);
    String separator =
        Layout.firstOnLine(text, last.offset())
            ? ",\n" + Layout.lineIndent(text, last.offset())
            : ", ";
    return new TextEdit(last.end(), 0, separator + member);
  }
}
