package dev.iampolicyls.embedded;

import dev.iampolicyls.syntax.ArrayNode;
import dev.iampolicyls.syntax.JsonDocument;
import dev.iampolicyls.syntax.JsonNode;
import dev.iampolicyls.syntax.LiteralNode;
import dev.iampolicyls.syntax.NumberNode;
import dev.iampolicyls.syntax.ObjectNode;
import dev.iampolicyls.syntax.PropertyNode;
import dev.iampolicyls.syntax.StringNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads JSON into {@link HostValue}s over the project's tolerant JSON parser, so a JSON template
 * being typed still yields the policies that are complete, and its syntax errors are the same as a
 * policy's.
 */
final class JsonFrontEnd {
  private final String text;

  private JsonFrontEnd(String text) {
    this.text = text;
  }

  /** The tree of a parsed JSON text, or null when it has none. */
  static HostValue read(JsonDocument document) {
    return document.root() == null
        ? null
        : new JsonFrontEnd(document.text()).convert(document.root());
  }

  /**
   * The tree of JSON text that is the value of a host string, such as a policy written as a JSON
   * string in a template: offsets are moved through {@code offsets} (host offset of each character
   * of the string's value), or all set to the host string's span when there is no such map.
   */
  static HostValue readEmbedded(JsonDocument document, HostValue.Scalar host) {
    HostValue tree = read(document);
    return tree == null ? null : Relocation.move(tree, host);
  }

  private HostValue convert(JsonNode node) {
    if (node instanceof ObjectNode object) {
      List<HostValue.Entry> entries = new ArrayList<>();
      for (PropertyNode p : object.properties()) {
        if (p.value() != null) {
          entries.add(new HostValue.Entry(string(p.key()), convert(p.value())));
        }
      }
      return Functions.fromMapping(
          new HostValue.Mapping(object.offset(), object.length(), entries));
    }
    if (node instanceof ArrayNode array) {
      List<HostValue> items = new ArrayList<>();
      for (JsonNode item : array.items()) {
        items.add(convert(item));
      }
      return new HostValue.Sequence(array.offset(), array.length(), items);
    }
    if (node instanceof StringNode s) {
      return string(s);
    }
    String literal = node instanceof NumberNode n ? n.text() : ((LiteralNode) node).text();
    return new HostValue.Scalar(
        literal,
        node.offset(),
        node.length(),
        HostValue.Style.PLAIN,
        identity(node.offset(), literal));
  }

  private HostValue.Scalar string(StringNode s) {
    return new HostValue.Scalar(
        s.value(),
        s.offset(),
        s.length(),
        HostValue.Style.QUOTED,
        SourceAlignment.align(text, s.contentOffset(), s.contentEnd(), s.value(), true));
  }

  private static int[] identity(int offset, String value) {
    int[] offsets = new int[value.length() + 1];
    for (int i = 0; i < offsets.length; i++) {
      offsets[i] = offset + i;
    }
    return offsets;
  }
}
