package dev.iampolicyls.codeactions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.iampolicyls.checks.AllChecks;
import dev.iampolicyls.checks.CheckCode;
import dev.iampolicyls.checks.PolicyCheck;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A fix for a code no check reports would never be offered: every declared code must be live. */
class FixCodesTest {
  @Test
  void everyCodeAFixDeclaresIsReportedByARegisteredCheck() {
    Set<CheckCode> registered = EnumSet.noneOf(CheckCode.class);
    for (PolicyCheck check : AllChecks.create()) {
      registered.add(check.code());
    }
    for (CheckCode code : CheckCode.values()) {
      if (code.origin() == CheckCode.Origin.HOST) {
        registered.add(code); // reported by a host format's front end, not a registered check
      }
    }
    for (QuickFix fix : CodeActionEngine.QUICK_FIXES) {
      String name = fix.getClass().getSimpleName();
      assertFalse(fix.codes().isEmpty(), name + " declares no code");
      Set<CheckCode> unknown = EnumSet.copyOf(fix.codes());
      unknown.removeAll(registered);
      assertEquals(Set.of(), unknown, name + " declares codes no registered check reports");
    }
  }
}
