package dev.iampolicyls.codeactions;

import dev.iampolicyls.embedded.EmbeddedPolicy;
import dev.iampolicyls.embedded.HostDocument;
import dev.iampolicyls.embedded.HostValue;
import dev.iampolicyls.syntax.ArrayNode;
import dev.iampolicyls.syntax.JsonNode;
import dev.iampolicyls.syntax.ObjectNode;
import dev.iampolicyls.syntax.PropertyNode;
import dev.iampolicyls.syntax.StringNode;
import java.util.List;

/**
 * Writes the edits of code actions in the syntax of the document that holds the policy. Fixes say
 * what to change on the policy's tree (replace this value, add that member, remove this item); the
 * writer renders it: JSON for a policy or a JSON template, YAML for a YAML template (keeping its
 * indentation, block or flow style and quoting), JSON escaped for the string a policy is written in
 * as JSON text. Every node is at its offsets in the host text, so no range is translated.
 *
 * <p>A value written through a template function ({@code !Sub}, {@code {"Fn::Sub": ...}}) is only
 * ever changed at its own literal characters; an edit that cannot be written so throws {@link
 * NotWritable}, and the action is not offered.
 */
public interface EditWriter {

  /** The writer for a standalone JSON policy. */
  static EditWriter json(String text) {
    return JsonEditWriter.policy(text);
  }

  /**
   * The writer for a policy inside a template, in that template's syntax; null when the policy's
   * text cannot be edited in place (YAML inside a quoted string: a nested template given as text).
   */
  static EditWriter forEmbedded(HostDocument document, EmbeddedPolicy policy) {
    String text = document.text();
    HostValue.Scalar in = policy.jsonText();
    if (in == null) {
      return document.syntax() == HostDocument.Syntax.JSON
          ? JsonEditWriter.template(text)
          : new YamlEditWriter(text);
    }
    char opening = text.charAt(in.offset());
    if (in.value().stripLeading().startsWith("{")) {
      return JsonEditWriter.inString(text, opening); // a JSON policy, or a nested JSON template
    }
    // A nested YAML template: a literal block scalar holds its text as written.
    return opening == '|' ? new YamlEditWriter(text) : null;
  }

  /** An edit the host's syntax cannot express safely: the action that needs it is not offered. */
  final class NotWritable extends RuntimeException {
    private static final long serialVersionUID = 1L;

    NotWritable(String why) {
      super(why, null, false, false);
    }
  }

  /**
   * A member to add: a string value, or one nested member (an object of one entry).
   *
   * @param value the string value, when {@code nested} is null
   */
  record Member(String key, String value, Member nested) {
    static Member of(String key, String value) {
      return new Member(key, value, null);
    }

    static Member nested(String key, Member inner) {
      return new Member(key, null, inner);
    }
  }

  /** The host text the edits apply to. */
  String text();

  /** The node's text as written, to move or copy it. */
  default String written(JsonNode node) {
    return text().substring(node.offset(), node.end());
  }

  /** The node (a string, or a list it collapses) becomes this string. */
  TextEdit replaceString(JsonNode node, String value);

  /**
   * Whether {@link #replaceString} writes the node's whole value; when not, the value is written
   * through a template function and only its changed characters are spliced in, so a title should
   * name those rather than a value with stand-ins for the references.
   */
  default boolean writesWholeValue(JsonNode node) {
    return true;
  }

  /**
   * A string becomes several: items of the same list when it is one, else a list in its place; one
   * value stays a string.
   */
  TextEdit replaceWithStrings(JsonNode node, List<String> values);

  /** A member's value becomes a list of these strings, laid out for several lines. */
  TextEdit replaceValueWithList(PropertyNode member, List<String> values);

  /** A list becomes a list of these strings in the same layout (on one line if it was). */
  TextEdit replaceList(ArrayNode list, List<String> values);

  /** A member's key becomes {@code name}. */
  TextEdit renameKey(StringNode key, String name);

  /** Inserts {@code chars} before the value's character {@code index}. */
  TextEdit insertInString(StringNode node, int index, String chars);

  /** Removes a list item or an object member, with what separates it from its siblings. */
  TextEdit remove(JsonNode node);

  /** Adds a member as the first of the object. */
  TextEdit prependMember(ObjectNode object, Member member);

  /** Adds a member as the last of the object. */
  TextEdit appendMember(ObjectNode object, Member member);

  /**
   * Writes {@code written} (text of this document, see {@link #written}) in the place of a list
   * item.
   */
  TextEdit replaceWithWritten(JsonNode item, String written);

  /** A member's single value becomes a list holding it. */
  TextEdit wrapInList(PropertyNode member);

  /** A member's list of one value becomes that value. */
  TextEdit unwrapList(PropertyNode member);

  /** A list item becomes several, given as written text ({@link #written} with edits). */
  TextEdit replaceItem(JsonNode item, List<String> writtenItems);
}
