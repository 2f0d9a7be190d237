package dev.iampolicyls.checks;

import dev.iampolicyls.policy.Statement;
import dev.iampolicyls.syntax.ObjectNode;
import dev.iampolicyls.syntax.PropertyNode;
import java.util.List;
import java.util.Optional;

/** {@code "Principal": {}} names no one, so the statement has no effect. */
final class EmptyObjectPrincipalCheck extends PolicyCheck {
  EmptyObjectPrincipalCheck() {
    super(CheckCode.EMPTY_OBJECT_PRINCIPAL);
  }

  @Override
  public void run(CheckContext context) {
    if (!context.policyType().isResourceBased()) {
      return;
    }
    for (Statement s : context.policy().statements()) {
      for (Optional<PropertyNode> element : List.of(s.principal(), s.notPrincipal())) {
        if (element.map(PropertyNode::value).orElse(null) instanceof ObjectNode map
            && map.properties().isEmpty()) {
          context.report(
              this,
              map,
              "The "
                  + element.get().name()
                  + " object is empty, so this statement applies to no one: add principals such as"
                  + " {\"AWS\": \"123456789012\"}");
        }
      }
    }
  }
}
