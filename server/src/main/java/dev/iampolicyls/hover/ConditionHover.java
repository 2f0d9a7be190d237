package dev.iampolicyls.hover;

import dev.iampolicyls.catalog.Catalog;
import dev.iampolicyls.catalog.ConditionKey;
import dev.iampolicyls.policy.ConditionOperator;
import dev.iampolicyls.policy.ConditionOperator.Qualifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Hover text for condition operators and condition keys. */
final class ConditionHover {
  private ConditionHover() {}

  static String operator(String text) {
    Optional<ConditionOperator> op = ConditionOperator.parse(text);
    if (op.isPresent()) {
      return OperatorDocs.explain(op.get());
    }
    Optional<ConditionOperator> close = ConditionOperator.parseIgnoringCase(text);
    return Markdown.code(text)
        + " is not a condition operator IAM knows."
        + close
            .map(
                c ->
                    " Did you mean "
                        + Markdown.code(c.text())
                        + "? Operator names are case-sensitive.")
            .orElse("");
  }

  /**
   * @param operatorText the operator the key sits under, to say whether the pair fits
   */
  static String key(Catalog catalog, String name, String operatorText) {
    Optional<ConditionKey> found = catalog.conditionKey(name);
    if (found.isEmpty()) {
      return Markdown.code(name)
          + ": not a condition key the catalog knows. Check the spelling; a service's keys work"
          + " only with that service's actions.";
    }
    ConditionKey key = found.get();
    boolean multi = key.type().startsWith("ArrayOf");
    List<String> parts = new ArrayList<>();
    parts.add(
        Markdown.bold(Markdown.code(name))
            + " · "
            + key.type()
            + " · "
            + (multi ? "multi-valued (the request can carry several values)" : "single-valued"));
    if (key.description() != null && !key.description().isBlank()) {
      parts.add(Markdown.escape(key.description()));
    }
    String ops = OperatorDocs.operatorsFor(key.type());
    if (ops != null) {
      parts.add("Use with " + ops + ".");
    }
    Qualifier q =
        ConditionOperator.parse(operatorText).map(ConditionOperator::qualifier).orElse(null);
    if (multi && q == Qualifier.NONE) {
      parts.add(
          "**Note:** a multi-valued key is usually tested with `ForAnyValue:` or"
              + " `ForAllValues:` before the operator.");
    } else if (!multi && q != null && q != Qualifier.NONE) {
      parts.add(
          "**Note:** `ForAllValues:` and `ForAnyValue:` are for multi-valued keys; this key has"
              + " one value.");
    }
    return Markdown.paragraphs(parts);
  }
}
