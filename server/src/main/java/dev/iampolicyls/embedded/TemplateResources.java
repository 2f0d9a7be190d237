package dev.iampolicyls.embedded;

import dev.iampolicyls.syntax.JsonDocument;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The resources a template declares: logical name to CloudFormation type (or the references table's
 * variant of it, {@link CloudFormationReferences#tableType}), in document order.
 */
public final class TemplateResources {
  private TemplateResources() {}

  /** A YAML resource's {@code Type} line. */
  private static final Pattern TYPE_LINE =
      Pattern.compile("^[ \t]+Type[ \t]*:[ \t]*[\"']?([A-Za-z0-9:]+)");

  /** A YAML resource's own line: its logical id and a colon, nothing after. */
  private static final Pattern NAME_LINE = Pattern.compile("^[ ]+([A-Za-z0-9]+)[ \t]*:[ \t]*$");

  /**
   * The resources of a template's text, even while it is being typed: a YAML template's are read
   * line by line (each name under {@code Resources:} and the first {@code Type} below it), so the
   * half-typed resource does not hide the others; a JSON template is parsed.
   */
  public static Map<String, String> of(String text) {
    if (!CloudFormationFormat.startsAsJson(text)) {
      return ofYamlLines(text);
    }
    HostValue root = JsonFrontEnd.read(JsonDocument.parse(text));
    Map<String, String> types = new LinkedHashMap<>();
    if (root instanceof HostValue.Mapping template
        && template.get("Resources").orElse(null) instanceof HostValue.Mapping resources) {
      for (HostValue.Entry e : resources.entries()) {
        if (e.value() instanceof HostValue.Mapping resource) {
          HostValue.Mapping properties =
              resource.get("Properties").orElse(null) instanceof HostValue.Mapping m ? m : null;
          resource
              .string("Type")
              .ifPresent(
                  type ->
                      types.put(
                          e.key().value(), CloudFormationReferences.tableType(type, properties)));
        }
      }
    }
    return types;
  }

  private static Map<String, String> ofYamlLines(String text) {
    Map<String, String> types = new LinkedHashMap<>();
    int indent = -1;
    String current = null;
    boolean inResources = false;
    for (int start = 0; start < text.length(); ) {
      int end = text.indexOf('\n', start);
      end = end < 0 ? text.length() : end;
      int content = start;
      while (content < end && text.charAt(content) == ' ') {
        content++;
      }
      int lineIndent = content - start;
      boolean blank = content >= end || text.charAt(content) == '#' || text.charAt(content) == '\r';
      int lineStart = start;
      start = end + 1;
      if (blank) {
        continue;
      }
      // Only the lines that can matter are copied out: most lines of a resource are neither.
      if (!inResources) {
        inResources =
            lineIndent == 0
                && text.startsWith("Resources:", lineStart)
                && text.substring(lineStart + 10, end).isBlank();
        continue;
      }
      if (indent < 0) {
        indent = lineIndent;
      }
      if (lineIndent < indent || indent == 0) {
        break; // the next top-level section
      }
      if (lineIndent == indent) {
        Matcher name = NAME_LINE.matcher(text.substring(lineStart, end));
        current = name.find() ? name.group(1) : null;
      } else if (current != null && text.startsWith("Type", content)) {
        Matcher type = TYPE_LINE.matcher(text.substring(lineStart, end));
        if (type.find()) {
          String known = types.get(current);
          // A later Type is a property's (a load balancer's Type: network) and may pick a variant.
          String variant =
              known == null ? null : CloudFormationReferences.variant(known, "Type", type.group(1));
          types.put(current, known == null ? type.group(1) : variant != null ? variant : known);
        }
      }
    }
    return types;
  }

  /**
   * The template's text with only the top-level resource around {@code offset} left (every other
   * line blanked, offsets kept): what is read to complete inside that resource, at a cost that does
   * not grow with the rest of the template. The text itself where the offset is in no resource.
   */
  public static String around(String text, int offset) {
    if (CloudFormationFormat.startsAsJson(text)) {
      return text;
    }
    String only = ResourceBlanking.onlyResourceAt(text, offset);
    return only != null ? only : text;
  }
}
