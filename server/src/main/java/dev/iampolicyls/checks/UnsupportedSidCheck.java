package dev.iampolicyls.checks;

import dev.iampolicyls.policy.PolicyType;
import dev.iampolicyls.policy.Statement;
import dev.iampolicyls.syntax.JsonNode;
import dev.iampolicyls.syntax.StringNode;

/**
 * IAM accepts only ASCII letters and digits in a Sid. Resource policies of other services (S3, SNS,
 * KMS...) accept more, so they are left alone.
 */
final class UnsupportedSidCheck extends PolicyCheck {
  UnsupportedSidCheck() {
    super(CheckCode.UNSUPPORTED_SID);
  }

  @Override
  public void run(CheckContext context) {
    if (context.policyType() == PolicyType.RESOURCE_POLICY) {
      return;
    }
    for (Statement s : context.policy().statements()) {
      JsonNode value = s.sid().map(p -> p.value()).orElse(null);
      if (value == null) {
        continue;
      }
      if (!(value instanceof StringNode sid)) {
        context.report(
            this,
            value,
            "Sid must be a string of letters and digits, not " + Nodes.describe(value));
        continue;
      }
      int bad = firstInvalid(sid.value());
      if (bad >= 0) {
        context.report(
            this,
            sid,
            "Sid \""
                + sid.value()
                + "\" may hold only the letters A-Z, a-z and digits 0-9; remove '"
                + new String(Character.toChars(sid.value().codePointAt(bad)))
                + "'");
      }
    }
  }

  static int firstInvalid(String sid) {
    for (int i = 0; i < sid.length(); i++) {
      char c = sid.charAt(i);
      if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))) {
        return i;
      }
    }
    return -1;
  }
}
