package dev.iampolicyls.checks;

import dev.iampolicyls.policy.Statement;
import dev.iampolicyls.syntax.StringNode;
import java.util.HashSet;
import java.util.Set;

/** Sids name statements, so two statements of a policy cannot share one. */
final class UniqueSidsRequiredCheck extends PolicyCheck {
  UniqueSidsRequiredCheck() {
    super("UNIQUE_SIDS_REQUIRED", FindingType.ERROR);
  }

  @Override
  public void run(CheckContext context) {
    Set<String> seen = new HashSet<>();
    for (Statement s : context.policy().statements()) {
      if (s.sid().map(p -> p.value()).orElse(null) instanceof StringNode sid
          && !sid.value().isEmpty()
          && !seen.add(sid.value())) {
        context.report(
            this,
            sid,
            "Sid \""
                + sid.value()
                + "\" is used by an earlier statement: give each statement its own");
      }
    }
  }
}
