package dev.iampolicyls.checks;

import dev.iampolicyls.policy.Statement;
import dev.iampolicyls.policy.StringElement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A resource of a statement that another ARN pattern of the same Resource (or NotResource) already
 * covers, as {@code arn:aws:s3:::b/x} next to {@code arn:aws:s3:::b/*}. ARNs compare with case, as
 * IAM does; of two equal entries the later is the redundant one.
 */
final class RedundantResourceCheck extends PolicyCheck {
  RedundantResourceCheck() {
    super(CheckCode.REDUNDANT_RESOURCE);
  }

  @Override
  public void run(CheckContext context) {
    for (Statement s : context.policy().statements()) {
      List<StringElement> resources = s.resources();
      List<Integer> wildcards = new ArrayList<>();
      Map<String, Integer> literals = new HashMap<>();
      for (int j = 0; j < resources.size(); j++) {
        String v = resources.get(j).value();
        if (v.indexOf('*') >= 0 || v.indexOf('?') >= 0 || v.contains("${")) {
          wildcards.add(j);
        } else {
          literals.putIfAbsent(v, j);
        }
      }
      // Each ARN split into its fields once, not once per comparison (none without wildcards).
      List<List<String>> fields = new ArrayList<>(resources.size());
      for (int k = 0; k < resources.size() && !wildcards.isEmpty(); k++) {
        fields.add(ArnText.fields(resources.get(k).value()));
      }
      for (int i = 0; i < resources.size(); i++) {
        String by = coveringOther(resources, fields, i, wildcards, literals);
        if (by != null) {
          context.report(
              this,
              resources.get(i).node(),
              "\""
                  + resources.get(i).value()
                  + "\" is already covered by \""
                  + by
                  + "\" in the same statement: remove it");
        }
      }
    }
  }

  /**
   * Only a pattern with a wildcard can cover a different ARN: a literal covers nothing but its
   * equal. Comparing each entry with the wildcards alone, and looking literals up in a map, keeps
   * long resource lists linear in practice.
   */
  private static String coveringOther(
      List<StringElement> resources,
      List<List<String>> fields,
      int i,
      List<Integer> wildcards,
      Map<String, Integer> literals) {
    String inner = resources.get(i).value();
    Integer equal = literals.get(inner);
    if (equal != null && equal < i) {
      return resources.get(equal).value();
    }
    for (int j : wildcards) {
      if (j == i) {
        continue;
      }
      String outer = resources.get(j).value();
      if (PatternCover.coversArn(outer, fields.get(j), inner, fields.get(i))
          && (j < i || !PatternCover.coversArn(inner, fields.get(i), outer, fields.get(j)))) {
        return outer;
      }
    }
    return null;
  }
}
