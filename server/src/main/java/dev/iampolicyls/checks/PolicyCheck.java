package dev.iampolicyls.checks;

/**
 * One check with one stable code and finding type. Subclasses look at the policy through the
 * context and report what they find with {@link CheckContext#report}.
 */
public abstract class PolicyCheck {
  private final CheckCode code;

  protected PolicyCheck(CheckCode code) {
    this.code = code;
  }

  public final CheckCode code() {
    return code;
  }

  /** The type its findings have unless the configuration says otherwise: the code's. */
  public final FindingType type() {
    return code.type();
  }

  /** One line in our words on what the check finds, for `check --list-checks`. */
  public final String description() {
    return code.description();
  }

  public abstract void run(CheckContext context);
}
