package dev.iampolicyls.checks;

import dev.iampolicyls.policy.ConditionEntry;
import dev.iampolicyls.policy.PrincipalEntry;
import dev.iampolicyls.policy.Statement;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A statement that grants a service and limits it only with other keys (aws:Referer, a tag, an
 * encryption context) still does not say whom the service acts for; the source keys do.
 */
final class RecommendedConditionKeyForServicePrincipalCheck extends PolicyCheck {
  RecommendedConditionKeyForServicePrincipalCheck() {
    super(CheckCode.RECOMMENDED_CONDITION_KEY_FOR_SERVICE_PRINCIPAL);
  }

  @Override
  public void run(CheckContext context) {
    for (Statement s : ServicePrincipalConditions.grantsToServices(context)) {
      if (ServicePrincipalConditions.hasSourceKey(s)) {
        continue;
      }
      List<ConditionEntry> others =
          s.conditionEntries().stream()
              .filter(c -> !ServicePrincipalConditions.isPrincipalOnlyKey(c))
              .toList();
      if (others.isEmpty()) {
        continue; // no condition at all: the restrict-access check reports it
      }
      String services =
          ServicePrincipalConditions.services(s).stream()
              .map(PrincipalEntry::value)
              .collect(Collectors.joining(", "));
      ConditionEntry first = others.get(0);
      context.report(
          this,
          first.keyProperty().key(),
          "To limit whom "
              + services
              + " acts for, use aws:SourceArn, aws:SourceAccount, aws:SourceOrgID or"
              + " aws:SourceOrgPaths rather than "
              + others.stream()
                  .map(ConditionEntry::key)
                  .distinct()
                  .collect(Collectors.joining(", ")));
    }
  }
}
