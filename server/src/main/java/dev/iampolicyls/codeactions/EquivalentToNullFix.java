package dev.iampolicyls.codeactions;

import dev.iampolicyls.checks.CheckCode;
import dev.iampolicyls.checks.Finding;
import dev.iampolicyls.policy.ConditionEntry;
import dev.iampolicyls.syntax.JsonNode;
import dev.iampolicyls.syntax.ObjectNode;
import dev.iampolicyls.syntax.PropertyNode;
import java.util.List;
import java.util.Set;

/**
 * EQUIVALENT_TO_NULL_TRUE/FALSE: a StringLike/StringNotLike "*" test becomes the Null test it
 * amounts to. A lone key renames its operator; otherwise the key moves into a Null block (the
 * existing one, or a new one).
 */
final class EquivalentToNullFix implements QuickFix {
  @Override
  public Set<CheckCode> codes() {
    return Set.of(CheckCode.EQUIVALENT_TO_NULL_TRUE, CheckCode.EQUIVALENT_TO_NULL_FALSE);
  }

  @Override
  public void offer(FixContext ctx, Finding finding, List<PolicyCodeAction> out) {
    ConditionEntry entry = Conditions.entryWithKeyAt(ctx.policy(), finding.offset());
    if (entry == null
        || entry.keyProperty().value() == null
        || !(entry.operatorProperty().value() instanceof ObjectNode operatorBlock)
        || !(entry.operatorProperty().parent() instanceof ObjectNode condition)) {
      return;
    }
    String nullValue = finding.code() == CheckCode.EQUIVALENT_TO_NULL_TRUE ? "true" : "false";
    String keyText = Layout.quote(entry.key());
    String title = "Rewrite as {\"Null\": {\"" + entry.key() + "\": \"" + nullValue + "\"}}";
    String text = ctx.text();
    PropertyNode existingNull = condition.property("Null").orElse(null);
    if (existingNull != null && !(existingNull.value() instanceof ObjectNode)) {
      return;
    }
    boolean alone = operatorBlock.properties().size() == 1;
    if (existingNull == null && alone) {
      out.add(
          QuickFix.fix(
              title,
              finding,
              Edits.replace(entry.operatorProperty().key(), "\"Null\""),
              Edits.replace(entry.keyProperty().value(), Layout.quote(nullValue))));
      return;
    }
    JsonNode removed = alone ? entry.operatorProperty() : entry.keyProperty();
    String member = keyText + ": " + Layout.quote(nullValue);
    TextEdit add =
        existingNull != null
            ? Edits.appendMember(text, (ObjectNode) existingNull.value(), member)
            : Edits.appendMember(text, condition, "\"Null\": {" + member + "}");
    out.add(QuickFix.fix(title, finding, Edits.remove(text, removed), add));
  }
}
