package dev.iampolicyls.codeactions;

import dev.iampolicyls.syntax.ArrayNode;
import dev.iampolicyls.syntax.JsonNode;
import dev.iampolicyls.syntax.ObjectNode;
import dev.iampolicyls.syntax.PropertyNode;
import dev.iampolicyls.syntax.StringNode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Edits in JSON: for a policy, for a JSON template, and for a policy written as JSON text in a
 * template string, where the JSON is escaped for that string and kept on one line (a line break
 * would end a JSON string, and folds into a space in a quoted YAML one).
 */
final class JsonEditWriter implements EditWriter {
  private final String text;

  /** What layout decisions look at: the text, or the text with its line breaks blanked. */
  private final String layout;

  private final UnaryOperator<String> escape;

  /** Whether values may be written through template functions (never in a plain policy). */
  private final boolean template;

  private JsonEditWriter(
      String text, String layout, UnaryOperator<String> escape, boolean template) {
    this.text = text;
    this.layout = layout;
    this.escape = escape;
    this.template = template;
  }

  static JsonEditWriter policy(String text) {
    return new JsonEditWriter(text, text, UnaryOperator.identity(), false);
  }

  static JsonEditWriter template(String text) {
    return new JsonEditWriter(text, text, UnaryOperator.identity(), true);
  }

  /**
   * For JSON text inside a host string that starts with {@code opening}: a quote of a JSON or YAML
   * string, or the {@code |} or {@code >} of a YAML block scalar (which takes JSON as it is).
   */
  static JsonEditWriter inString(String text, char opening) {
    if (opening == '|' || opening == '>') {
      return new JsonEditWriter(text, text, UnaryOperator.identity(), true);
    }
    String oneLine = text.replace('\n', ' ').replace('\r', ' ');
    UnaryOperator<String> escape =
        opening == '\''
            ? s -> s.replace("'", "''")
            : s -> s.replace("\\", "\\\\").replace("\"", "\\\"");
    return new JsonEditWriter(text, oneLine, escape, true);
  }

  @Override
  public String text() {
    return text;
  }

  private TextEdit replace(JsonNode node, String json) {
    return new TextEdit(node.offset(), node.length(), escape.apply(json));
  }

  private void requireAsIs(JsonNode node) {
    if (template && !Splices.writtenAsIs(text, node)) {
      throw new NotWritable("written through a template function");
    }
  }

  @Override
  public TextEdit replaceString(JsonNode node, String value) {
    if (template && node instanceof StringNode s && !Splices.writtenAsIs(text, s)) {
      return Splices.splice(text, s, value);
    }
    return replace(node, Layout.quote(value));
  }

  @Override
  public boolean writesWholeValue(JsonNode node) {
    return !template || Splices.writtenAsIs(text, node);
  }

  @Override
  public TextEdit replaceWithStrings(JsonNode node, List<String> values) {
    if (values.size() == 1) {
      return replaceString(node, values.get(0));
    }
    requireAsIs(node);
    return replace(node, Layout.replaceString(layout, node, values));
  }

  @Override
  public TextEdit replaceValueWithList(PropertyNode member, List<String> values) {
    requireAsIs(member.value());
    return replace(member.value(), Layout.array(layout, member.offset(), values));
  }

  @Override
  public TextEdit replaceList(ArrayNode list, List<String> values) {
    boolean oneLine = layout.substring(list.offset(), list.end()).indexOf('\n') < 0;
    List<String> quoted = values.stream().map(Layout::quote).toList();
    return replace(
        list,
        oneLine
            ? "[" + String.join(", ", quoted) + "]"
            : Layout.array(layout, list.offset(), values));
  }

  @Override
  public TextEdit renameKey(StringNode key, String name) {
    return replace(key, Layout.quote(name));
  }

  @Override
  public TextEdit insertInString(StringNode node, int index, String chars) {
    int at = !template && index == 0 ? node.contentOffset() : node.sourceOffset(index);
    if (at < 0) {
      throw new NotWritable("character not located");
    }
    String quoted = Layout.quote(chars);
    return new TextEdit(at, 0, escape.apply(quoted.substring(1, quoted.length() - 1)));
  }

  @Override
  public TextEdit remove(JsonNode node) {
    if (template) {
      requireDirect(text, node);
    }
    return Edits.remove(layout, node);
  }

  /** In a template, an item brought in by a function ({@code Fn::If}) is not removed alone. */
  static void requireDirect(String text, JsonNode node) {
    List<JsonNode> siblings = siblings(node);
    int i = siblings.indexOf(node);
    JsonNode previous = i > 0 ? siblings.get(i - 1) : null;
    JsonNode next = i >= 0 && i < siblings.size() - 1 ? siblings.get(i + 1) : null;
    if (i < 0 || !Splices.direct(text, node, previous, next)) {
      throw new NotWritable("an item of a template function");
    }
  }

  static List<JsonNode> siblings(JsonNode node) {
    JsonNode container = node.parent();
    if (container instanceof ArrayNode a) {
      return a.items();
    }
    if (container instanceof ObjectNode o) {
      return new ArrayList<>(o.properties());
    }
    return List.of(node);
  }

  @Override
  public TextEdit prependMember(ObjectNode object, Member member) {
    TextEdit edit = Edits.prependMember(layout, object, json(member));
    return new TextEdit(edit.offset(), edit.length(), escape.apply(edit.newText()));
  }

  @Override
  public TextEdit appendMember(ObjectNode object, Member member) {
    TextEdit edit = Edits.appendMember(layout, object, json(member));
    return new TextEdit(edit.offset(), edit.length(), escape.apply(edit.newText()));
  }

  private static String json(Member m) {
    String value = m.nested() == null ? Layout.quote(m.value()) : "{" + json(m.nested()) + "}";
    return Layout.quote(m.key()) + ": " + value;
  }

  @Override
  public TextEdit replaceWithWritten(JsonNode item, String written) {
    if (template) {
      requireDirect(text, item);
    }
    return new TextEdit(item.offset(), item.length(), written);
  }

  @Override
  public TextEdit wrapInList(PropertyNode member) {
    JsonNode value = member.value();
    return new TextEdit(value.offset(), value.length(), "[" + written(value) + "]");
  }

  @Override
  public TextEdit unwrapList(PropertyNode member) {
    ArrayNode list = (ArrayNode) member.value();
    return new TextEdit(list.offset(), list.length(), written(list.items().get(0)));
  }

  @Override
  public TextEdit replaceItem(JsonNode item, List<String> writtenItems) {
    String separator =
        Layout.firstOnLine(layout, item.offset())
            ? ",\n" + Layout.lineIndent(layout, item.offset())
            : ", ";
    return new TextEdit(item.offset(), item.length(), String.join(separator, writtenItems));
  }
}
