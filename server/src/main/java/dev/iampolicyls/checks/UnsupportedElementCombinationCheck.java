package dev.iampolicyls.checks;

import dev.iampolicyls.policy.Statement;
import dev.iampolicyls.syntax.PropertyNode;
import java.util.Optional;

/** An element and its Not-form exclude each other: Action/NotAction, Resource/..., Principal/... */
final class UnsupportedElementCombinationCheck extends PolicyCheck {
  private static final String[][] PAIRS = {
    {"Action", "NotAction"}, {"Resource", "NotResource"}, {"Principal", "NotPrincipal"}
  };

  UnsupportedElementCombinationCheck() {
    super(CheckCode.UNSUPPORTED_ELEMENT_COMBINATION);
  }

  @Override
  public void run(CheckContext context) {
    for (Statement s : context.policy().statements()) {
      for (String[] pair : PAIRS) {
        Optional<PropertyNode> positive = s.property(pair[0]);
        Optional<PropertyNode> negative = s.property(pair[1]);
        if (positive.isPresent() && negative.isPresent()) {
          context.report(
              this,
              negative.get().key(),
              "A statement cannot have both " + pair[0] + " and " + pair[1] + ": keep one");
        }
      }
    }
  }
}
