package dev.iampolicyls.checks;

import dev.iampolicyls.policy.Statement;
import dev.iampolicyls.syntax.StringNode;

/** An empty Sid names nothing: remove it or give it a name. */
final class EmptySidValueCheck extends PolicyCheck {
  EmptySidValueCheck() {
    super(CheckCode.EMPTY_SID_VALUE);
  }

  @Override
  public void run(CheckContext context) {
    for (Statement s : context.policy().statements()) {
      if (s.sid().map(p -> p.value()).orElse(null) instanceof StringNode sid
          && sid.value().isEmpty()) {
        context.report(this, sid, "The Sid is empty: remove it or name the statement");
      }
    }
  }
}
