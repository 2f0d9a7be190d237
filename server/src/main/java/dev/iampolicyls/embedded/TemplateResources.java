package dev.iampolicyls.embedded;

import dev.iampolicyls.syntax.JsonDocument;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The resources a template declares: logical name to CloudFormation type (or the references table's
 * variant of it, {@link CloudFormationReferences#tableType}), in document order.
 */
public final class TemplateResources {
  private TemplateResources() {}

  /**
   * The resources of a template's text, even while it is being typed: a YAML template's are read
   * line by line ({@link TemplateLayout}), so the half-typed resource does not hide the others; a
   * JSON template is parsed.
   */
  public static Map<String, String> of(String text) {
    if (!CloudFormationFormat.startsAsJson(text)) {
      return TemplateLayout.of(text).resourceTypes();
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
}
