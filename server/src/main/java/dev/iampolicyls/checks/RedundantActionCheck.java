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
      Index index = Index.of(actions);
      for (int i = 0; i < actions.size(); i++) {
        String inner = actions.get(i).value();
        if (!inner.equals("*") && ActionName.parse(inner).isEmpty()) {
          continue; // not an action at all: INVALID_ACTION says so
        }
        String by = coveringOther(actions, i, index);
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

  /**
   * Only a wildcard can cover a different entry: a literal covers nothing but its equal. So each
   * entry is compared with the wildcards alone and looked up among the literals, which keeps a
   * statement of thousands of actions linear in practice instead of quadratic.
   */
  private static String coveringOther(List<StringElement> actions, int i, Index index) {
    String inner = actions.get(i).value();
    Integer equal = index.firstLiteral.get(inner.toLowerCase(java.util.Locale.ROOT));
    if (equal != null && equal < i) {
      return actions.get(equal).value();
    }
    for (int j : index.wildcards) {
      if (j == i) {
        continue;
      }
      String outer = actions.get(j).value();
      if (PatternCover.covers(outer, inner, true)
          && (j < i || !PatternCover.covers(inner, outer, true))) {
        return outer;
      }
    }
    return null;
  }

  /** The statement's action entries that can cover others, and its literals by lower-case name. */
  private record Index(List<Integer> wildcards, java.util.Map<String, Integer> firstLiteral) {
    static Index of(List<StringElement> actions) {
      List<Integer> wildcards = new java.util.ArrayList<>();
      java.util.Map<String, Integer> literals = new java.util.HashMap<>();
      for (int j = 0; j < actions.size(); j++) {
        String v = actions.get(j).value();
        if (!v.equals("*") && ActionName.parse(v).isEmpty()) {
          continue;
        }
        if (ActionName.containsWildcard(v)) {
          wildcards.add(j);
        } else {
          literals.putIfAbsent(v.toLowerCase(java.util.Locale.ROOT), j);
        }
      }
      return new Index(wildcards, literals);
    }
  }
}
