package dev.iampolicyls.checks;

import dev.iampolicyls.policy.Statement;
import dev.iampolicyls.syntax.JsonNode;
import dev.iampolicyls.syntax.StringNode;

/** Effect is exactly "Allow" or "Deny"; the value is case-sensitive. */
final class InvalidEffectCheck extends PolicyCheck {
  InvalidEffectCheck() {
    super(CheckCode.INVALID_EFFECT);
  }

  @Override
  public void run(CheckContext context) {
    for (Statement s : context.policy().statements()) {
      JsonNode value = s.effect().map(p -> p.value()).orElse(null);
      if (value == null) {
        continue; // missing effect or a value not typed yet: other checks speak
      }
      if (value instanceof StringNode str) {
        String v = str.value();
        if (!v.equals("Allow") && !v.equals("Deny")) {
          String hint =
              v.equalsIgnoreCase("allow") || v.equalsIgnoreCase("deny")
                  ? " (the value is case-sensitive)"
                  : "";
          context.report(
              this, value, "Effect must be \"Allow\" or \"Deny\", not \"" + v + "\"" + hint);
        }
      } else {
        context.report(
            this,
            value,
            "Effect must be the string \"Allow\" or \"Deny\", not " + Nodes.describe(value));
      }
    }
  }
}
