package dev.iampolicyls.checks;

import dev.iampolicyls.policy.PrincipalEntry;

/**
 * Only AWS "*" (everyone) is a wildcard in a principal: IAM matches principal values literally, so
 * a partial wildcard such as arn:aws:iam::123456789012:role/dev-* names no one, and Service,
 * Federated and CanonicalUser take no wildcard at all.
 */
final class UnsupportedWildcardInPrincipalCheck extends PolicyCheck {
  UnsupportedWildcardInPrincipalCheck() {
    super(CheckCode.UNSUPPORTED_WILDCARD_IN_PRINCIPAL);
  }

  @Override
  public void run(CheckContext context) {
    for (PrincipalEntry e : PrincipalElements.entries(context)) {
      if (e.hasWildcard() && !e.isEveryone()) {
        context.report(
            this,
            e.node(),
            "Wildcards are not supported in "
                + e.key()
                + " principals: name each principal in full, or use \"*\" under AWS with a"
                + " condition such as aws:PrincipalArn (ArnLike) to match a pattern");
      }
    }
  }
}
