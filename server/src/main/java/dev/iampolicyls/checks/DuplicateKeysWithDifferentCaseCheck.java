package dev.iampolicyls.checks;

import dev.iampolicyls.policy.Statement;
import dev.iampolicyls.syntax.ObjectNode;
import dev.iampolicyls.syntax.PropertyNode;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Condition keys are case-insensitive, so "aws:SourceIp" and "AWS:SourceIP" in one operator block
 * are the same key given twice, and only one of them takes effect.
 */
final class DuplicateKeysWithDifferentCaseCheck extends PolicyCheck {
  DuplicateKeysWithDifferentCaseCheck() {
    super(CheckCode.DUPLICATE_KEYS_WITH_DIFFERENT_CASE);
  }

  @Override
  public void run(CheckContext context) {
    for (Statement s : context.policy().statements()) {
      if (!(s.condition().map(PropertyNode::value).orElse(null) instanceof ObjectNode condition)) {
        continue;
      }
      for (PropertyNode operator : condition.properties()) {
        if (!(operator.value() instanceof ObjectNode block)) {
          continue;
        }
        Map<String, PropertyNode> seen = new HashMap<>();
        for (PropertyNode key : block.properties()) {
          PropertyNode first = seen.putIfAbsent(key.name().toLowerCase(Locale.ROOT), key);
          if (first != null && !first.name().equals(key.name())) {
            context.report(
                this,
                key.key(),
                "\""
                    + key.name()
                    + "\" repeats \""
                    + first.name()
                    + "\": condition keys ignore case, so merge the two");
          }
        }
      }
    }
  }
}
