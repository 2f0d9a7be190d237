package dev.iampolicyls.checks.conditions;

import dev.iampolicyls.catalog.ConditionKey;
import dev.iampolicyls.catalog.Suggestions;
import dev.iampolicyls.catalog.UnlistedConditionKeys;
import dev.iampolicyls.checks.CheckCode;
import dev.iampolicyls.checks.CheckContext;
import dev.iampolicyls.checks.PolicyCheck;
import java.util.List;

/** An aws: key that is not a global condition key, with the closest real ones. */
public final class InvalidGlobalConditionKeyCheck extends PolicyCheck {
  public InvalidGlobalConditionKeyCheck() {
    super(CheckCode.INVALID_GLOBAL_CONDITION_KEY);
  }

  @Override
  public void run(CheckContext context) {
    List<String> names = null;
    for (KeyTest t : KeyTest.all(context)) {
      String key = t.key();
      if (!ConditionKeys.isGlobal(key)
          || !ConditionKeys.isWellFormed(key)
          || UnsupportedGlobalConditionKeyCheck.isUnsupported(key)
          || ConditionKeys.isTagFamilyWithoutTagKey(key)
          || UnlistedConditionKeys.contains(key)
          || ConditionKeys.resolve(context.catalog(), key).isPresent()) {
        continue;
      }
      if (names == null) {
        names =
            context.catalog().globalConditionKeys().stream()
                .map(ConditionKey::name)
                .filter(ConditionKeys::isGlobal)
                .toList();
      }
      List<String> close = Suggestions.closest(names, key, 3);
      context.report(
          this,
          t.keyNode(),
          "\""
              + key
              + "\" is not a global condition key."
              + (close.isEmpty() ? "" : " Did you mean " + String.join(", ", close) + "?"));
    }
  }
}
