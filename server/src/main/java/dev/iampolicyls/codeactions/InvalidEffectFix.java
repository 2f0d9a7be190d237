package dev.iampolicyls.codeactions;

import dev.iampolicyls.checks.CheckCode;
import dev.iampolicyls.checks.Finding;
import dev.iampolicyls.syntax.JsonNode;
import dev.iampolicyls.syntax.StringNode;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** INVALID_EFFECT: "Allow" or "Deny"; the one the value resembles first. */
final class InvalidEffectFix implements QuickFix {
  @Override
  public Set<CheckCode> codes() {
    return Set.of(CheckCode.INVALID_EFFECT);
  }

  @Override
  public void offer(FixContext ctx, Finding finding, List<PolicyCodeAction> out) {
    JsonNode node = ctx.nodeOf(finding);
    if (node == null) {
      return;
    }
    String v = node instanceof StringNode s ? s.value().toLowerCase(Locale.ROOT) : "";
    List<String> order = v.startsWith("d") ? List.of("Deny", "Allow") : List.of("Allow", "Deny");
    for (String effect : order) {
      out.add(
          QuickFix.fix(
              "Change Effect to \"" + effect + "\"",
              finding,
              ctx.edits().replaceString(node, effect)));
    }
  }
}
