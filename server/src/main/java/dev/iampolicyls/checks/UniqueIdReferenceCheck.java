package dev.iampolicyls.checks;

import dev.iampolicyls.policy.PrincipalEntry;
import java.util.regex.Pattern;

/**
 * An AWS principal given as an IAM unique ID (what IAM stores after resolving an ARN) stops
 * matching once the user or role is deleted and recreated; the ARN says what was meant. The user
 * and role codes differ only in the ID's prefix and the word for what it names.
 */
final class UniqueIdReferenceCheck extends PolicyCheck {
  private final Pattern id;
  private final String kind;

  /** A role's unique ID (AROA...) as a principal. */
  static UniqueIdReferenceCheck role() {
    return new UniqueIdReferenceCheck(CheckCode.INVALID_ROLE_REFERENCE, "AROA", "role");
  }

  /** A user's unique ID (AIDA...) as a principal. */
  static UniqueIdReferenceCheck user() {
    return new UniqueIdReferenceCheck(CheckCode.INVALID_USER_REFERENCE, "AIDA", "user");
  }

  private UniqueIdReferenceCheck(CheckCode code, String prefix, String kind) {
    super(code);
    this.id = Pattern.compile(prefix + "[A-Z0-9]{12,}");
    this.kind = kind;
  }

  @Override
  public void run(CheckContext context) {
    for (PrincipalEntry e : PrincipalElements.entries(context)) {
      if (e.isAws() && id.matcher(e.value()).matches()) {
        context.report(
            this,
            e.node(),
            e.value()
                + " is the unique ID of an IAM "
                + kind
                + ": use the "
                + kind
                + "'s ARN instead (arn:aws:iam::123456789012:"
                + kind
                + "/name); an ID stops matching once the "
                + kind
                + " is deleted and recreated");
      }
    }
  }
}
