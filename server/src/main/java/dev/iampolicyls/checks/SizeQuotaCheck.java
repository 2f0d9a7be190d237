package dev.iampolicyls.checks;

import dev.iampolicyls.syntax.ObjectNode;
import java.util.List;
import java.util.OptionalInt;

/**
 * A policy larger than the quota of the place it goes to. The finding sits on the policy's opening
 * brace: the whole document is the problem, and a one-character mark does not hide the others.
 */
abstract class SizeQuotaCheck extends PolicyCheck {
  SizeQuotaCheck(CheckCode code) {
    super(code);
  }

  /** The quota for this policy, or empty when this check does not apply or the quota is unknown. */
  abstract OptionalInt quota(CheckContext context);

  /** The policy's size as the quota counts it. */
  abstract int size(String text, CheckContext context);

  abstract String describe(int size, int quota, CheckContext context);

  /**
   * The most {@link #size} counts for one UTF-16 unit of text: 1 where it counts characters. A text
   * whose length times this is within the quota needs no counting, which spares a pass over every
   * document (the managed policies: 4 MB per batch run).
   */
  int maxSizePerChar() {
    return 1;
  }

  @Override
  public final void run(CheckContext context) {
    OptionalInt quota = quota(context);
    ObjectNode root = context.policy().root().orElse(null);
    if (quota.isEmpty() || root == null) {
      return;
    }
    String text = context.policy().document().policyText();
    if ((long) text.length() * maxSizePerChar() <= quota.getAsInt()) {
      return;
    }
    int size = size(text, context);
    if (size > quota.getAsInt()) {
      context.report(this, root.offset(), 1, List.of(), describe(size, quota.getAsInt(), context));
    }
  }

  /** {@code 12,345}: what {@code %,d} writes in the root locale, without a Formatter per call. */
  static String number(int n) {
    String digits = Long.toString(Math.abs((long) n));
    StringBuilder out = new StringBuilder(n < 0 ? "-" : "");
    for (int i = 0; i < digits.length(); i++) {
      if (i > 0 && (digits.length() - i) % 3 == 0) {
        out.append(',');
      }
      out.append(digits.charAt(i));
    }
    return out.toString();
  }
}
