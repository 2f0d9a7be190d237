package dev.iampolicyls.checks;

import dev.iampolicyls.policy.ConditionEntry;
import dev.iampolicyls.policy.ConditionOperator;
import dev.iampolicyls.policy.Statement;

/**
 * s3:prefix in a Deny with a positive string operator, or in an Allow with a negated one: a caller
 * lists the same objects with a shorter prefix that the condition does not cover.
 */
final class S3PrefixInNegativeContextCheck extends PolicyCheck {
  S3PrefixInNegativeContextCheck() {
    super(CheckCode.S3_PREFIX_IN_NEGATIVE_CONTEXT);
  }

  @Override
  public void run(CheckContext context) {
    for (Statement s : context.policy().statements()) {
      if (!s.isAllow() && !s.isDeny()) {
        continue;
      }
      for (ConditionEntry entry : s.conditionEntries()) {
        ConditionOperator op = entry.operator().orElse(null);
        if (op == null
            || op.category() != ConditionOperator.Category.STRING
            || !entry.key().equalsIgnoreCase("s3:prefix")) {
          continue;
        }
        boolean negative = s.isDeny() != op.base().negated();
        if (negative) {
          context.report(
              this,
              entry.keyProperty().key(),
              (s.isDeny() ? "A Deny with " : "An Allow with ")
                  + op.text()
                  + " on s3:prefix does not stop listing: a request with a shorter prefix escapes"
                  + " the condition. Allow s3:ListBucket with StringLike on the permitted"
                  + " prefixes, or Deny it with StringNotLike");
        }
      }
    }
  }
}
