package dev.iampolicyls.checks.conditions;

import dev.iampolicyls.catalog.Suggestions;
import dev.iampolicyls.checks.CheckCode;
import dev.iampolicyls.checks.CheckContext;
import dev.iampolicyls.checks.PolicyCheck;
import dev.iampolicyls.policy.ConditionOperator;
import dev.iampolicyls.policy.Statement;
import dev.iampolicyls.syntax.ObjectNode;
import dev.iampolicyls.syntax.PropertyNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A condition operator IAM does not know. Operator names are case-sensitive, so {@code
 * stringEquals} is as unknown as {@code StringEqual}; the message offers the right spelling.
 */
public final class InvalidConditionOperatorCheck extends PolicyCheck {
  private static final List<String> SPELLINGS = allSpellings();

  public InvalidConditionOperatorCheck() {
    super(CheckCode.INVALID_CONDITION_OPERATOR);
  }

  @Override
  public void run(CheckContext context) {
    for (Statement s : context.policy().statements()) {
      if (s.condition().map(PropertyNode::value).orElse(null) instanceof ObjectNode block) {
        for (PropertyNode operator : block.properties()) {
          String name = operator.name();
          if (ConditionOperator.parse(name).isEmpty()) {
            context.report(this, operator.key(), message(name));
          }
        }
      }
    }
  }

  private static String message(String name) {
    Optional<ConditionOperator> sameLetters = ConditionOperator.parseIgnoringCase(name);
    String hint;
    if (sameLetters.isPresent()) {
      hint = " Operator names are case-sensitive: write " + sameLetters.get().text() + ".";
    } else {
      List<String> close = Suggestions.closest(SPELLINGS, name, 3);
      hint = close.isEmpty() ? "" : " Did you mean " + String.join(", ", close) + "?";
    }
    return "\"" + name + "\" is not a condition operator." + hint;
  }

  private static List<String> allSpellings() {
    List<String> names = new ArrayList<>();
    for (ConditionOperator.Qualifier q : ConditionOperator.Qualifier.values()) {
      for (ConditionOperator.Base b : ConditionOperator.Base.values()) {
        names.add(new ConditionOperator(q, b, false).text());
        if (b != ConditionOperator.Base.Null) {
          names.add(new ConditionOperator(q, b, true).text());
        }
      }
    }
    return List.copyOf(names);
  }
}
