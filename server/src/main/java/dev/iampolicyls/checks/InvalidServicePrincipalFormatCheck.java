package dev.iampolicyls.checks;

import dev.iampolicyls.policy.PrincipalEntry;
import java.util.regex.Pattern;

/**
 * Service principals are lowercase DNS names under an AWS domain: service.amazonaws.com, and the
 * forms of other partitions (.amazonaws.com.cn, .c2s.ic.gov, .sc2s.sgov.gov, .amazonaws.eu) and of
 * a few older services (.amazon.com).
 */
final class InvalidServicePrincipalFormatCheck extends PolicyCheck {
  private static final String LABEL = "[a-z0-9]([a-z0-9-]*[a-z0-9])?";
  private static final Pattern SERVICE_PRINCIPAL =
      Pattern.compile(
          LABEL
              + "(\\."
              + LABEL
              + ")*\\.(amazonaws\\.com|amazonaws\\.com\\.cn|amazon\\.com|c2s\\.ic\\.gov"
              + "|sc2s\\.sgov\\.gov|amazonaws\\.eu)");

  InvalidServicePrincipalFormatCheck() {
    super(CheckCode.INVALID_SERVICE_PRINCIPAL_FORMAT);
  }

  @Override
  public void run(CheckContext context) {
    for (PrincipalEntry e : PrincipalElements.entries(context)) {
      if (e.isService() && !e.hasWildcard() && !isServicePrincipal(e.value())) {
        context.report(
            this,
            e.node(),
            "\""
                + e.value()
                + "\" is not a service principal: use the service's name in lowercase, such as"
                + " \"lambda.amazonaws.com\"");
      }
    }
  }

  static boolean isServicePrincipal(String value) {
    // A DNS name is at most 253 characters; longer is invalid, and never reaches the regex,
    // whose repeated group would recurse once per label.
    return value.length() <= 253 && SERVICE_PRINCIPAL.matcher(value).matches();
  }
}
