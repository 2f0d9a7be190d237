package dev.iampolicyls.checks;

import dev.iampolicyls.policy.ActionName;
import dev.iampolicyls.policy.Statement;
import dev.iampolicyls.policy.StringElement;
import java.util.List;

/**
 * An action of a statement that another action or wildcard of the same Action (or NotAction)
 * already covers, as {@code s3:GetObject} next to {@code s3:Get*}. Names compare without regard to
 * case; of two equal entries the later is the redundant one.
 */
final class RedundantActionCheck extends PolicyCheck {
  RedundantActionCheck() {
    super("REDUNDANT_ACTION", FindingType.SUGGESTION);
  }

  @Override
  public void run(CheckContext context) {
    for (Statement s : context.policy().statements()) {
      List<StringElement> actions = s.actions();
      if (actions.size() > PatternCover.MAX_PAIRWISE) {
        continue; // far beyond any policy IAM accepts; comparing every pair would hang
      }
      for (int i = 0; i < actions.size(); i++) {
        String inner = actions.get(i).value();
        if (!inner.equals("*") && ActionName.parse(inner).isEmpty()) {
          continue; // not an action at all: INVALID_ACTION says so
        }
        String by = coveringOther(actions, i);
        if (by != null) {
          context.report(
              this,
              actions.get(i).node(),
              "\""
                  + inner
                  + "\" is already covered by \""
                  + by
                  + "\" in the same statement: remove it");
        }
      }
    }
  }

  private static String coveringOther(List<StringElement> actions, int i) {
    String inner = actions.get(i).value();
    for (int j = 0; j < actions.size(); j++) {
      if (j == i) {
        continue;
      }
      String outer = actions.get(j).value();
      if (!outer.equals("*") && ActionName.parse(outer).isEmpty()) {
        continue;
      }
      if (PatternCover.covers(outer, inner, true)
          && (j < i || !PatternCover.covers(inner, outer, true))) {
        return outer;
      }
    }
    return null;
  }
}
