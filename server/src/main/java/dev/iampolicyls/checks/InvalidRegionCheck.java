package dev.iampolicyls.checks;

import dev.iampolicyls.catalog.AwsRegions;
import dev.iampolicyls.policy.ConditionEntry;
import dev.iampolicyls.policy.ConditionOperator;
import dev.iampolicyls.policy.Statement;
import dev.iampolicyls.syntax.JsonNode;
import dev.iampolicyls.syntax.StringNode;
import java.util.Locale;
import java.util.Set;

/**
 * A condition value that should be a Region code but is none: {@code aws:RequestedRegion} compared
 * with {@code us-east-7} (or a Like pattern that fits no Region). Values with policy variables are
 * left alone, and so are wildcards under a non-Like operator (that is another check's business).
 */
final class InvalidRegionCheck extends PolicyCheck {
  /** Keys whose values are Region codes. */
  private static final Set<String> REGION_KEYS = Set.of("aws:requestedregion", "ec2:region");

  InvalidRegionCheck() {
    super(CheckCode.INVALID_REGION);
  }

  @Override
  public void run(CheckContext context) {
    for (Statement s : context.policy().statements()) {
      for (ConditionEntry c : s.conditionEntries()) {
        ConditionOperator op = c.operator().orElse(null);
        if (op == null
            || op.base().category() != ConditionOperator.Category.STRING
            || !REGION_KEYS.contains(c.key().toLowerCase(Locale.ROOT))) {
          continue;
        }
        for (JsonNode v : c.values()) {
          if (v instanceof StringNode str && !valid(str.value(), op.base().matchesWildcards())) {
            context.report(
                this,
                v,
                "\""
                    + str.value()
                    + "\" is not an AWS Region: use a Region code such as us-east-1");
          }
        }
      }
    }
  }

  private static boolean valid(String value, boolean like) {
    if (ArnText.hasVariable(value)) {
      return true;
    }
    boolean wild = value.indexOf('*') >= 0 || value.indexOf('?') >= 0;
    if (wild) {
      return !like || AwsRegions.anyRegionMatches(value);
    }
    // Region codes are lowercase; the IgnoreCase operators accept any case.
    return AwsRegions.isRegion(value) || AwsRegions.isRegion(value.toLowerCase(Locale.ROOT));
  }
}
