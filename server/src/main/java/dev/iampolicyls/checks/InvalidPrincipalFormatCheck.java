package dev.iampolicyls.checks;

import dev.iampolicyls.policy.Arn;
import dev.iampolicyls.policy.PrincipalEntry;
import dev.iampolicyls.policy.Principals;
import dev.iampolicyls.syntax.PropertyNode;
import dev.iampolicyls.syntax.StringNode;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The Principal element is "*" or an object of principal keys, and AWS and CanonicalUser values
 * have fixed shapes. Service and Federated values, wildcards and unique IDs have checks of their
 * own.
 */
final class InvalidPrincipalFormatCheck extends PolicyCheck {
  private static final Pattern ACCOUNT = Pattern.compile("\\d{12}");
  private static final Pattern UNIQUE_ID = Pattern.compile("A[A-Z0-9]{3}[A-Z0-9]{12,}");
  private static final Pattern CANONICAL_USER = Pattern.compile("[0-9a-fA-F]{64}");

  InvalidPrincipalFormatCheck() {
    super(CheckCode.INVALID_PRINCIPAL_FORMAT);
  }

  @Override
  public void run(CheckContext context) {
    for (PropertyNode element : PrincipalElements.of(context)) {
      if (element.value() instanceof StringNode bare && !bare.value().equals("*")) {
        context.report(
            this,
            bare,
            element.name()
                + " must be \"*\" or an object such as {\"AWS\": \""
                + bare.value()
                + "\"}: put the value under a principal key");
        continue;
      }
      for (PrincipalEntry e : Principals.entries(element.value())) {
        checkValue(context, e);
      }
    }
  }

  private void checkValue(CheckContext context, PrincipalEntry e) {
    String v = e.value();
    if (e.hasWildcard() || v.contains("${")) {
      return; // wildcard and variable checks own these
    }
    if (e.isAws() && !isAwsPrincipal(v)) {
      context.report(
          this,
          e.node(),
          "\""
              + v
              + "\" is not an AWS principal: use a 12-digit account ID or the ARN of an account"
              + " root, IAM user, role or assumed-role session");
    } else if (PrincipalEntry.CANONICAL_USER.equals(e.key())
        && !CANONICAL_USER.matcher(v).matches()) {
      context.report(
          this,
          e.node(),
          "\"" + v + "\" is not a canonical user ID: use the 64 hexadecimal characters of one");
    }
  }

  static boolean isAwsPrincipal(String v) {
    if (ACCOUNT.matcher(v).matches() || UNIQUE_ID.matcher(v).matches()) {
      return true;
    }
    Optional<Arn> arn = Arn.parse(v);
    if (arn.isEmpty() || !arn.get().region().isEmpty()) {
      return false;
    }
    Arn a = arn.get();
    // CloudFront origin access identities are IAM users in the "cloudfront" namespace.
    boolean account = ACCOUNT.matcher(a.account()).matches() || a.account().equals("cloudfront");
    String r = a.resource();
    return switch (a.service()) {
      case "iam" -> account && (r.equals("root") || r.startsWith("user/") || r.startsWith("role/"));
      case "sts" -> account && (r.startsWith("assumed-role/") || r.startsWith("federated-user/"));
      default -> false;
    };
  }
}
