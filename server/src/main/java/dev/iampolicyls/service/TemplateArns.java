package dev.iampolicyls.service;

import dev.iampolicyls.completion.TemplateReference;
import dev.iampolicyls.embedded.CloudFormationReferences;
import dev.iampolicyls.embedded.CloudFormationReferences.Kind;
import dev.iampolicyls.embedded.CloudFormationReferences.ReturnValue;
import dev.iampolicyls.embedded.TemplateLayout;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The resources of a template whose {@code Ref} or an {@code Fn::GetAtt} attribute gives an ARN, by
 * the references table ({@link CloudFormationReferences}), for ARN completion.
 */
final class TemplateArns {
  private TemplateArns() {}

  static List<TemplateReference> of(TemplateLayout layout) {
    List<TemplateReference> out = new ArrayList<>();
    for (Map.Entry<String, String> resource : layout.resourceTypes().entrySet()) {
      ReturnValue arn = arnValue(resource.getValue());
      if (arn != null) {
        String attribute = arn.value().equals(CloudFormationReferences.REF) ? null : arn.value();
        out.add(
            new TemplateReference(
                resource.getKey(), attribute, arn.iamResourceType(), resource.getValue()));
      }
    }
    return out;
  }

  /** The reference to write for a type's ARN: Ref where it gives the ARN, else Arn, else any. */
  private static ReturnValue arnValue(String type) {
    ReturnValue best = null;
    for (ReturnValue v : CloudFormationReferences.of(type)) {
      if (v.kind() != Kind.ARN || v.iamResourceType().isEmpty()) {
        continue;
      }
      if (v.value().equals(CloudFormationReferences.REF)) {
        return v;
      }
      if (best == null || v.value().equals("Arn")) {
        best = v;
      }
    }
    return best;
  }
}
