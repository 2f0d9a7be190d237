package dev.iampolicyls.completion;

import dev.iampolicyls.codeactions.Layout;
import dev.iampolicyls.policy.PolicyType;

/**
 * A new statement in the Statement array: an object with the elements every statement of the policy
 * type needs, indented like the document, its blanks tab stops where the client takes snippets.
 */
final class StatementSkeleton {
  private StatementSkeleton() {}

  static void offer(Request r) {
    CursorContext ctx = r.context();
    String text = r.policy().document().text();
    String base = Layout.lineIndent(text, ctx.replaceStart());
    String inner = "\n" + base + Layout.indentUnit(text);
    PolicyType type = r.type();
    Snippet s =
        Snippet.of("{" + inner + "\"Effect\": \"").placeholder("Allow", "Allow").text("\",");
    String elements;
    if (type == PolicyType.TRUST_POLICY) {
      s.text(inner + "\"Principal\": {\"Service\": \"")
          .stop()
          .text("\"},")
          .text(inner + "\"Action\": \"")
          .placeholder("sts:AssumeRole", "sts:AssumeRole")
          .text("\"");
      elements = "Effect, Principal, Action";
    } else {
      if (type.isResourceBased()) {
        s.text(inner + "\"Principal\": {\"AWS\": [").stop().text("]},");
      }
      s.text(inner + "\"Action\": [").stop().text("],");
      s.text(inner + "\"Resource\": [").stop().text("]");
      elements =
          type.isResourceBased()
              ? "Effect, Principal, Action, Resource"
              : "Effect, Action, Resource";
    }
    s.text("\n" + base + "}").end();
    r.out()
        .raw(
            "New statement",
            CompletionKind.SNIPPET,
            elements,
            "A statement with the elements this kind of policy needs: " + elements + ".",
            s);
  }
}
