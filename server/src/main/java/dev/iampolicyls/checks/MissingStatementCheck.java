package dev.iampolicyls.checks;

import dev.iampolicyls.syntax.ArrayNode;
import dev.iampolicyls.syntax.ObjectNode;
import dev.iampolicyls.syntax.PropertyNode;

/** A policy needs at least one statement. */
final class MissingStatementCheck extends PolicyCheck {
  MissingStatementCheck() {
    super(CheckCode.MISSING_STATEMENT);
  }

  @Override
  public void run(CheckContext context) {
    ObjectNode root = context.policy().root().orElse(null);
    if (root == null) {
      return;
    }
    PropertyNode statement = context.policy().statementProperty().orElse(null);
    if (statement == null) {
      context.reportMissing(this, root, "Add a Statement element: a policy needs one");
    } else if (statement.value() instanceof ArrayNode array && array.items().isEmpty()) {
      context.report(this, array, "The Statement array is empty: add at least one statement");
    }
  }
}
