package dev.iampolicyls.checks;

import dev.iampolicyls.policy.Statement;
import dev.iampolicyls.policy.StringElement;
import java.util.List;

/**
 * A resource of a statement that another ARN pattern of the same Resource (or NotResource) already
 * covers, as {@code arn:aws:s3:::b/x} next to {@code arn:aws:s3:::b/*}. ARNs compare with case, as
 * IAM does; of two equal entries the later is the redundant one.
 */
final class RedundantResourceCheck extends PolicyCheck {
  RedundantResourceCheck() {
    super("REDUNDANT_RESOURCE", FindingType.SUGGESTION);
  }

  @Override
  public void run(CheckContext context) {
    for (Statement s : context.policy().statements()) {
      List<StringElement> resources = s.resources();
      if (resources.size() > PatternCover.MAX_PAIRWISE) {
        continue; // far beyond any policy IAM accepts; comparing every pair would hang
      }
      for (int i = 0; i < resources.size(); i++) {
        String by = coveringOther(resources, i);
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

  private static String coveringOther(List<StringElement> resources, int i) {
    String inner = resources.get(i).value();
    for (int j = 0; j < resources.size(); j++) {
      if (j == i) {
        continue;
      }
      String outer = resources.get(j).value();
      if (PatternCover.coversArn(outer, inner)
          && (j < i || !PatternCover.coversArn(inner, outer))) {
        return outer;
      }
    }
    return null;
  }
}
