package dev.iampolicyls.checks.conditions;

import dev.iampolicyls.checks.CheckCode;
import dev.iampolicyls.checks.CheckContext;
import dev.iampolicyls.checks.PolicyCheck;
import java.util.Locale;
import java.util.Set;

/**
 * aws:UserAgent and aws:Referer come from HTTP headers that the caller writes, so anyone can send
 * the value a policy looks for. AWS documents both as unfit to control access.
 */
public final class UntrustworthyConditionKeyCheck extends PolicyCheck {
  private static final Set<String> CALLER_SET = Set.of("aws:useragent", "aws:referer");

  public UntrustworthyConditionKeyCheck() {
    super(CheckCode.UNTRUSTWORTHY_CONDITION_KEY);
  }

  @Override
  public void run(CheckContext context) {
    for (KeyTest t : KeyTest.all(context)) {
      if (CALLER_SET.contains(t.key().toLowerCase(Locale.ROOT))) {
        context.report(
            this,
            t.keyNode(),
            t.key()
                + " is an HTTP header the caller sets to any value it likes, so it cannot protect"
                + " anything: control access with the caller's identity, network (aws:SourceVpce,"
                + " aws:SourceIp) or organization instead");
      }
    }
  }
}
