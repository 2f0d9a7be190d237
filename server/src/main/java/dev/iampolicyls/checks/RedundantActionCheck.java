package dev.iampolicyls.checks;

import dev.iampolicyls.policy.ActionName;
import dev.iampolicyls.policy.Statement;
import dev.iampolicyls.policy.StringElement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An action of a statement that another action or wildcard of the same Action (or NotAction)
 * already covers, as {@code s3:GetObject} next to {@code s3:Get*}. Names compare without regard to
 * case; of two equal entries the later is the redundant one.
 */
final class RedundantActionCheck extends PolicyCheck {
  RedundantActionCheck() {
    super(CheckCode.REDUNDANT_ACTION);
  }

  @Override
  public void run(CheckContext context) {
    for (Statement s : context.policy().statements()) {
      List<StringElement> actions = s.actions();
      Index index = Index.of(actions);
      for (int i = 0; i < actions.size(); i++) {
        if (!index.isAction[i]) {
          continue; // not an action at all: INVALID_ACTION says so
        }
        String inner = actions.get(i).value();
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
   * entry is compared with the wildcards alone and looked up among the literals. And a wildcard
   * whose service part is plain text covers only actions of that service, so an entry is compared
   * with its own service's wildcards and the few with a wildcard service part: statements listing
   * hundreds of {@code service:Get*} patterns (the read-only managed policies) stay near linear.
   */
  private static String coveringOther(List<StringElement> actions, int i, Index index) {
    String inner = actions.get(i).value();
    Integer equal = index.firstLiteral.get(index.lower[i]);
    if (equal != null && equal < i) {
      return actions.get(equal).value();
    }
    String service = index.serviceKey[i];
    List<Integer> same = service == null ? null : index.wildcardsByService.get(service);
    List<Integer> candidates = service == null ? index.wildcards : index.anyService;
    // Both lists ascend: walk them merged, so the first covering entry is the same one a walk over
    // every wildcard would find.
    int a = 0;
    int b = 0;
    int sameSize = same == null ? 0 : same.size();
    while (a < sameSize || b < candidates.size()) {
      int j;
      if (b >= candidates.size() || (a < sameSize && same.get(a) < candidates.get(b))) {
        j = same.get(a++);
      } else {
        j = candidates.get(b++);
      }
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

  /** What the comparison needs of each entry of one statement, computed once. */
  private static final class Index {
    final boolean[] isAction;
    final String[] lower;

    /**
     * The lower-case service part, or null when it is not {@linkplain PatternCover#isPlain plain}.
     */
    final String[] serviceKey;

    final List<Integer> wildcards = new ArrayList<>();
    final List<Integer> anyService = new ArrayList<>();
    final Map<String, List<Integer>> wildcardsByService = new HashMap<>();
    final Map<String, Integer> firstLiteral = new HashMap<>();

    private Index(int size) {
      isAction = new boolean[size];
      lower = new String[size];
      serviceKey = new String[size];
    }

    static Index of(List<StringElement> actions) {
      Index index = new Index(actions.size());
      for (int j = 0; j < actions.size(); j++) {
        String v = actions.get(j).value();
        boolean star = v.equals("*");
        int colon = ActionName.colonOf(v);
        if (!star && colon < 0) {
          continue;
        }
        index.isAction[j] = true;
        String lower = v.toLowerCase(Locale.ROOT);
        index.lower[j] = lower;
        // A plain service part is ASCII, so its lower case is the lower-case text's prefix.
        index.serviceKey[j] =
            !star && PatternCover.isPlain(v, 0, colon) ? lower.substring(0, colon) : null;
        if (ActionName.containsWildcard(v)) {
          index.wildcards.add(j);
          if (index.serviceKey[j] == null) {
            index.anyService.add(j);
          } else {
            index
                .wildcardsByService
                .computeIfAbsent(index.serviceKey[j], k -> new ArrayList<>())
                .add(j);
          }
        } else {
          index.firstLiteral.putIfAbsent(index.lower[j], j);
        }
      }
      return index;
    }
  }
}
