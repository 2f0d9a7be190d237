package dev.iampolicyls.checks.conditions;

import dev.iampolicyls.checks.CheckCode;
import dev.iampolicyls.checks.CheckContext;
import dev.iampolicyls.checks.PolicyCheck;
import dev.iampolicyls.policy.ConditionEntry;
import dev.iampolicyls.policy.ConditionOperator;
import dev.iampolicyls.policy.Statement;
import java.util.Locale;
import java.util.Set;

/**
 * aws:VpcSourceIp without a VPC key in the same condition block: private addresses repeat across
 * VPCs, so the address alone admits callers from any VPC that uses the same range.
 */
public final class MissingPairedConditionKeysCheck extends PolicyCheck {
  private static final Set<String> VPC_KEYS =
      Set.of("aws:sourcevpc", "aws:sourcevpce", "aws:sourcevpcarn");

  public MissingPairedConditionKeysCheck() {
    super(CheckCode.MISSING_PAIRED_CONDITION_KEYS);
  }

  @Override
  public void run(CheckContext context) {
    for (Statement s : context.policy().statements()) {
      boolean hasVpc = false; // a loop, not a stream: streams are slow under C1 (the batch)
      for (ConditionEntry e : s.conditionEntries()) {
        hasVpc |= VPC_KEYS.contains(e.key().toLowerCase(Locale.ROOT));
      }
      if (hasVpc) {
        continue;
      }
      for (ConditionEntry e : s.conditionEntries()) {
        boolean nullTest =
            e.operator().filter(o -> o.base() == ConditionOperator.Base.Null).isPresent();
        if (e.key().equalsIgnoreCase("aws:VpcSourceIp") && !nullTest) {
          context.report(
              this,
              e.keyProperty().key(),
              e.key()
                  + " names private addresses that other VPCs use too: add aws:SourceVpc (or"
                  + " aws:SourceVpce) to this condition block");
        }
      }
    }
  }
}
