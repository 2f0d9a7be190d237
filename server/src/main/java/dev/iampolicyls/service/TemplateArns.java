package dev.iampolicyls.service;

import dev.iampolicyls.completion.TemplateReference;
import dev.iampolicyls.embedded.CloudFormationReferences;
import dev.iampolicyls.embedded.CloudFormationReferences.Kind;
import dev.iampolicyls.embedded.CloudFormationReferences.ReturnValue;
import dev.iampolicyls.embedded.TemplateLayout;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The resources of a template whose {@code Ref} or an {@code Fn::GetAtt} attribute gives an ARN, by
 * the references table ({@link CloudFormationReferences}), for ARN completion.
 */
final class TemplateArns {
  private TemplateArns() {}

  static List<TemplateReference> of(TemplateLayout layout) {
    List<TemplateReference> out = new ArrayList<>();
    // Many resources, few types: each type's ARN reference is looked up once.
    Map<String, Optional<ReturnValue>> byType = new HashMap<>();
    for (Map.Entry<String, String> resource : layout.resourceTypes().entrySet()) {
      ReturnValue arn =
          byType.computeIfAbsent(resource.getValue(), TemplateArns::arnValue).orElse(null);
      if (arn != null) {
        String attribute = arn.value().equals(CloudFormationReferences.REF) ? null : arn.value();
        out.add(
            new TemplateReference(
                resource.getKey(), attribute, arn.iamResourceType(), resource.getValue()));
      }
    }
    return List.copyOf(out);
  }

  /** The reference to write for a type's ARN: Ref where it gives the ARN, else Arn, else any. */
  private static Optional<ReturnValue> arnValue(String type) {
    ReturnValue best = null;
    for (ReturnValue v : CloudFormationReferences.of(type)) {
      if (v.kind() != Kind.ARN || v.iamResourceType().isEmpty()) {
        continue;
      }
      if (v.value().equals(CloudFormationReferences.REF)) {
        return Optional.of(v);
      }
      if (best == null || v.value().equals("Arn")) {
        best = v;
      }
    }
    return Optional.ofNullable(best);
  }
}
