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
    String title = "Rewrite as {\"Null\": {\"" + entry.key() + "\": \"" + nullValue + "\"}}";
    EditWriter edits = ctx.edits();
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
              edits.renameKey(entry.operatorProperty().key(), "Null"),
              edits.replaceString(entry.keyProperty().value(), nullValue)));
      return;
    }
    JsonNode removed = alone ? entry.operatorProperty() : entry.keyProperty();
    EditWriter.Member member = EditWriter.Member.of(entry.key(), nullValue);
    TextEdit add =
        existingNull != null
            ? edits.appendMember((ObjectNode) existingNull.value(), member)
            : edits.appendMember(condition, EditWriter.Member.nested("Null", member));
    out.add(QuickFix.fix(title, finding, edits.remove(removed), add));
  }
}
