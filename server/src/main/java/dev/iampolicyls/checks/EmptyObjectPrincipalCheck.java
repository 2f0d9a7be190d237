package dev.iampolicyls.checks;

import dev.iampolicyls.syntax.ObjectNode;
import dev.iampolicyls.syntax.PropertyNode;

/** {@code "Principal": {}} names no one, so the statement has no effect. */
final class EmptyObjectPrincipalCheck extends PolicyCheck {
  EmptyObjectPrincipalCheck() {
    super(CheckCode.EMPTY_OBJECT_PRINCIPAL);
  }

  @Override
  public void run(CheckContext context) {
    for (PropertyNode element : PrincipalElements.of(context)) {
      if (element.value() instanceof ObjectNode map && map.properties().isEmpty()) {
        context.report(
            this,
            map,
            "The "
                + element.name()
                + " object is empty, so this statement applies to no one: add principals such as"
                + " {\"AWS\": \"123456789012\"}");
      }
    }
  }
}
