package dev.iampolicyls.codeactions;

import dev.iampolicyls.checks.CheckCode;
import dev.iampolicyls.checks.Finding;
import dev.iampolicyls.syntax.JsonNode;
import dev.iampolicyls.syntax.ObjectNode;
import java.util.List;
import java.util.Set;

/**
 * MISSING_VERSION: inserts "Version": "2012-10-17" as the first member, in the document's style.
 */
final class MissingVersionFix implements QuickFix {
  @Override
  public Set<CheckCode> codes() {
    return Set.of(CheckCode.MISSING_VERSION);
  }

  @Override
  public void offer(FixContext ctx, Finding finding, List<PolicyCodeAction> out) {
    ObjectNode root = ctx.policy().root().orElse(null);
    if (root == null || root.offset() != finding.offset()) {
      return;
    }
    String member = "\"Version\": \"2012-10-17\"";
    String text = ctx.text();
    TextEdit edit;
    if (root.properties().isEmpty()) {
      edit = new TextEdit(root.offset() + 1, 0, member);
    } else {
      JsonNode first = root.properties().get(0);
      if (Layout.firstOnLine(text, first.offset())) {
        // On its own line, indented like the member it goes before.
        String indent = Layout.lineIndent(text, first.offset());
        edit = new TextEdit(first.offset(), 0, member + ",\n" + indent);
      } else {
        edit = new TextEdit(first.offset(), 0, member + ", ");
      }
    }
    out.add(QuickFix.fix("Add \"Version\": \"2012-10-17\"", finding, edit));
  }
}
