package dev.iampolicyls.checks;

import dev.iampolicyls.syntax.ObjectNode;

/**
 * Without Version, IAM applies the 2008-10-17 rules, under which policy variables are plain text:
 * almost never what the author meant.
 */
final class MissingVersionCheck extends PolicyCheck {
  MissingVersionCheck() {
    super(CheckCode.MISSING_VERSION);
  }

  @Override
  public void run(CheckContext context) {
    ObjectNode root = context.policy().root().orElse(null);
    if (root != null && context.policy().version().isEmpty()) {
      context.reportMissing(
          this,
          root,
          "Add \"Version\": \"2012-10-17\"; without it IAM uses the 2008 rules, which ignore policy variables");
    }
  }
}
