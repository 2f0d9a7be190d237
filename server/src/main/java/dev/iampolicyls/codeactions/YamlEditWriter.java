package dev.iampolicyls.codeactions;

import dev.iampolicyls.syntax.ArrayNode;
import dev.iampolicyls.syntax.JsonNode;
import dev.iampolicyls.syntax.ObjectNode;
import dev.iampolicyls.syntax.PropertyNode;
import dev.iampolicyls.syntax.StringNode;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Edits in YAML, in the style of the place they go: a block list gets new {@code - } lines at its
 * items' indentation, a flow list ({@code [a, b]}) new items after commas; a member goes on its own
 * line at its siblings' column; a value replaced keeps its quotes, and a new value is written plain
 * when YAML reads it back as the same string, else quoted as the template quotes.
 */
final class YamlEditWriter implements EditWriter {
  /** Plain scalars YAML would read as something other than a string, or not at all. */
  private static final Pattern NOT_A_PLAIN_STRING =
      Pattern.compile(
          "(?i)(|~|null|true|false|yes|no|on|off|y|n|[-+.]?[0-9].*|\\.(inf|nan))", Pattern.DOTALL);

  private static final Pattern ITEM_PREFIX = Pattern.compile(" *- +");

  private final String text;
  private final String unit;
  private final char quote;

  /** The text's own line break, which new lines take. */
  private final String newline;

  YamlEditWriter(String text) {
    this.text = text;
    this.newline = text.contains("\r\n") ? "\r\n" : "\n";
    this.unit = Layout.indentUnit(text).replace("\t", "  ");
    this.quote = preferredQuote(text);
  }

  @Override
  public String text() {
    return text;
  }

  /** The quote the template uses most for values, single by default. */
  private static char preferredQuote(String text) {
    int single = count(text, ": '") + count(text, "- '");
    int dbl = count(text, ": \"") + count(text, "- \"");
    return dbl > single ? '"' : '\'';
  }

  private static int count(String text, String s) {
    int n = 0;
    for (int i = text.indexOf(s); i >= 0; i = text.indexOf(s, i + 1)) {
      n++;
    }
    return n;
  }

  // ---- scalars

  /** The value as a YAML scalar, in the style of {@code like} when it was quoted. */
  private String scalar(String value, JsonNode like, boolean flow) {
    char written = like == null ? 0 : text.charAt(like.offset());
    if (written == '"' || written == '\'') {
      return quoted(value, written);
    }
    return plainSafe(value, flow) ? value : quoted(value, quote);
  }

  private static String quoted(String value, char q) {
    boolean control = value.chars().anyMatch(c -> c < 0x20);
    if (q == '"' || control) {
      return Layout.quote(value); // JSON's escapes are YAML's double-quoted ones
    }
    return "'" + value.replace("'", "''") + "'";
  }

  static boolean plainSafe(String value, boolean flow) {
    if (NOT_A_PLAIN_STRING.matcher(value).matches()
        || value.isBlank()
        || !value.strip().equals(value)
        || "-?:,[]{}#&*!|>'\"%@`".indexOf(value.charAt(0)) >= 0
        || value.contains(": ")
        || value.contains(" #")
        || value.endsWith(":")
        || value.chars().anyMatch(c -> c < 0x20)) {
      return false;
    }
    if (flow) {
      for (char c : new char[] {',', '[', ']', '{', '}'}) {
        if (value.indexOf(c) >= 0) {
          return false;
        }
      }
    }
    return true;
  }

  // ---- layout

  private boolean isFlow(JsonNode collection) {
    char c = text.charAt(collection.offset());
    return c == '[' || c == '{';
  }

  /** Whether the node sits inside a flow collection, where no block may start. */
  private boolean inFlow(JsonNode node) {
    for (JsonNode n = node.parent(); n != null; n = n.parent()) {
      if ((n instanceof ArrayNode || n instanceof ObjectNode) && isFlow(n)) {
        return true;
      }
    }
    return false;
  }

  private int lineStart(int offset) {
    return text.lastIndexOf('\n', Math.max(0, offset - 1)) + 1;
  }

  private int column(int offset) {
    return offset - lineStart(offset);
  }

  /** Just past the line that a node ending at {@code end} ends on: after its line break. */
  private int nextLine(int end) {
    int nl = text.indexOf('\n', Math.max(0, end - 1));
    return nl < 0 ? text.length() : nl + 1;
  }

  /** What starts a block list item's line ({@code " - "}), for its new siblings. */
  private String itemPrefix(JsonNode item) {
    String prefix = text.substring(lineStart(item.offset()), item.offset());
    if (!ITEM_PREFIX.matcher(prefix).matches()) {
      throw new NotWritable("a list item not alone on its line");
    }
    return prefix;
  }

  /** Just past the colon after a member's key, where its value may start. */
  private int afterColon(PropertyNode member) {
    int colon = text.indexOf(':', member.key().end());
    if (colon < 0
        || (member.value() != null
            && (colon >= member.value().offset()
                || !text.substring(colon + 1, member.value().offset()).isBlank()))) {
      // No colon, or the value is not right after it (it is a branch of an !If).
      throw new NotWritable("the value does not follow its key");
    }
    return colon + 1;
  }

  private static String spaces(int n) {
    return " ".repeat(n);
  }

  private static String singleLine(String written) {
    if (written.indexOf('\n') >= 0) {
      throw new NotWritable("a value written over several lines");
    }
    return written;
  }

  /** Just past the node's last written character (see {@link Layout#contentEnd}). */
  private int end(JsonNode node) {
    return Layout.contentEnd(text, node.end());
  }

  private TextEdit replace(JsonNode node, String newText) {
    return new TextEdit(node.offset(), end(node) - node.offset(), newText);
  }

  @Override
  public String written(JsonNode node) {
    return text.substring(node.offset(), end(node));
  }

  // ---- edits

  @Override
  public TextEdit replaceString(JsonNode node, String value) {
    if (node instanceof StringNode s && !Splices.writtenAsIs(text, s)) {
      return Splices.splice(text, s, value);
    }
    boolean flow = inFlow(node);
    if ((node instanceof ArrayNode || node instanceof ObjectNode) && !isFlow(node)) {
      // A block collection becomes a scalar after its key (or its dash).
      int from = node.parent() instanceof PropertyNode member ? afterColon(member) : node.offset();
      String space = node.parent() instanceof PropertyNode ? " " : "";
      return new TextEdit(from, end(node) - from, space + scalar(value, null, flow));
    }
    return replace(node, scalar(value, node, flow));
  }

  @Override
  public boolean writesWholeValue(JsonNode node) {
    return Splices.writtenAsIs(text, node);
  }

  @Override
  public TextEdit replaceWithStrings(JsonNode node, List<String> values) {
    if (values.size() == 1) {
      return replaceString(node, values.get(0));
    }
    if (!Splices.writtenAsIs(text, node)) {
      throw new NotWritable("written through a template function");
    }
    if (node.parent() instanceof ArrayNode list) {
      boolean flow = isFlow(list);
      String separator = flow ? ", " : newline + itemPrefix(node);
      List<String> written = new ArrayList<>();
      for (String v : values) {
        written.add(scalar(v, null, flow));
      }
      return replace(node, String.join(separator, written));
    }
    if (node.parent() instanceof PropertyNode member) {
      return replaceValueWithList(member, values);
    }
    throw new NotWritable("not a list item or a member's value");
  }

  @Override
  public TextEdit replaceValueWithList(PropertyNode member, List<String> values) {
    JsonNode value = member.value();
    if (!Splices.writtenAsIs(text, value)) {
      throw new NotWritable("written through a template function");
    }
    if (inFlow(value) || (value instanceof ArrayNode a && isFlow(a))) {
      return replace(value, flowList(values));
    }
    if (value instanceof ArrayNode list && !list.items().isEmpty()) {
      return replaceList(list, values);
    }
    int from = afterColon(member);
    String prefix = spaces(column(member.offset()) + unit.length()) + "- ";
    StringBuilder sb = new StringBuilder();
    for (String v : values) {
      sb.append(newline).append(prefix).append(scalar(v, null, false));
    }
    return new TextEdit(from, end(value) - from, sb.toString());
  }

  private String flowList(List<String> values) {
    List<String> written = new ArrayList<>();
    for (String v : values) {
      written.add(scalar(v, null, true));
    }
    return "[" + String.join(", ", written) + "]";
  }

  @Override
  public TextEdit replaceList(ArrayNode list, List<String> values) {
    if (isFlow(list) || list.items().isEmpty()) {
      return replace(list, flowList(values));
    }
    String separator = newline + itemPrefix(list.items().get(0));
    List<String> written = new ArrayList<>();
    for (String v : values) {
      written.add(scalar(v, null, false));
    }
    // The list starts at its first dash, which stays.
    int from = list.items().get(0).offset();
    return new TextEdit(from, end(list) - from, String.join(separator, written));
  }

  @Override
  public TextEdit renameKey(StringNode key, String name) {
    return replace(key, scalar(name, key, inFlow(key.parent())));
  }

  @Override
  public TextEdit insertInString(StringNode node, int index, String chars) {
    int at = node.sourceOffset(index);
    if (at < 0 || !plainSafe("a" + chars + "a", true)) {
      throw new NotWritable("character not located, or needs quoting");
    }
    return new TextEdit(at, 0, chars);
  }

  @Override
  public TextEdit remove(JsonNode node) {
    JsonEditWriter.requireDirect(text, node);
    JsonNode container = node.parent();
    if (isFlow(container)) {
      return Edits.remove(text, node);
    }
    List<JsonNode> siblings = JsonEditWriter.siblings(node);
    if (siblings.size() == 1) {
      // The only one: the list or map is left empty, as [] or {}.
      if (container instanceof ArrayNode) {
        int dash = text.lastIndexOf('-', node.offset() - 1);
        return new TextEdit(dash, end(node) - dash, "[]");
      }
      return replace(node, "{}");
    }
    String before = text.substring(lineStart(node.offset()), node.offset());
    boolean itemLine = ITEM_PREFIX.matcher(before).matches();
    if (container instanceof ArrayNode && !itemLine) {
      throw new NotWritable("a list item not alone on its line");
    }
    if (container instanceof ObjectNode && itemLine) {
      // The first member of a list item's map: the next member moves up behind the dash.
      JsonNode next = siblings.get(siblings.indexOf(node) + 1);
      return new TextEdit(node.offset(), next.offset() - node.offset(), "");
    }
    if (!before.isBlank() && !itemLine) {
      throw new NotWritable("not alone on its line");
    }
    int from = lineStart(node.offset());
    int to = nextLine(end(node));
    return new TextEdit(from, to - from, "");
  }

  @Override
  public TextEdit prependMember(ObjectNode object, Member member) {
    if (isFlow(object) || object.properties().isEmpty()) {
      String written = flowMember(member);
      return object.properties().isEmpty()
          ? new TextEdit(object.offset() + 1, 0, written)
          : new TextEdit(object.properties().get(0).offset(), 0, written + ", ");
    }
    int first = object.properties().get(0).offset();
    int column = column(first);
    return new TextEdit(first, 0, blockMember(member, column) + newline + spaces(column));
  }

  @Override
  public TextEdit appendMember(ObjectNode object, Member member) {
    List<PropertyNode> members = object.properties();
    if (isFlow(object) || members.isEmpty()) {
      return members.isEmpty()
          ? new TextEdit(object.offset() + 1, 0, flowMember(member))
          : new TextEdit(end(members.get(members.size() - 1)), 0, ", " + flowMember(member));
    }
    int column = column(members.get(0).offset());
    int at = end(members.get(members.size() - 1));
    String line = spaces(column) + blockMember(member, column);
    // A block scalar's value ends after its line break; the new member then takes its own line.
    return at > 0 && text.charAt(at - 1) == '\n'
        ? new TextEdit(at, 0, line + newline)
        : new TextEdit(at, 0, newline + line);
  }

  private String blockMember(Member m, int column) {
    String key = scalar(m.key(), null, false) + ":";
    if (m.nested() == null) {
      return key + " " + scalar(m.value(), null, false);
    }
    int inner = column + unit.length();
    return key + newline + spaces(inner) + blockMember(m.nested(), inner);
  }

  private String flowMember(Member m) {
    String key = scalar(m.key(), null, true) + ": ";
    return m.nested() == null
        ? key + scalar(m.value(), null, true)
        : key + "{" + flowMember(m.nested()) + "}";
  }

  @Override
  public TextEdit replaceWithWritten(JsonNode item, String written) {
    JsonEditWriter.requireDirect(text, item);
    return replace(item, written);
  }

  @Override
  public TextEdit wrapInList(PropertyNode member) {
    JsonNode value = member.value();
    String written = singleLine(written(value));
    if (inFlow(value)) {
      return replace(value, "[" + written + "]");
    }
    int from = afterColon(member);
    String line = newline + spaces(column(member.offset()) + unit.length()) + "- " + written;
    return new TextEdit(from, end(value) - from, line);
  }

  @Override
  public TextEdit unwrapList(PropertyNode member) {
    ArrayNode list = (ArrayNode) member.value();
    String written = singleLine(written(list.items().get(0)));
    if (isFlow(list)) {
      return replace(list, written);
    }
    int from = afterColon(member);
    return new TextEdit(from, end(list) - from, " " + written);
  }

  @Override
  public TextEdit replaceItem(JsonNode item, List<String> writtenItems) {
    String separator = isFlow(item.parent()) ? ", " : newline + itemPrefix(item);
    return replace(item, String.join(separator, writtenItems));
  }
}
