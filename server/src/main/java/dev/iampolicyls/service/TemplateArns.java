package dev.iampolicyls.service;

import dev.iampolicyls.completion.TemplateReference;
import dev.iampolicyls.embedded.TemplateResources;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The resources of a template whose Ref or Fn::GetAtt gives an ARN, for ARN completion. */
final class TemplateArns {
  private TemplateArns() {}

  static List<TemplateReference> of(String text) {
    List<TemplateReference> out = new ArrayList<>();
    for (Map.Entry<String, String> e : TemplateResources.of(text).entrySet()) {
      // filled from the references table
    }
    return out;
  }
}
