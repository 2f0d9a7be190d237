package dev.iampolicyls.checks;

/**
 * One check with one stable code and finding type. Subclasses look at the policy through the
 * context and report what they find with {@link CheckContext#report}.
 */
public abstract class PolicyCheck {
  private final String code;
  private final FindingType type;

  protected PolicyCheck(String code, FindingType type) {
    this.code = code;
    this.type = type;
  }

  public final String code() {
    return code;
  }

  public final FindingType type() {
    return type;
  }

  /** One line in our words on what the check finds, for `check --list-checks`. */
  public String description() {
    return CheckDescriptions.describe(code);
  }

  public abstract void run(CheckContext context);
}
