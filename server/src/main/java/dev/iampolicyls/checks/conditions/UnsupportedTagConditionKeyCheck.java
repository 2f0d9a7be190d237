package dev.iampolicyls.checks.conditions;

import dev.iampolicyls.checks.CheckCode;
import dev.iampolicyls.checks.CheckContext;
import dev.iampolicyls.checks.PolicyCheck;

/**
 * A statement conditioned on a tag key with actions that do not carry it: those actions are never
 * allowed (or denied). Access Analyzer has four codes for it, by effect and by Action or NotAction;
 * they differ only in those two and in the words of the message, so they are one class.
 */
final class UnsupportedTagConditionKeyCheck extends PolicyCheck {
  private final String effect;
  private final boolean notAction;

  /** "allow" or "deny", as in "list the actions to allow". */
  private final String verb;

  /** "allows" or "denies", as in "this statement never allows them". */
  private final String verbs;

  private UnsupportedTagConditionKeyCheck(
      CheckCode code, String effect, boolean notAction, String verb, String verbs) {
    super(code);
    this.effect = effect;
    this.notAction = notAction;
    this.verb = verb;
    this.verbs = verbs;
  }

  /** An Allow on a tag key with actions that do not carry it: those actions are never allowed. */
  static UnsupportedTagConditionKeyCheck allow() {
    return new UnsupportedTagConditionKeyCheck(
        CheckCode.ALLOW_WITH_UNSUPPORTED_TAG_CONDITION_KEY_FOR_SERVICE,
        "Allow",
        false,
        "allow",
        "allows");
  }

  /** A Deny on a tag key with actions that do not carry it: those actions are never denied. */
  static UnsupportedTagConditionKeyCheck deny() {
    return new UnsupportedTagConditionKeyCheck(
        CheckCode.DENY_WITH_UNSUPPORTED_TAG_CONDITION_KEY_FOR_SERVICE,
        "Deny",
        false,
        "deny",
        "denies");
  }

  /** Allow with NotAction on a tag key: the actions that do not carry it are never allowed. */
  static UnsupportedTagConditionKeyCheck allowNotAction() {
    return new UnsupportedTagConditionKeyCheck(
        CheckCode.ALLOW_NOTACTION_WITH_UNSUPPORTED_TAG_CONDITION_KEY_FOR_SERVICE,
        "Allow",
        true,
        "allow",
        "allows");
  }

  /** Deny with NotAction on a tag key: the many actions that do not carry it are never denied. */
  static UnsupportedTagConditionKeyCheck denyNotAction() {
    return new UnsupportedTagConditionKeyCheck(
        CheckCode.DENY_NOTACTION_WITH_UNSUPPORTED_TAG_CONDITION_KEY_FOR_SERVICE,
        "Deny",
        true,
        "deny",
        "denies");
  }

  @Override
  public void run(CheckContext context) {
    for (KeyTest t : KeyTest.all(context)) {
      if (!TagKeyUse.applies(t, effect, notAction)) {
        continue;
      }
      if (notAction) {
        // NotAction names the actions left out: the ones it reaches cannot be listed usefully.
        context.report(
            this,
            t.keyNode(),
            "Many actions do not support "
                + t.key()
                + ", and this NotAction statement never "
                + verbs
                + " them: list the actions to "
                + verb
                + " in Action instead");
        continue;
      }
      KeyActionSupport support =
          KeyActionSupport.of(context.catalog(), t.statement().actions(), t.key(), null, false);
      if (!support.unsupported().isEmpty()) {
        context.report(
            this,
            t.keyNode(),
            "Actions of "
                + String.join(", ", support.unsupportedServices())
                + " do not support "
                + t.key()
                + ", so this statement never "
                + verbs
                + " them: "
                + KeyActionSupport.list(support.unsupported())
                + ". "
                + effect
                + " them in a statement without this condition, e.g. by resource ARN");
      }
    }
  }
}
