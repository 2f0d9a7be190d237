package dev.iampolicyls.checks;

import dev.iampolicyls.syntax.JsonNode;
import dev.iampolicyls.syntax.StringNode;

/** Version is "2012-10-17" (current) or "2008-10-17" (old); nothing else. */
final class InvalidVersionCheck extends PolicyCheck {
  InvalidVersionCheck() {
    super(CheckCode.INVALID_VERSION);
  }

  @Override
  public void run(CheckContext context) {
    JsonNode value = context.policy().version().map(p -> p.value()).orElse(null);
    if (value == null) {
      return;
    }
    if (!(value instanceof StringNode s)) {
      context.report(
          this, value, "Version must be the string \"2012-10-17\", not " + Nodes.describe(value));
    } else if (!s.value().equals("2012-10-17") && !s.value().equals("2008-10-17")) {
      context.report(
          this,
          value,
          "Version must be \"2012-10-17\" (or the old \"2008-10-17\"), not \"" + s.value() + "\"");
    }
  }
}
