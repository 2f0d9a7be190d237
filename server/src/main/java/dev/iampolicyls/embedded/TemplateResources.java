package dev.iampolicyls.embedded;

import dev.iampolicyls.syntax.JsonDocument;
import java.util.LinkedHashMap;
import java.util.Map;

/** The resources a template declares: logical name to CloudFormation type, in document order. */
public final class TemplateResources {
  private TemplateResources() {}

  /** The resources of a template's text; empty when it does not read as YAML or JSON. */
  public static Map<String, String> of(String text) {
    HostValue root =
        CloudFormationFormat.startsAsJson(text)
            ? JsonFrontEnd.read(JsonDocument.parse(text))
            : YamlFrontEnd.read(text).root().orElse(null);
    Map<String, String> types = new LinkedHashMap<>();
    if (root instanceof HostValue.Mapping template
        && template.get("Resources").orElse(null) instanceof HostValue.Mapping resources) {
      for (HostValue.Entry e : resources.entries()) {
        if (e.value() instanceof HostValue.Mapping resource) {
          resource.string("Type").ifPresent(type -> types.put(e.key().value(), type));
        }
      }
    }
    return types;
  }
}
